import { offer } from './bounded-heap';
import { type EdgeSet, edgesFromPairs, type PairList } from './edge-set';
import type { RowSource, ScoreRow } from './row-source';

/**
 * Mentors keep 2K candidates per place: the optimum often pairs mentors nobody ranks first with
 * mentees they rank well, and the wider mentor side halves the pairs the dual check has to add.
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
 * One row against every mentor: keeps the row's K best in (rowScore, rowItem) and offers the pair to
 * the mentor's heap when it beats that heap's threshold. A function of its own (not a loop inside
 * candidatePass) so V8 optimises it as a regular call instead of on-stack replacement, and with one
 * row type per call site: the 10^8-iteration loop then runs several times faster.
 */
function scanRow(
  row: ScoreRow,
  nM: number,
  k: number,
  ep: number,
  rowScore: Float64Array,
  rowItem: Int32Array,
  colMin: Float64Array,
  offerColumn: (s: number, mp: number, ep: number) => void,
): number {
  let size = 0;
  let rowMin = 0;
  for (let mp = 0; mp < nM; mp++) {
    const s = row[mp] as number;
    // Strictly better only: among equal scores the earlier (smaller id) stays — ties go by id.
    if (s > rowMin) {
      size = offer(rowScore, rowItem, 0, size, k, s, mp);
      if (size === k) rowMin = rowScore[0] as number;
    }
    if (s > (colMin[mp] as number)) offerColumn(s, mp, ep);
  }
  return size;
}

/**
 * One pass over every pair: scores each row once (straight into the cache when there is one), keeps
 * the best K per person in flat heaps and fills the cache used by the dual check. Row values are
 * units + 1 with 0 for a forbidden pair, so the inner loop is two comparisons against thresholds
 * that start at 0 (heaps change rarely) — the pass costs little more than the scoring itself.
 */
export function candidatePass(
  src: RowSource,
  freePlaces: Int32Array,
  k: number,
  maxCachedCells: number,
): CandidatePass {
  const nE = src.mentees;
  const nM = src.mentors;
  const useCache = src.maxUnits < CACHE_MAX && src.unitsPerPoint === 10 && nE * nM <= maxCachedCells;
  const cache = useCache ? new Uint16Array(nE * nM) : null;
  const buffer = new Float64Array(nM);
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
  // Entry threshold per mentor: 0 (takes any feasible value) until the heap is full, then its worst.
  const colMin = new Float64Array(nM);
  let best = 0;
  const offerColumn = (s: number, mp: number, ep: number): void => {
    if (s > best) best = s;
    const off = colOff[mp] as number;
    const cap = (colOff[mp + 1] as number) - off;
    const cs = offer(colScore, colItem, off, colSize[mp] as number, cap, s, ep);
    colSize[mp] = cs;
    if (cs === cap) colMin[mp] = colScore[off] as number;
  };
  for (let ep = 0; ep < nE; ep++) {
    const row: ScoreRow = cache ? cache.subarray(ep * nM, (ep + 1) * nM) : buffer;
    src.fill(ep, row);
    const size = scanRow(row, nM, k, ep, rowScore, rowItem, colMin, offerColumn);
    for (let c = 0; c < size; c++) if ((rowScore[c] as number) > best) best = rowScore[c] as number;
    rowCount[ep] = size;
    rowBest.set(rowItem.subarray(0, size), ep * k);
    rowBestScore.set(rowScore.subarray(0, size), ep * k);
  }
  // Both sides' picks as one pair list (row values are units + 1).
  let length = 0;
  for (let ep = 0; ep < nE; ep++) length += rowCount[ep] as number;
  for (let mp = 0; mp < nM; mp++) length += colSize[mp] as number;
  const pairs: PairList = {
    mentee: new Int32Array(length),
    mentor: new Int32Array(length),
    units: new Float64Array(length),
    length,
  };
  let at = 0;
  for (let ep = 0; ep < nE; ep++) {
    for (let c = ep * k; c < ep * k + (rowCount[ep] as number); c++, at++) {
      pairs.mentee[at] = ep;
      pairs.mentor[at] = rowBest[c] as number;
      pairs.units[at] = (rowBestScore[c] as number) - 1;
    }
  }
  for (let mp = 0; mp < nM; mp++) {
    const off = colOff[mp] as number;
    for (let c = off; c < off + (colSize[mp] as number); c++, at++) {
      pairs.mentee[at] = colItem[c] as number;
      pairs.mentor[at] = mp;
      pairs.units[at] = (colScore[c] as number) - 1;
    }
  }
  return { edges: edgesFromPairs(nE, pairs), maxSeen: best - 1, cache };
}
