/**
 * One bench measurement in its own process (so peak memory belongs to one solver):
 *   node --import tsx scripts/bench/lib/run-one.ts --solver tandem|munkres --n N --seed S [--cap2 SHARE] [--threads 1]
 * Prints one JSON line: time, pairs, total score (units), peak RSS.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rowPool, solveMatchingInParallel } from '../../../functions/src/adapters/parallel-matching';
import { solveMatching } from '../../../functions/src/core/matching';
import { compileFeatures } from '../../../functions/src/core/matching/features';
import { buildScoreTables } from '../../../functions/src/core/matching/fit-score';
import { prepare } from '../../../functions/src/core/matching/prepare';
import { builtInRows } from '../../../functions/src/core/matching/row-source';
import { parseArgs } from '../../../functions/src/cli/command';
import { generateInstance } from './instance';

export interface RunResult {
  solver: 'tandem' | 'munkres';
  n: number;
  ms: number;
  /** CPU time of the same span (user + system): on a shared machine, the share we actually got. */
  cpuMs: number;
  /** Time to build the cost matrix (munkres only; not part of `ms`). */
  setupMs?: number;
  pairs: number;
  /** Total fit in integer units (tenths of a point) for an exact comparison. */
  totalUnits: number;
  optimal?: boolean;
  rounds?: number;
  candidateEdges?: number;
  phases?: Record<string, number>;
  rssBeforeMB: number;
  peakRssMB: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

// NOTE: munkres ships ESM types only; its CommonJS build is loaded with require (types declared here).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { munkres } = require('munkres') as { munkres: (costs: ArrayLike<ArrayLike<number>>) => [number, number][] };

function main(): void {
  const { options } = parseArgs(process.argv.slice(2));
  const solver = options.solver === 'munkres' ? 'munkres' : 'tandem';
  const n = Number(options.n ?? 1000);
  const seed = Number(options.seed ?? 1);
  let input = generateInstance({ mentees: n, mentors: n, seed, capacityTwoShare: Number(options.cap2 ?? 0) });
  let result: RunResult;
  const single = options.threads === '1';
  if (solver === 'tandem' && !single) {
    // As `tandem match` does: the helper threads start with the process, while the instance file is
    // read and parsed (here: the generated instance, written to a file first); the engine is timed
    // from the instance in memory, as before.
    const file = join(mkdtempSync(join(tmpdir(), 'bench-match-')), 'instance.json');
    writeFileSync(file, JSON.stringify(input));
    rowPool();
    input = JSON.parse(readFileSync(file, 'utf8')) as typeof input;
    rmSync(dirname(file), { recursive: true, force: true });
  }
  const rssBeforeMB = mb(process.memoryUsage().rss);
  if (solver === 'tandem') {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = (single ? solveMatching : solveMatchingInParallel)(input, { clock: () => performance.now() });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    result = {
      solver,
      n,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      pairs: r.pairCount,
      totalUnits: Math.round(r.totalScore * 10),
      optimal: r.optimal,
      rounds: r.stats.rounds,
      candidateEdges: r.stats.candidateEdges,
      phases: r.stats.phases,
      rssBeforeMB,
      peakRssMB: 0,
    };
  } else {
    // Same scores as Tandem (its row scorer), as a dense cost matrix: cost = top − score for a
    // feasible pair, and "unmatched" (top + n·top + 1) for a forbidden one, so the optimum of
    // munkres is Tandem's objective: most pairs, then highest total.
    const t0 = performance.now();
    const p = prepare(input);
    const f = compileFeatures(p.mentors, p.mentees);
    const src = builtInRows(p, f, buildScoreTables(input.weights));
    const row = new Float64Array(src.mentors);
    const scores: Int32Array[] = [];
    let top = 0;
    for (let ep = 0; ep < src.mentees; ep++) {
      src.fill(ep, row);
      scores.push(Int32Array.from(row, (value) => value - 1)); // row values are units + 1, 0 = forbidden
      for (const s of row) if (s - 1 > top) top = s - 1;
    }
    const unmatched = top + Math.min(src.mentees, src.mentors) * top + 1;
    const costs = scores.map((r) => r.map((s) => (s < 0 ? unmatched : top - s)));
    const setupMs = performance.now() - t0;
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const assignment = munkres(costs);
    const ms = performance.now() - t1;
    const cpu = process.cpuUsage(c1);
    let pairs = 0;
    let totalUnits = 0;
    for (const [ep, mp] of assignment) {
      const s = scores[ep]?.[mp] ?? -1;
      if (s < 0) continue;
      pairs++;
      totalUnits += s;
    }
    const cpuMs = (cpu.user + cpu.system) / 1000;
    result = { solver, n, ms, cpuMs, setupMs, pairs, totalUnits, rssBeforeMB, peakRssMB: 0 };
  }
  result.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
