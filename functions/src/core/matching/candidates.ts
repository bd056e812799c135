import { offer } from './bounded-heap';
import { type EdgeSet, edgesFromBuckets } from './edge-set';
import type { RowSource } from './row-source';

/** Uint16 cache marker for a forbidden pair (built-in scores stay below it). */
export const CACHE_FORBIDDEN = 0xffff;

export interface CandidatePass {
  /** The sparse graph: each mentee's K best mentors ∪ each mentor's K best mentees (per place). */
  readonly edges: EdgeSet;
  readonly feasibleForMentee: Int32Array;
  readonly feasibleForMentor: Int32Array;
  /** Highest feasible score seen (units); -1 when no pair is feasible. */
  readonly maxSeen: number;
  /** All scores, row-major mentees × mentors, when they fit the memory budget (else recomputed). */
  readonly cache: Uint16Array | null;
}

/**
 * One pass over every pair: scores each row once, keeps the best K per person in flat heaps,
 * counts feasible partners for the explanations and fills the cache used by the dual check.
 */
export function candidatePass(
  src: RowSource,
  freePlaces: Int32Array,
  k: number,
  maxCachedCells: number,
): CandidatePass {
  const nE = src.mentees;
  const nM = src.mentors;
  const useCache = src.maxUnits < CACHE_FORBIDDEN && src.unitsPerPoint === 10 && nE * nM <= maxCachedCells;
  const cache = useCache ? new Uint16Array(nE * nM) : null;
  const row = new Float64Array(nM);
  const feasibleForMentee = new Int32Array(nE);
  const feasibleForMentor = new Int32Array(nM);
  const rowScore = new Float64Array(k);
  const rowItem = new Int32Array(k);
  const rowBest = new Int32Array(nE * k);
  const rowBestScore = new Float64Array(nE * k);
  const rowCount = new Int32Array(nE);
  const colOff = new Int32Array(nM + 1);
  for (let mp = 0; mp < nM; mp++) colOff[mp + 1] = (colOff[mp] as number) + k * (freePlaces[mp] as number);
  const colScore = new Float64Array(colOff[nM] as number);
  const colItem = new Int32Array(colOff[nM] as number);
  const colSize = new Int32Array(nM);
  let maxSeen = -1;
  const forbidden = CACHE_FORBIDDEN; // local alias: imported bindings are getters (see row-source)
  for (let ep = 0; ep < nE; ep++) {
    src.fill(ep, row);
    let size = 0;
    let feasible = 0;
    if (cache) {
      const base = ep * nM;
      for (let mp = 0; mp < nM; mp++) {
        const s = row[mp] as number;
        cache[base + mp] = s < 0 ? forbidden : s;
      }
    }
    for (let mp = 0; mp < nM; mp++) {
      const s = row[mp] as number;
      if (s < 0) continue;
      feasible++;
      feasibleForMentor[mp] = (feasibleForMentor[mp] as number) + 1;
      if (s > maxSeen) maxSeen = s;
      if (size < k || s > (rowScore[0] as number)) size = offer(rowScore, rowItem, 0, size, k, s, mp);
      const off = colOff[mp] as number;
      const cs = colSize[mp] as number;
      const cap = (colOff[mp + 1] as number) - off;
      if (cs < cap || s > (colScore[off] as number)) colSize[mp] = offer(colScore, colItem, off, cs, cap, s, ep);
    }
    feasibleForMentee[ep] = feasible;
    rowCount[ep] = size;
    rowBest.set(rowItem.subarray(0, size), ep * k);
    rowBestScore.set(rowScore.subarray(0, size), ep * k);
  }
  // Buckets hold flat (mentor, units) pairs per mentee.
  const buckets: number[][] = Array.from({ length: nE }, (_, ep) => {
    const list: number[] = [];
    for (let c = ep * k; c < ep * k + (rowCount[ep] as number); c++)
      list.push(rowBest[c] as number, rowBestScore[c] as number);
    return list;
  });
  for (let mp = 0; mp < nM; mp++) {
    const off = colOff[mp] as number;
    for (let c = off; c < off + (colSize[mp] as number); c++) {
      (buckets[colItem[c] as number] as number[]).push(mp, colScore[c] as number);
    }
  }
  return { edges: edgesFromBuckets(buckets), feasibleForMentee, feasibleForMentor, maxSeen, cache };
}
