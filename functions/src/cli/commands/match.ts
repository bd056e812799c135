import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CliCommand } from '../command';
import { UsageError, parseArgs } from '../command';
import { rowPool, solveMatchingInParallel } from '../../adapters/parallel-matching';
import { formatReason, MatchInputError, type MatchResult, type MessageLanguage } from '../../core/matching';

const USAGE = 'usage: tandem match --input FILE [--output FILE] [--lang en|de]';

/** The CLI's JSON: reasons as text in the chosen language, plus the message keys for tools. */
export function renderResult(result: MatchResult, lang: MessageLanguage): unknown {
  return {
    pairs: result.pairs.map((p) => ({
      mentor: p.mentor,
      mentee: p.mentee,
      score: p.score,
      reasons: p.reasons.map((r) => formatReason(r.key, r.params, lang)),
      breakdown: p.breakdown,
      locked: p.locked,
    })),
    pairCount: result.pairCount,
    totalScore: result.totalScore,
    unmatched: result.unmatched.map((u) => ({
      id: u.id,
      role: u.role,
      reason: formatReason(u.reason.key, u.reason.params, lang),
      code: u.reason.key,
    })),
    optimal: result.optimal,
    warnings: result.warnings,
    stats: {
      ...result.stats,
      ms: Math.round(result.stats.ms),
      phases: Object.fromEntries(Object.entries(result.stats.phases).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    },
  };
}

/** Reads and parses the instance; every failure names the file and what is wrong with it. */
function readInstance(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new MatchInputError([`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new MatchInputError([`${file} is not valid JSON: ${(err as Error).message}`]);
  }
}

/**
 * `tandem match --input FILE [--output FILE]`: solves a matching instance offline (how HR plans)
 * and writes the result as JSON to stdout or FILE. Bad input exits 1 with every problem named.
 */
export const command: CliCommand = {
  async run(args) {
    const { options, positional } = parseArgs(args);
    const input = options.input;
    if (typeof input !== 'string' || positional.length > 0) throw new UsageError(USAGE);
    const lang = options.lang ?? 'en';
    if (lang !== 'en' && lang !== 'de') throw new UsageError(`--lang must be en or de\n${USAGE}`);
    if (options.output !== undefined && typeof options.output !== 'string') throw new UsageError(USAGE);
    // Helper threads start loading now, while the instance is read and prepared.
    rowPool();
    try {
      const instance = readInstance(input);
      // The engine validates the instance first (MatchInputError names each problem); the result is
      // solveMatching's, with the passes over all pairs shared with the helper threads.
      const result = solveMatchingInParallel(instance as Parameters<typeof solveMatchingInParallel>[0], {
        clock: () => performance.now(),
      });
      const json = `${JSON.stringify(renderResult(result, lang), null, 2)}\n`;
      if (typeof options.output === 'string') writeFileSync(options.output, json);
      else process.stdout.write(json);
      for (const w of result.warnings) console.error(`tandem match: warning: ${w.message}`);
      return 0;
    } catch (err) {
      if (err instanceof MatchInputError) {
        console.error(`tandem match: bad input: ${err.message}`);
        return 1;
      }
      throw err;
    }
  },
};
