/** Lints probe sources with the project's ESLint configuration in one run (lint-probes.mjs). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface Probe {
  /** Where the probe would live, from the repository root (decides which layer's rules apply). */
  path: string;
  code: string;
}

/** Every probe's ESLint messages, in order; a probe ESLint could not parse throws (it would pass every rule). */
export function lintMessages(probes: Probe[]): { ruleId: string | null; message: string }[][] {
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-probes.mjs'), ROOT], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  const results = JSON.parse(out) as { ruleId: string | null; message: string }[][];
  const fatal = results.flat().find((m) => m.ruleId === null);
  if (fatal) throw new Error(`ESLint could not lint a probe: ${fatal.message}`);
  return results;
}
