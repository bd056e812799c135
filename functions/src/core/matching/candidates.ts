import { type EdgeSet, edgesFromPairs, type PairList } from './edge-set';
import type { RowPool } from './row-pool';
import type { RowSource } from './row-source';
import { allocOf, REGRET_BASE, runTask, taskBase, type Alloc, type ScoreTask } from './row-tasks';

/**
 * Mentors keep 2K candidates per place: the optimum often pairs mentors nobody ranks first with
 * mentees they rank well, and the wider mentor side halves the pairs the dual check has to add.
 * They rank mentees by regret (see regretShift), not by score: a popular mentee scores high with
 * every mentor but ends up with one of its favourites, so an unpopular mentor's real options are the
 * mentees for whom it is (nearly) as good as anyone — a fifth of the dual check's additions remain.
 */
const MENTOR_SIDE = 2;

/** Largest row value a Uint16 cache holds (units + 1). */
const CACHE_MAX = 0xffff;

export interface CandidatePass {
  /** The sparse graph: each mentee's K best mentors ∪ each mentor's 2K best mentees per place. */
  readonly edges: EdgeSet;
  /** Highest feasible score seen (units); -1 when no pair is feasible. */
  readonly maxSeen: number;
  /** All row values (units + 1, 0 = forbidden), mentees × mentors, when they fit the memory budget. */
  readonly cache: Uint16Array | null;
}

/**
 * One pass over every pair: scores each row once (straight into the cache when there is one), keeps
 * the best K per person in flat heaps and fills the cache used by the dual check. Row values are
 * units + 1 with 0 for a forbidden pair, so the inner loop is two comparisons against thresholds
 * that start at 0 (heaps change rarely) — the pass costs little more than the scoring itself. With a
 * pool, helper threads score chunks of rows too (the cache is then shared memory); each thread keeps
 * its own best mentees per mentor and the merge keeps the best of their union, which is exactly what
 * one thread would have kept (the order "higher score, then smaller index" is total).
 */
export function candidatePass(
  src: RowSource,
  freePlaces: Int32Array,
  k: number,
  maxCachedCells: number,
  pool?: RowPool,
): CandidatePass {
  const nE = src.mentees;
  const nM = src.mentors;
  const useCache = src.maxUnits < CACHE_MAX && src.unitsPerPoint === 10 && nE * nM <= maxCachedCells;
  // Helpers rebuild the built-in scorer from plain data and write into the shared cache.
  const parallel = pool && pool.helpers > 0 && useCache && src.spec ? pool : undefined;
  const cache = useCache ? (parallel ? parallel.sharedUint16(nE * nM) : new Uint16Array(nE * nM)) : null;
  if (parallel && src.spec) parallel.setSource(src.spec);
  const colOff = new Int32Array(nM + 1);
  for (let mp = 0; mp < nM; mp++)
    colOff[mp + 1] = (colOff[mp] as number) + MENTOR_SIDE * k * (freePlaces[mp] as number);
  const makeTask = (a: Alloc, threads: number): ScoreTask => ({
    ...taskBase(a, nE, nM),
    kind: 'score',
    k,
    regret: src.maxUnits + 1 < REGRET_BASE ? 1 : 0,
    cache,
    colOff: a.i32From(colOff),
    threads,
    colScore: a.f64(threads * (colOff[nM] as number)),
    colItem: a.i32(threads * (colOff[nM] as number)),
    colSize: a.i32(threads * nM),
    rowBest: a.i32(nE * k),
    rowBestScore: a.f64(nE * k),
    rowCount: a.i32(nE),
  });
  const t = runTask(makeTask(allocOf(parallel), parallel ? parallel.helpers + 1 : 1), src, parallel, () =>
    makeTask(allocOf(undefined), 1),
  );
  let best = 0;
  for (let c = 0; c < t.rowBestScore.length; c++) {
    if ((t.rowBestScore[c] as number) > best && c % k < (t.rowCount[Math.floor(c / k)] as number))
      best = t.rowBestScore[c] as number;
  }
  const col = mergeColumns(t);
  // Both sides' picks as one pair list (row values are units + 1).
  let length = col.length;
  for (let ep = 0; ep < nE; ep++) length += t.rowCount[ep] as number;
  const pairs: PairList = {
    mentee: new Int32Array(length),
    mentor: new Int32Array(length),
    units: new Float64Array(length),
    length,
  };
  let at = 0;
  for (let ep = 0; ep < nE; ep++) {
    for (let c = ep * k; c < ep * k + (t.rowCount[ep] as number); c++, at++) {
      pairs.mentee[at] = ep;
      pairs.mentor[at] = t.rowBest[c] as number;
      pairs.units[at] = (t.rowBestScore[c] as number) - 1;
    }
  }
  for (let q = 0; q < col.length; q++, at++) {
    pairs.mentee[at] = col.mentee[q] as number;
    pairs.mentor[at] = col.mentor[q] as number;
    const key = col.score[q] as number;
    pairs.units[at] = (t.regret === 1 ? key % REGRET_BASE : key) - 1;
  }
  return { edges: edgesFromPairs(nE, pairs), maxSeen: best - 1, cache };
}

/** Each mentor's best mentees over all threads' heaps: higher key first, then the smaller index. */
function mergeColumns(t: ScoreTask): { mentee: Int32Array; mentor: Int32Array; score: Float64Array; length: number } {
  const nM = t.mentors;
  const total = t.colOff[nM] as number;
  const mentee = new Int32Array(total);
  const mentor = new Int32Array(total);
  const score = new Float64Array(total);
  let length = 0;
  // Scratch for one mentor's entries over all threads, sorted by insertion (higher key, then smaller
  // index): a few dozen entries, no objects.
  let keys = new Float64Array(64);
  let items = new Int32Array(64);
  for (let mp = 0; mp < nM; mp++) {
    const off = t.colOff[mp] as number;
    const cap = (t.colOff[mp + 1] as number) - off;
    if (t.threads === 1) {
      for (let c = off; c < off + (t.colSize[mp] as number); c++, length++) {
        mentee[length] = t.colItem[c] as number;
        mentor[length] = mp;
        score[length] = t.colScore[c] as number;
      }
      continue;
    }
    let n = 0;
    for (let th = 0; th < t.threads; th++) {
      for (let c = th * total + off; c < th * total + off + (t.colSize[th * nM + mp] as number); c++) {
        if (n === keys.length) {
          const k2 = new Float64Array(2 * n);
          k2.set(keys);
          keys = k2;
          const i2 = new Int32Array(2 * n);
          i2.set(items);
          items = i2;
        }
        const key = t.colScore[c] as number;
        const item = t.colItem[c] as number;
        let at = n++;
        while (
          at > 0 &&
          ((keys[at - 1] as number) < key || ((keys[at - 1] as number) === key && (items[at - 1] as number) > item))
        ) {
          keys[at] = keys[at - 1] as number;
          items[at] = items[at - 1] as number;
          at--;
        }
        keys[at] = key;
        items[at] = item;
      }
    }
    for (let q = 0; q < Math.min(cap, n); q++, length++) {
      mentee[length] = items[q] as number;
      mentor[length] = mp;
      score[length] = keys[q] as number;
    }
  }
  return { mentee, mentor, score, length };
}
