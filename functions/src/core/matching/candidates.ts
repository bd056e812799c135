import { offer } from './bounded-heap';
import { type EdgeSet, edgesFromBuckets } from './edge-set';
import type { RowSource } from './row-source';

/**
 * Mentors keep 2K candidates per place: the optimum often pairs mentors nobody ranks first with
 * mentees they rank well, and the wider mentor side halves the pairs the dual check has to add.
 */
const MENTOR_SIDE = 2;

/** Uint16 cache marker for a forbidden pair: storing the row's -1 in a Uint16Array yields exactly this. */
export const CACHE_FORBIDDEN = 0xffff;

export interface CandidatePass {
  /** The sparse graph: each mentee's K best mentors ∪ each mentor's 2K best mentees per place. */
  readonly edges: EdgeSet;
  /** Highest feasible score seen (units); -1 when no pair is feasible. */
  readonly maxSeen: number;
  /** All scores, row-major mentees × mentors, when they fit the memory budget (else recomputed). */
  readonly cache: Uint16Array | null;
}

/**
 * One pass over every pair: scores each row once, keeps the best K per person in flat heaps and
 * fills the cache used by the dual check. The inner loop is two comparisons against thresholds
 * (heaps change rarely), so the pass costs little more than the scoring itself.
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
  const rowScore = new Float64Array(k);
  const rowItem = new Int32Array(k);
  const rowBest = new Int32Array(nE * k);
  const rowBestScore = new Float64Array(nE * k);
  const rowCount = new Int32Array(nE);
  const colOff = new Int32Array(nM + 1);
  for (let mp = 0; mp < nM; mp++)
    colOff[mp + 1] = (colOff[mp] as number) + MENTOR_SIDE * k * (freePlaces[mp] as number);
  const colScore = new Float64Array(colOff[nM] as number);
  const colItem = new Int32Array(colOff[nM] as number);
  const colSize = new Int32Array(nM);
  // Entry threshold per mentor: -1 (takes any feasible score) until the heap is full, then its worst.
  const colMin = new Float64Array(nM).fill(-1);
  let maxSeen = -1;
  for (let ep = 0; ep < nE; ep++) {
    src.fill(ep, row);
    if (cache) {
      // -1 → 0xffff by the Uint16 conversion; an element loop is faster than set() across types.
      const base = ep * nM;
      for (let mp = 0; mp < nM; mp++) cache[base + mp] = row[mp] as number;
    }
    let size = 0;
    let rowMin = -1;
    for (let mp = 0; mp < nM; mp++) {
      const s = row[mp] as number;
      // Strictly better only: among equal scores the earlier (smaller id) stays — ties go by id.
      if (s > rowMin) {
        size = offer(rowScore, rowItem, 0, size, k, s, mp);
        if (size === k) rowMin = rowScore[0] as number;
        if (s > maxSeen) maxSeen = s;
      }
      if (s > (colMin[mp] as number)) {
        const off = colOff[mp] as number;
        const cap = (colOff[mp + 1] as number) - off;
        const cs = offer(colScore, colItem, off, colSize[mp] as number, cap, s, ep);
        colSize[mp] = cs;
        if (cs === cap) colMin[mp] = colScore[off] as number;
        if (s > maxSeen) maxSeen = s;
      }
    }
    rowCount[ep] = size;
    rowBest.set(rowItem.subarray(0, size), ep * k);
    rowBestScore.set(rowScore.subarray(0, size), ep * k);
  }
  // Buckets hold flat (mentor, units) pairs per mentee.
  const buckets: number[][] = Array.from({ length: nE }, (_, ep) => {
    const list: number[] = [];
    for (let c = ep * k; c < ep * k + (rowCount[ep] as number); c++) {
      list.push(rowBest[c] as number, rowBestScore[c] as number);
    }
    return list;
  });
  for (let mp = 0; mp < nM; mp++) {
    const off = colOff[mp] as number;
    for (let c = off; c < off + (colSize[mp] as number); c++) {
      (buckets[colItem[c] as number] as number[]).push(mp, colScore[c] as number);
    }
  }
  return { edges: edgesFromBuckets(buckets), maxSeen, cache };
}
