/**
 * The TypeScript project references behind `npm run typecheck` (`tsc -b`, issue #25 point 6): the
 * Node project (functions/src, bot/src) has no DOM and no jest, the tab project (tab/src) no Node.js
 * and no jest, and the tests project has all three. Each is proved with a probe file that uses a
 * browser global, a Node.js global and a jest global, typechecked in the project's own program (all
 * its files, so a package that drags in another library's types would show up too). And every
 * TypeScript file of the repository belongs to exactly one project.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..', '..');

function parse(config: string): ts.ParsedCommandLine {
  const path = join(ROOT, config);
  const read = ts.readConfigFile(path, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, ROOT, undefined, path);
}

/** One line per global the probe uses; the probe is no file on disk, only in this program. */
const PROBE = [
  'export const browser = document.title;',
  'export const node = process.env.NODE_ENV;',
  'export const testRunner = typeof describe;',
  '',
].join('\n');

interface Probed {
  /** The globals the project does not know, from "Cannot find name 'x'" errors. */
  unknown: string[];
  /** Any other error in the probe (none expected: they would make the probe meaningless). */
  other: string[];
  /** The project's program, probe included. */
  files: string[];
}

/** Typechecks PROBE as `file` inside the program of `config` (all its files and references). */
function probe(config: string, file: string): Probed {
  const parsed = parse(config);
  const probePath = join(ROOT, file);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === probePath ? ts.createSourceFile(name, PROBE, language) : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === probePath || ts.sys.fileExists(name);
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, probePath],
    options: parsed.options,
    projectReferences: parsed.projectReferences ?? [],
    host,
  });
  const source = program.getSourceFile(probePath);
  if (!source) throw new Error(`the probe ${file} is not in the program of ${config}`);
  const messages = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
  const unknown: string[] = [];
  const other: string[] = [];
  for (const message of messages) {
    const name = /^Cannot find name '(\w+)'/.exec(message)?.[1];
    if (name) unknown.push(name);
    else other.push(message);
  }
  return { unknown: unknown.sort(), other, files: program.getSourceFiles().map((f) => relative(ROOT, f.fileName)) };
}

const libs = (config: string) => (parse(config).options.lib ?? []).map((lib) => lib.toLowerCase());

describe('tsconfig project references', () => {
  beforeAll(() => {
    // The tab and tests projects read the Node and tab projects' declarations (build/tsc/), which
    // `tsc -b` builds first (up to date after `npm run typecheck`). Type errors in the tree are the
    // typecheck's business, not this test's: the declarations are written all the same.
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.tab.json'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  });

  it('npm run typecheck builds the solution tsconfig.json: the Node, tab and tests projects', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.typecheck).toBe('tsc -b');
    const solution = parse('tsconfig.json');
    expect(solution.fileNames).toEqual([]);
    expect((solution.projectReferences ?? []).map((r) => relative(ROOT, r.path))).toEqual([
      'tsconfig.node.json',
      'tsconfig.tab.json',
      'tsconfig.tests.json',
    ]);
  });

  it('the Node project (functions, bot, CLI) knows Node.js but neither the DOM nor jest', () => {
    expect(libs('tsconfig.node.json')).toEqual(['lib.es2023.d.ts']);
    expect(parse('tsconfig.node.json').options.types).toEqual(['node']);
    const { unknown, other, files } = probe('tsconfig.node.json', 'functions/src/cli/types-probe.ts');
    expect(other).toEqual([]);
    expect(unknown).toEqual(['describe', 'document']);
    expect(files.filter((f) => /lib\.dom|@types\/jest/.test(f))).toEqual([]);
  });

  it("the unbundled build (tsconfig.build.json) has the Node project's lib and types", () => {
    const build = parse('tsconfig.build.json').options;
    const node = parse('tsconfig.node.json').options;
    expect([build.lib, build.types]).toEqual([node.lib, node.types]);
  });

  it('the tab project knows the DOM but neither Node.js nor jest, and reads functions/src as declarations', () => {
    expect(libs('tsconfig.tab.json')).toEqual(['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts']);
    expect(parse('tsconfig.tab.json').options.types).toEqual([]);
    const { unknown, other, files } = probe('tsconfig.tab.json', 'tab/src/types-probe.ts');
    expect(other).toEqual([]);
    expect(unknown).toEqual(['describe', 'process']);
    expect(files.filter((f) => /@types\/(node|jest)\//.test(f))).toEqual([]);
    // What the tab takes from functions/src (core/ code, app/ and ports/ types) it reads from the
    // Node project's declarations, typechecked once under the Node project's rules.
    expect(files.filter((f) => f.startsWith('functions/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('build/tsc/node/functions/src/core/')).length).toBeGreaterThan(0);
  });

  it('the tests project knows Node.js, jest and the DOM (browser tests hand functions to the page)', () => {
    const { unknown, other } = probe('tsconfig.tests.json', 'test/unit/tooling/types-probe.ts');
    expect(other).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('every TypeScript file of the repository is in exactly one project', () => {
    const projects = ['tsconfig.node.json', 'tsconfig.tab.json', 'tsconfig.tests.json'];
    const owners = new Map<string, string[]>();
    for (const project of projects) {
      for (const file of parse(project).fileNames) {
        const name = relative(ROOT, file);
        owners.set(name, [...(owners.get(name) ?? []), project]);
      }
    }
    const tracked = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.tsx', '*.mts', '*.cts'],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\n')
      .filter((f) => f !== '' && ts.sys.fileExists(join(ROOT, f)));
    expect(tracked.length).toBeGreaterThan(100);
    const wrong = tracked
      .map((file) => [file, owners.get(file) ?? []] as const)
      .filter(([, owning]) => owning.length !== 1);
    expect(wrong).toEqual([]);
  });
});
