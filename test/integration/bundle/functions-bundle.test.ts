/**
 * The deployment bundle (npm run build → build/functions): only production code and production
 * dependencies, the same functions as the source tree, a helper thread that runs from it, and the
 * package within its budget (≤ 300 files, zip ≤ 10 MB, ≤ 100 files read to load the entry).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Metafile } from 'esbuild';
import { bundleFunctions, ROOT } from '../../../scripts/package/bundle-functions';
import { createZip } from '../../../scripts/package/zip-writer';
import { measureEntryLoad } from '../../../scripts/bench/lib/entry-load';
import { ThreadRowPool } from '../../../functions/src/adapters/parallel-matching';
import { solveMatching, type MatchResult, type RowPool, type RowTask } from '../../../functions/src/core/matching';
import { generateInstance } from '../../../scripts/bench/lib/instance';

jest.setTimeout(180_000);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return lstatSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Source files of the bundle that must never run in Azure, with the reason. */
function forbiddenInputs(metafile: Metafile): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return Object.keys(metafile.inputs).flatMap((input) => {
    if (/(^|\/)(functions|bot)\/src\/local\//.test(input)) return [`${input}: local-only code`];
    if (/(^|\/)test\//.test(input) && !input.includes('node_modules/')) return [`${input}: test code`];
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match && lock.packages[match[1] as string]?.dev) return [`${input}: dev dependency`];
    return [];
  });
}

function registrationsOf(entry: string): unknown {
  const script = join(ROOT, 'test', 'support', 'print-registrations.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

/** The helper pool; the caller waits after each post until a helper has done a chunk, so helpers surely take part. */
class EagerPool implements RowPool {
  helperTasks = 0;
  constructor(private readonly inner: ThreadRowPool) {}
  get helpers(): number {
    return this.inner.helpers;
  }
  sharedFloat64(n: number): Float64Array {
    return this.inner.sharedFloat64(n);
  }
  sharedInt32(n: number): Int32Array {
    return this.inner.sharedInt32(n);
  }
  sharedUint16(n: number): Uint16Array {
    return this.inner.sharedUint16(n);
  }
  setSource(spec: Parameters<RowPool['setSource']>[0]): void {
    this.inner.setSource(spec);
  }
  post(task: RowTask): void {
    this.inner.post(task);
    if (task.rows === 0) return;
    const until = Date.now() + 10_000;
    while (Atomics.load(task.control, 1) === 0 && Atomics.load(task.control, 2) === 0 && Date.now() < until)
      Atomics.wait(task.control, 1, 0, 50);
    if (Atomics.load(task.control, 1) > 0) this.helperTasks++;
  }
  wait(task: RowTask): boolean {
    return this.inner.wait(task);
  }
}

const withoutTimes = (r: MatchResult) => ({ ...r, stats: { ...r.stats, ms: 0, phases: {} } });

describe('the Functions deployment bundle', () => {
  let stage: string;
  let metafile: Metafile;

  beforeAll(async () => {
    stage = mkdtempSync(join(tmpdir(), 'tandem-bundle-'));
    // The tab is built by its own tests; its files are copied when present.
    ({ metafile } = await bundleFunctions({ outDir: stage, tab: false }));
  });
  afterAll(() => rmSync(stage, { recursive: true, force: true }));

  it('holds no local-only code, no test code and no dev dependency', () => {
    expect(Object.keys(metafile.inputs).some((i) => i.startsWith('functions/src/http/'))).toBe(true);
    expect(forbiddenInputs(metafile)).toEqual([]);
  });

  it('uses every production dependency (an unused one belongs nowhere, a local-only one in devDependencies)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const inputs = Object.keys(metafile.inputs);
    const unused = Object.keys(pkg.dependencies).filter((d) => !inputs.some((i) => i.startsWith(`node_modules/${d}/`)));
    expect(unused).toEqual([]);
  });

  it('would catch local code reaching the entry (the check itself)', () => {
    const fake: Metafile = {
      inputs: {
        'functions/src/local/embedded-cosmos.ts': { bytes: 1, imports: [] },
        'node_modules/@vercel/cosmosdb-server/lib/index.js': { bytes: 1, imports: [] },
      },
      outputs: {},
    };
    expect(forbiddenInputs(fake)).toHaveLength(2);
  });

  it('registers exactly the functions of the source tree when the local host loads its main', () => {
    const pkg = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as {
      main: string;
      dependencies?: unknown;
    };
    expect(pkg.dependencies).toBeUndefined();
    const fromBundle = registrationsOf(join(stage, pkg.main));
    const fromSource = registrationsOf(join(ROOT, 'functions', 'src', 'index.ts'));
    expect((fromBundle as unknown[]).length).toBeGreaterThan(10);
    expect(fromBundle).toEqual(fromSource);
  });

  it('runs a parallel matching on the helper thread the bundle ships beside its entry', async () => {
    const worker = join(stage, 'dist', 'row-worker.js');
    expect(existsSync(worker)).toBe(true);
    // The bundled thread pool looks for row-worker.js next to the running file (the bundle's entry).
    expect(readFileSync(join(stage, 'dist', 'index.js'), 'utf8')).toContain('row-worker');
    const pool = new ThreadRowPool(1, worker);
    try {
      await pool.ready();
      const input = generateInstance({ mentees: 300, mentors: 280, seed: 7, capacityTwoShare: 0 });
      const eager = new EagerPool(pool);
      const parallel = solveMatching(input, { pool: eager });
      expect(eager.helperTasks).toBeGreaterThanOrEqual(1);
      expect(withoutTimes(parallel)).toEqual(withoutTimes(solveMatching(input)));
    } finally {
      await pool.close();
    }
  });

  it('stays within the cold-start budget: ≤ 300 files, zip ≤ 10 MB, ≤ 100 files read to load', () => {
    const all = files(stage);
    expect(all.length).toBeLessThanOrEqual(300);
    const zip = createZip(all.map((f) => ({ name: relative(stage, f).split(sep).join('/'), data: readFileSync(f) })));
    expect(zip.length).toBeLessThanOrEqual(10 * 1024 * 1024);
    expect(all.some((f) => f.endsWith('index.js.map'))).toBe(true);
    expect(measureEntryLoad(join(stage, 'dist', 'index.js'), stage, 1).files).toBeLessThanOrEqual(100);
  });
});
