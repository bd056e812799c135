/**
 * `${{NAME}}` placeholders (the Microsoft 365 Agents Toolkit's syntax) in JSON templates, filled
 * from environment variables. Values are substituted inside parsed string values, so a value with
 * quotes or backslashes cannot break the JSON.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class MissingVariablesError extends Error {
  constructor(
    readonly names: string[],
    where: string,
  ) {
    super(`Missing environment variable${names.length > 1 ? 's' : ''} for ${where}: ${names.join(', ')}.`);
  }
}

/** The placeholder names used anywhere in a JSON value, sorted and without duplicates. */
export function placeholderNames(value: unknown): string[] {
  const names = new Set<string>();
  walk(value, (text) => {
    for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1] as string);
    return text;
  });
  return [...names].sort();
}

/** A copy of the JSON value with every placeholder replaced; throws naming every missing variable. */
export function fillPlaceholders<T>(value: T, env: Record<string, string | undefined>, where: string): T {
  const missing = placeholderNames(value).filter((name) => !env[name]?.trim());
  if (missing.length) throw new MissingVariablesError(missing, where);
  return walk(value, (text) => text.replace(PLACEHOLDER, (_m, name: string) => (env[name] as string).trim())) as T;
}

function walk(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, map));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [map(k), walk(v, map)]));
  return value;
}
