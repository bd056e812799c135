/**
 * Reads Bicep as text, since the Bicep CLI cannot be installed offline: comments removed, string
 * contents masked for bracket matching, blocks and top-level keys extracted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const INFRA = join(ROOT, 'infra');

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export function bicepFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(`${dir}/${d.name}`) : d.name.endsWith('.bicep') ? [`${dir}/${d.name}`] : [],
    );
  return walk('infra');
}

/** The text with `//` and `/* *\/` comments blanked and, when `maskStrings`, string contents blanked. */
export function clean(text: string, maskStrings = false): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end < 0 ? text.length : end + 3;
      const body = text.slice(i, stop);
      out += maskStrings ? "'''" + body.slice(3, -3).replace(/[^\n]/g, ' ') + "'''" : body;
      i = stop;
    } else if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
      const body = text.slice(i, j + 1);
      out += maskStrings ? "'" + ' '.repeat(Math.max(0, body.length - 2)) + "'" : body;
      i = j + 1;
    } else if (two === '//') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (two === '/*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += text[i];
      i++;
    }
  }
  return out;
}

const PAIRS: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

/** Index of the bracket closing the one at `open` (in text whose strings and comments are masked). */
export function closing(masked: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const c = masked[i] as string;
    if (PAIRS[c]) stack.push(PAIRS[c]);
    else if (c === '}' || c === ']' || c === ')') {
      if (stack.pop() !== c) throw new Error(`unbalanced "${c}" at ${i}`);
      if (stack.length === 0) return i;
    }
  }
  throw new Error(`unclosed bracket at ${open}`);
}

/** Every bracket is balanced (a cheap stand-in for the parser). */
export function assertBalanced(text: string): void {
  const masked = clean(text, true);
  const stack: string[] = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i] as string;
    if (PAIRS[c]) stack.push(PAIRS[c]);
    else if (c === '}' || c === ']' || c === ')') {
      if (stack.pop() !== c) throw new Error(`unbalanced "${c}" at offset ${i}`);
    }
  }
  if (stack.length) throw new Error(`${stack.length} unclosed bracket(s)`);
}

/** The bodies (original text, comments removed) of every `key: [` / `key: {` block. */
export function blocks(text: string, key: string): string[] {
  const code = clean(text);
  const masked = clean(text, true);
  const found: string[] = [];
  const re = new RegExp(`\\b${key}\\s*:\\s*([\\[{])`, 'g');
  for (const m of masked.matchAll(re)) {
    const open = (m.index as number) + m[0].length - 1;
    found.push(code.slice(open + 1, closing(masked, open)));
  }
  return found;
}

/** Keys at the top level of an object body, e.g. `a: 1, b: { c: 2 }` gives [a, b]. */
export function topLevelKeys(body: string): string[] {
  const masked = clean(body, true);
  let flat = '';
  let depth = 0;
  for (const c of masked) {
    if (PAIRS[c]) depth++;
    flat += depth === 0 ? c : ' ';
    if (c === '}' || c === ']' || c === ')') depth--;
  }
  return [...flat.matchAll(/(?:^|[\s,])([A-Za-z_]\w*)\s*:/g)].map((m) => m[1] as string);
}

export interface ParamDecl {
  name: string;
  required: boolean;
}

export function params(text: string): ParamDecl[] {
  return [...clean(text).matchAll(/^param\s+(\w+)\s+[\w.]+(\s*=)?/gm)].map((m) => ({
    name: m[1] as string,
    required: !m[2],
  }));
}

export interface ModuleUse {
  symbol: string;
  path: string;
  params: string[];
}

export function modules(text: string): ModuleUse[] {
  const code = clean(text);
  const masked = clean(text, true);
  return [...code.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*(?:if\s*\([^)]*\)\s*)?\{/gm)].map((m) => {
    const open = (m.index as number) + m[0].length - 1;
    const body = code.slice(open + 1, closing(masked, open));
    const paramsBody = blocks(body, 'params')[0] ?? '';
    return { symbol: m[1] as string, path: m[2] as string, params: topLevelKeys(paramsBody) };
  });
}

/** `resource x 'Type@version'` declarations: [type, apiVersion]. */
export function resourceTypes(text: string): [string, string][] {
  return [...clean(text).matchAll(/^resource\s+\w+\s+'([^@']+)@([^']+)'/gm)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]);
}
