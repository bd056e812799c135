import { BucketQueue } from './bucket-queue';
import { Layout, scratchKernel, setupSearch } from './kernels';
import type { LapProblem } from './lap-sparse';

/**
 * Shortest augmenting path (Dijkstra with potentials over integer reduced costs, Dial's buckets) for
 * every free row, in row order; potentials are updated so that reduced costs stay ≥ 0 and the new
 * assignment is tight. Ties go to whatever the deterministic search order reaches first.
 *
 * With `p.directCost`, each search also prices the root row against every still-free column, edge
 * or not: late in a sparse solve the free columns are the unpopular ones, far away through the graph
 * but often one step away in the full set of pairs, so the search stops early. Pairs taken that way
 * are pushed to `extraPairs` (row slot, column slot) so the caller adds them to the graph.
 * Returns the number of columns settled (the work done).
 */
/** Dial's buckets (distances below this; larger ones go to a heap). */
const BUCKETS = 4096;

export function augmentAll(
  p: LapProblem,
  rowGroup: Int32Array,
  u: Float64Array,
  v: Float64Array,
  rowMatch: Int32Array,
  colMatch: Int32Array,
  extraPairs: number[],
): number {
  let work = 0;
  const nR = rowMatch.length;
  const nC = v.length - nR;
  const N = v.length;
  const { adjStart, adjCol, adjCost, colSlotStart, dummyCost: D } = p;
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const pred = new Int32Array(N);
  const touched = new Int32Array(N);
  const settled = new Int32Array(N);
  const queue = new BucketQueue(N, BUCKETS);
  const unitColumns = colSlotStart.length - 1 === nC;
  const direct = p.directCost;
  const freeCols = direct ? freeColumns(colMatch, nC) : [];
  for (let r0 = 0; r0 < nR; r0++) {
    if (rowMatch[r0] !== -1) continue;
    let nTouched = 0;
    let nSettled = 0;
    let r = r0;
    let dr = 0;
    let sink: number;
    let dSink: number;
    // Nearest free column labelled so far: the search ends once no queued label is nearer, without
    // settling the (often large) plateau of matched columns at the same distance.
    let freeCol = -1;
    let freeDist = Infinity;
    let directCol = -1; // the free column priced directly, when it is the search's best
    if (direct) {
      freeCol = nearestFreeColumn(freeCols, colMatch, u, v, direct, r0);
      if (freeCol >= 0) {
        freeDist = direct(r0, freeCol) - (u[r0] as number) - (v[freeCol] as number); // its reduced cost
        directCol = freeCol;
        touched[nTouched++] = freeCol;
        dist[freeCol] = freeDist;
        pred[freeCol] = r0;
        // A pair outside the graph may even have a negative reduced cost (nothing bounds u by it):
        // take it at once — lowering u[r0] keeps every other edge of the row feasible.
        if (freeDist > 0) queue.set(freeCol, freeDist);
      }
    }
    for (;;) {
      if (freeDist <= 0 && directCol >= 0) {
        sink = directCol;
        dSink = freeDist;
        break;
      }
      {
        // Relax the edges of row r, reached at distance dr (the dummy column last).
        const g = rowGroup[r] as number;
        const base = dr - (u[r] as number);
        for (let k = adjStart[g] as number, end = adjStart[g + 1] as number; k < end; k++) {
          const h = adjCol[k] as number;
          const c = base + (adjCost[k] as number);
          // Column groups of one slot (the usual case) skip the slot loop.
          const jStart = unitColumns ? h : (colSlotStart[h] as number);
          const jEnd = unitColumns ? h + 1 : (colSlotStart[h + 1] as number);
          for (let j = jStart; j < jEnd; j++) {
            if (done[j] === 1) continue;
            const nd = c - (v[j] as number);
            if (nd < (dist[j] as number)) {
              if (dist[j] === Infinity) touched[nTouched++] = j;
              dist[j] = nd;
              pred[j] = r;
              queue.set(j, nd);
              if (nd < freeDist && colMatch[j] === -1) {
                freeDist = nd;
                freeCol = j;
              }
            }
          }
        }
        const jd = nC + r;
        const nd = base + D - (v[jd] as number);
        if (done[jd] === 0 && nd < (dist[jd] as number)) {
          if (dist[jd] === Infinity) touched[nTouched++] = jd;
          dist[jd] = nd;
          pred[jd] = r;
          queue.set(jd, nd);
          if (nd < freeDist && colMatch[jd] === -1) {
            freeDist = nd;
            freeCol = jd;
          }
        }
      }
      // A free column as near as the row itself cannot be beaten (JV's shortcut).
      if (freeDist === dr) {
        sink = freeCol;
        dSink = dr;
        break;
      }
      // Settle the nearest column, unless the nearest free column is at least as near.
      const j = queue.pop();
      if (j < 0) throw new Error('assignment: no augmenting path (a dummy column is always reachable)');
      const d = dist[j] as number;
      if (d >= freeDist) {
        sink = freeCol;
        dSink = freeDist;
        break;
      }
      done[j] = 1;
      settled[nSettled++] = j;
      r = colMatch[j] as number;
      dr = d;
    }
    work += nSettled + 1;
    if (sink === directCol && pred[sink] === r0) extraPairs.push(r0, sink);
    for (let s = 0; s < nSettled; s++) {
      const j = settled[s] as number;
      const delta = dSink - (dist[j] as number);
      if (delta <= 0) continue;
      v[j] = (v[j] as number) - delta;
      const rr = colMatch[j] as number;
      if (rr >= 0) u[rr] = (u[rr] as number) + delta;
    }
    u[r0] = (u[r0] as number) + dSink;
    for (let j = sink; ;) {
      const rr = pred[j] as number;
      const next = rowMatch[rr] as number;
      rowMatch[rr] = j;
      colMatch[j] = rr;
      if (rr === r0) break;
      j = next;
    }
    queue.clear(touched, nTouched);
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t] as number;
      dist[j] = Infinity;
      done[j] = 0;
    }
  }
  return work;
}

