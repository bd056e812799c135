/**
 * Makes code splitting work with Fluent UI v9. esbuild puts a module into the chunk of every entry
 * that can *reach* it, and `@fluentui/react-components` is one barrel that re-exports every
 * component: through it the participant page would "reach" (and load) the console's tables and the
 * report's widgets, and all three Teams themes. So, at build time only:
 * - imports from `@fluentui/react-components` in tab/src are rewritten to the component packages
 *   that define them (the mapping is read from the barrel itself), and
 * - the `@fluentui/tokens` barrel stops re-exporting the themes and palettes; the theme chunks
 *   import the theme they need from its own file.
 * The source keeps the documented `@fluentui/react-components` imports (and its types).
 */
import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Target {
  from: string;
  name: string;
}

/** exported name → where the barrel gets it from. */
export function readBarrel(barrelFile: string): Map<string, Target> {
  const text = readFileSync(barrelFile, 'utf8').replace(/\/\/[^\n]*/g, '');
  const map = new Map<string, Target>();
  for (const m of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const [, list = '', from = ''] = m;
    for (const raw of list.split(',')) {
      const spec = raw.trim();
      if (!spec) continue;
      const [name = '', alias] = spec.split(/\s+as\s+/).map((s) => s.trim());
      map.set(alias ?? name, { from, name });
    }
  }
  return map;
}

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]@fluentui\/react-components['"];?/g;
const REEXPORT = /export\s*\{([^}]*)\}\s*from\s*['"]@fluentui\/react-components['"];?/g;

/** Rewrites one source file's barrel imports (type-only specifiers are dropped: esbuild erases them anyway). */
export function rewriteImports(
  source: string,
  barrel: Map<string, Target>,
  themeFiles: Record<string, string>,
): string {
  const group = (list: string, keyword: 'import' | 'export') => {
    const byModule = new Map<string, string[]>();
    for (const raw of list.split(',')) {
      const spec = raw.trim();
      if (!spec || spec.startsWith('type ')) continue;
      const [name = '', alias] = spec.split(/\s+as\s+/).map((s) => s.trim());
      const themeFile = themeFiles[name];
      const target = themeFile ? { from: themeFile, name } : barrel.get(name);
      if (!target) throw new Error(`@fluentui/react-components has no export "${name}"`);
      const local = alias ?? name;
      const list2 = byModule.get(target.from) ?? [];
      list2.push(target.name === local ? local : `${target.name} as ${local}`);
      byModule.set(target.from, list2);
    }
    return [...byModule]
      .map(([from, names]) => `${keyword} { ${names.join(', ')} } from ${JSON.stringify(from)};`)
      .join('\n');
  };
  return source
    .replace(IMPORT, (_, list: string) => group(list, 'import'))
    .replace(REEXPORT, (_, list: string) => group(list, 'export'));
}

export function fluentSplitPlugin(root: string): Plugin {
  const componentsDir = dirname(require.resolve('@fluentui/react-components/package.json', { paths: [root] }));
  const tokensDir = dirname(require.resolve('@fluentui/tokens/package.json', { paths: [root] }));
  const barrel = readBarrel(join(componentsDir, 'lib', 'index.js'));
  const teams = join(tokensDir, 'lib', 'themes', 'teams');
  const themeFiles: Record<string, string> = {
    teamsLightTheme: join(teams, 'lightTheme.js'),
    teamsDarkTheme: join(teams, 'darkTheme.js'),
    teamsHighContrastTheme: join(teams, 'highContrastTheme.js'),
  };
  const tokensIndex = join(tokensDir, 'lib', 'index.js');
  return {
    name: 'fluent-split',
    setup(build) {
      build.onLoad({ filter: /[\\/]tab[\\/]src[\\/].*\.tsx?$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('@fluentui/react-components')) return undefined;
        return { contents: rewriteImports(source, barrel, themeFiles), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
      build.onLoad({ filter: /[\\/]@fluentui[\\/]tokens[\\/]lib[\\/]index\.js$/ }, (args) => {
        if (args.path !== tokensIndex) return undefined;
        // The tokens (CSS variable names) and typography stay; themes and palettes are only reached from the theme chunks.
        const none = [
          'teamsDarkTheme',
          'teamsDarkV21Theme',
          'teamsHighContrastTheme',
          'teamsLightTheme',
          'teamsLightV21Theme',
          'webDarkTheme',
          'webLightTheme',
          'createDarkTheme',
          'createHighContrastTheme',
          'createLightTheme',
          'createTeamsDarkTheme',
        ];
        return {
          contents: [
            'export { themeToTokensObject } from "./themeToTokensObject.js";',
            'export { tokens } from "./tokens.js";',
            'export { typographyStyles } from "./global/typographyStyles.js";',
            ...none.map((n) => `export const ${n} = undefined;`),
          ].join('\n'),
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}
