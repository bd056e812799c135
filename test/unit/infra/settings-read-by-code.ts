/**
 * The environment variables the deployed code reads, found in the code itself so the list grows
 * as settings are added: `process.env.X`, `process.env['X']`, `env.X`, `env['X']`, any call
 * `f(env, 'X', ...)`, and in config files (config.ts, *-config.ts) every string literal that looks
 * like a setting name (helpers such as `pick('X')` or lists of names).
 * functions/src/local/** is left out: it never runs in Azure.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './bicep-text';

const SOURCE_DIRS = ['functions/src', 'bot/src'];
const LOCAL_ONLY = /^functions\/src\/local\//;
const SETTING_NAME = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,}|MicrosoftApp[A-Za-z]+)$/;

function sourceFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

function isEnv(node: ts.Node): boolean {
  const text = node.getText();
  return text === 'process.env' || text === 'env';
}

/** Setting name → the files that read it. */
export function settingsReadByCode(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (name: string, file: string) => {
    const files = found.get(name) ?? [];
    if (!files.includes(file)) files.push(file);
    found.set(name, files);
  };
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    if (LOCAL_ONLY.test(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const isConfigFile = /(^|\/)([\w-]*-)?config\.ts$/.test(file);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) add(node.name.text, file);
      if (ts.isElementAccessExpression(node) && isEnv(node.expression) && ts.isStringLiteral(node.argumentExpression))
        add(node.argumentExpression.text, file);
      if (ts.isCallExpression(node)) {
        node.arguments.forEach((arg, i) => {
          const next = node.arguments[i + 1];
          if (isEnv(arg) && next && ts.isStringLiteralLike(next)) add(next.text, file);
        });
      }
      if (isConfigFile && ts.isStringLiteralLike(node) && SETTING_NAME.test(node.text)) add(node.text, file);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

export function describeFiles(files: string[]): string {
  return files.map((f) => relative(ROOT, join(ROOT, f))).join(', ');
}