/**
 * The augmenting row reduction (lap-sparse.ts, reduceRows, on the rows in `queue` with at most `steps`
 * row steps and `passes` passes) and then augmentAll's searches, by the WebAssembly kernel
 * (kernels.wat, `reduceRows` and `augment`): the graph, potentials and assignment are copied into its
 * memory and back; this thread still prices each root row against the free columns (the score cache
 * lives outside the kernel). Returns the rows the reduction left free and the work of the searches, or
 * null when WebAssembly is unavailable or a cost or potential is not finite (the JavaScript loops then
 * run).
 */
export function reduceAndAugmentByKernel(
  p: LapProblem,
  rowGroup: Int32Array,
  u: Float64Array,
  v: Float64Array,
  rowMatch: Int32Array,
  colMatch: Int32Array,
  queue: number[],
  steps: number,
  passes: number,
  extraPairs: number[],
): { searches: number; settled: number } | null {
  const nR = rowMatch.length;
  const N = v.length;
  const nC = N - nR;
  const { adjStart, adjCol, adjCost, colSlotStart } = p;
  if (queue.length === 0 && !rowMatch.includes(-1)) return { searches: 0, settled: 0 }; // nothing to do
  const finite = (x: Float64Array): boolean => {
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i] as number)) return false;
    return true;
  };
  if (!Number.isFinite(p.dummyCost) || !finite(adjCost) || !finite(u) || !finite(v)) return null;
  // Overflow heap entries of one search: at most one per relaxation (every column slot of every edge
  // of every row, every dummy) and the directly priced column.
  let relaxations = N + 1;
  if (colSlotStart.length - 1 === nC) relaxations += adjCol.length;
  else {
    for (let k = 0; k < adjCol.length; k++) {
      const h = adjCol[k] as number;
      relaxations += (colSlotStart[h + 1] as number) - (colSlotStart[h] as number);
    }
  }
  const at = new Layout();
  const o = {
    adjStart: at.take(4 * adjStart.length),
    adjCol: at.take(4 * adjCol.length),
    adjCost: at.take(8 * adjCost.length),
    colSlotStart: at.take(4 * colSlotStart.length),
    rowGroup: at.take(4 * nR),
    u: at.take(8 * nR),
    v: at.take(8 * N),
    rowMatch: at.take(4 * nR),
    colMatch: at.take(4 * N),
    dist: at.take(8 * N),
    done: at.take(N),
    pred: at.take(4 * N),
    touched: at.take(4 * N),
    settled: at.take(4 * N),
    head: at.take(4 * BUCKETS),
    next: at.take(4 * N),
    prev: at.take(4 * N),
    bucketOf: at.take(4 * N),
    ovKey: at.take(8 * N),
    hKeys: at.take(8 * relaxations),
    hVals: at.take(4 * relaxations),
    arrQueue: at.take(4 * Math.max(queue.length, 1)),
    arrNext: at.take(4 * Math.max(queue.length, 1)),
  };
  const k = scratchKernel(at.size);
  if (!k) return null;
  const b = k.memory.buffer;
  const i32 = (off: number, n: number) => new Int32Array(b, off, n);
  const f64 = (off: number, n: number) => new Float64Array(b, off, n);
  i32(o.adjStart, adjStart.length).set(adjStart);
  i32(o.adjCol, adjCol.length).set(adjCol);
  f64(o.adjCost, adjCost.length).set(adjCost);
  i32(o.colSlotStart, colSlotStart.length).set(colSlotStart);
  i32(o.rowGroup, nR).set(rowGroup);
  const uK = f64(o.u, nR);
  const vK = f64(o.v, N);
  const rowMatchK = i32(o.rowMatch, nR);
  const colMatchK = i32(o.colMatch, N);
  uK.set(u);
  vK.set(v);
  rowMatchK.set(rowMatch);
  colMatchK.set(colMatch);
  // The memory is reused: every array read before it is written starts afresh.
  f64(o.dist, N).fill(Infinity);
  new Uint8Array(b, o.done, N).fill(0);
  i32(o.head, BUCKETS).fill(-1);
  i32(o.bucketOf, N).fill(-1);
  f64(o.ovKey, N).fill(Infinity);
  const out = i32(0, 2);
  setupSearch(k, { ...o, nC, unit: colSlotStart.length - 1 === nC ? 1 : 0, D: p.dummyCost });
  const direct = p.directCost;
  i32(o.arrQueue, queue.length).set(queue);
  const searches = queue.length > 0 ? k.reduceRows(o.arrQueue, o.arrNext, queue.length, steps, passes) : 0;
  let work = 0;
  const freeCols = direct ? freeColumns(colMatchK, nC) : [];
  for (let r0 = 0; r0 < nR; r0++) {
    if (rowMatchK[r0] !== -1) continue;
    const freeCol = direct ? nearestFreeColumn(freeCols, colMatchK, uK, vK, direct, r0) : -1;
    const freeDist =
      freeCol >= 0 && direct ? direct(r0, freeCol) - (uK[r0] as number) - (vK[freeCol] as number) : Infinity;
    const sink = k.augment(r0, freeCol, freeDist);
    work += (out[0] as number) + 1;
    if (out[1] === 1) extraPairs.push(r0, sink);
  }
  u.set(uK);
  v.set(vK);
  rowMatch.set(rowMatchK);
  colMatch.set(colMatchK);
  return { searches, settled: work };
}

