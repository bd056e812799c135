/**
 * `npm run build:tsc`, second step: tsc leaves the path aliases of tsconfig.base.json (`@tandem/app`,
 * `@tandem/core/*`, `@tandem/ports/*`) as they are in its output, and Node knows nothing of them, so
 * each `require("@tandem/…")` in dist/ becomes the relative path of the compiled module. The aliases
 * are read from the tsconfig (one list); a `@tandem/` require that none matches fails the build.
 * (esbuild, tsx and jest resolve the aliases themselves: `npm run build`, `npm start`, the tests.)
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');

/** One alias: the pattern (`@tandem/core/*`) and its target, a path from the source root (`functions/src/core/*`). */
export interface Alias {
  pattern: string;
  target: string;
}

/** The aliases of a tsconfig's `compilerOptions.paths` (first substitution each), with targets relative to `sourceRoot`. */
export function aliasesOf(tsconfigPath: string, sourceRoot: string): Alias[] {
  const { config, error } = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const paths = (config as { compilerOptions?: { paths?: Record<string, string[]> } }).compilerOptions?.paths ?? {};
  return Object.entries(paths).map(([pattern, [first]]) => {
    if (!first) throw new Error(`The alias ${pattern} in ${tsconfigPath} has no target.`);
    // Without baseUrl, a substitution is relative to the tsconfig that declares it.
    const target = relative(sourceRoot, resolve(dirname(tsconfigPath), first))
      .split(sep)
      .join('/');
    return { pattern, target };
  });
}

/** The target (a path from the source root) of one module specifier, or undefined when no alias matches. */
export function targetOf(specifier: string, aliases: readonly Alias[]): string | undefined {
  for (const { pattern, target } of aliases) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (specifier === pattern) return target;
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix))
      return target.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length));
  }
  return undefined;
}

const REQUIRE = /\brequire\((["'])(@tandem\/[^"']*)\1\)/g;

/**
 * One compiled file with its alias requires made relative: `file` is the output file's path from the
 * output root, which mirrors the source root (tsconfig `rootDir`).
 */
export function rewriteAliases(code: string, file: string, aliases: readonly Alias[]): string {
  return code.replace(REQUIRE, (_whole, quote: string, specifier: string) => {
    const target = targetOf(specifier, aliases);
    if (target === undefined) throw new Error(`${file}: require("${specifier}") matches no path alias.`);
    let path = relative(dirname(file), target).split(sep).join('/');
    if (!path.startsWith('.')) path = `./${path}`;
    return `require(${quote}${path}${quote})`;
  });
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** Rewrites every .js file under `outDir` (the output of a tsc build whose rootDir is `sourceRoot`); returns the files changed. */
export function rewriteOutput(outDir: string, aliases: readonly Alias[]): string[] {
  const changed: string[] = [];
  for (const path of jsFiles(outDir)) {
    const code = readFileSync(path, 'utf8');
    if (!code.includes('@tandem/')) continue;
    const rewritten = rewriteAliases(code, relative(outDir, path), aliases);
    if (rewritten !== code) {
      writeFileSync(path, rewritten);
      changed.push(path);
    }
  }
  return changed;
}

if (require.main === module) {
  // tsconfig.build.json: outDir dist, rootDir the repository root.
  const outDir = resolve(ROOT, process.argv[2] ?? 'dist');
  const changed = rewriteOutput(outDir, aliasesOf(join(ROOT, 'tsconfig.base.json'), ROOT));
  console.log(`Path aliases rewritten to relative requires in ${changed.length} files of ${relative(ROOT, outDir)}/.`);
}
