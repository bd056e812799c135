/**
 * Loads a Functions entry (package.json `main`) in a fresh Node process, as the host does, with
 * `@azure/functions-core` answered by a stub: how long the `require` takes and how many distinct
 * files it reads (every module file and every file the code reads while loading).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the host's own module offers the @azure/functions library (it only records here). */
const STUB = `const none = { dispose() {} };
module.exports = { version: 'bench', setProgrammingModel() {}, getProgrammingModel() {},
  registerFunction() { return none; }, registerHook() { return none; }, log() {} };`;

const LOADER = `const Module = require('node:module');
const fs = require('node:fs');
const [entry, stub] = process.argv.slice(1);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === '@azure/functions-core' ? stub : resolve.call(this, request, ...rest);
};
const read = new Set();
for (const name of ['readFileSync', 'openSync', 'readFile', 'open']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) {
    if (typeof file === 'string' || file instanceof URL) read.add(String(file));
    return original.call(this, file, ...rest);
  };
}
const started = process.hrtime.bigint();
require(entry);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
read.delete(stub);
process.stdout.write(JSON.stringify({ ms, files: read.size, sample: [...read].slice(0, 5) }));`;

export interface EntryLoad {
  /** Median load time of the runs, in ms. */
  ms: number;
  /** Distinct files read while loading (the same in every run). */
  files: number;
  runs: number[];
}

/** Loads `entry` in `runs` fresh processes (cwd: the package root) and reports the median. */
export function measureEntryLoad(entry: string, cwd: string, runs = 5): EntryLoad {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-entry-'));
  const stub = join(dir, 'functions-core-stub.js');
  writeFileSync(stub, STUB);
  try {
    const results = Array.from({ length: runs }, () => {
      // A clean environment: no host settings beyond what Node needs.
      const out = execFileSync(process.execPath, ['-e', LOADER, entry, stub], {
        cwd,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir },
        encoding: 'utf8',
      });
      return JSON.parse(out) as { ms: number; files: number };
    });
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      ms: times[Math.floor(times.length / 2)] ?? NaN,
      files: Math.max(...results.map((r) => r.files)),
      runs: results.map((r) => r.ms),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