/** The free real columns, for direct pricing (nearestFreeColumn drops those taken since). */
function freeColumns(colMatch: Int32Array, nC: number): number[] {
  const free: number[] = [];
  for (let j = 0; j < nC; j++) if (colMatch[j] === -1) free.push(j);
  return free;
}

/**
 * Direct pricing: the still-free column with the smallest reduced cost from row r0 through
 * `direct` (the smaller index on ties; -1 when every pair is forbidden); columns taken meanwhile
 * are swap-removed from `freeCols`.
 */
function nearestFreeColumn(
  freeCols: number[],
  colMatch: Int32Array,
  u: Float64Array,
  v: Float64Array,
  direct: (row: number, col: number) => number,
  r0: number,
): number {
  let freeCol = -1;
  let freeDist = Infinity;
  for (let f = freeCols.length - 1; f >= 0; f--) {
    const j = freeCols[f] as number;
    if (colMatch[j] !== -1) {
      freeCols[f] = freeCols[freeCols.length - 1] as number;
      freeCols.pop();
      continue;
    }
    const d = direct(r0, j) - (u[r0] as number) - (v[j] as number);
    if (d < freeDist || (d === freeDist && j < freeCol)) {
      freeDist = d;
      freeCol = j;
    }
  }
  return freeCol;
}
