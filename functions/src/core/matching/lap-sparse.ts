import { MinHeap } from './min-heap';

/**
 * Min-cost assignment on a sparse bipartite graph by shortest augmenting paths (Dijkstra with
 * potentials, as in Jonker–Volgenant). People with room for several partners are "groups" of
 * interchangeable slots; every row slot r also has a private dummy column (index nC + r, cost
 * `dummyCost`) meaning "stays unmatched", so every row is assigned and the costs decide who stays out.
 *
 * Invariants (checked independently by certify): reduced costs c − u[r] − v[j] ≥ 0 on every edge,
 * 0 on matched edges; column potentials only fall, and free columns keep v = 0.
 */
export interface LapProblem {
  /** Row group g owns row slots [rowSlotStart[g], rowSlotStart[g + 1]). */
  readonly rowSlotStart: Int32Array;
  /** Column group h owns column slots [colSlotStart[h], colSlotStart[h + 1]). */
  readonly colSlotStart: Int32Array;
  /** Edges of row group g: [adjStart[g], adjStart[g + 1]) with column group and integer cost. */
  readonly adjStart: Int32Array;
  readonly adjCol: Int32Array;
  readonly adjCost: Float64Array;
  readonly dummyCost: number;
}

export interface LapSolution {
  /** Column slot per row slot; values ≥ nC are the row's dummy (unmatched). */
  readonly rowMatch: Int32Array;
  /** Row slot per column slot (nC real + nR dummies), -1 when free. */
  readonly colMatch: Int32Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
  readonly realColumns: number;
}

export function solveLap(p: LapProblem): LapSolution {
  const nRG = p.rowSlotStart.length - 1;
  const nR = p.rowSlotStart[nRG] as number;
  const nC = p.colSlotStart[p.colSlotStart.length - 1] as number;
  const N = nC + nR;
  const { adjStart, adjCol, adjCost, colSlotStart, dummyCost: D } = p;
  const rowGroup = new Int32Array(nR);
  for (let g = 0; g < nRG; g++) rowGroup.fill(g, p.rowSlotStart[g], p.rowSlotStart[g + 1]);
  const u = new Float64Array(nR);
  const v = new Float64Array(N);
  const rowMatch = new Int32Array(nR).fill(-1);
  const colMatch = new Int32Array(N).fill(-1);

  // Start: u = cheapest edge per row (v = 0), and take that column at once when it is still free.
  for (let r = 0; r < nR; r++) {
    const g = rowGroup[r] as number;
    let best = D;
    for (let k = adjStart[g] as number; k < (adjStart[g + 1] as number); k++) {
      if ((adjCost[k] as number) < best) best = adjCost[k] as number;
    }
    u[r] = best;
    let taken = -1;
    if (best === D) taken = nC + r;
    for (let k = adjStart[g] as number; k < (adjStart[g + 1] as number) && taken < 0; k++) {
      if (adjCost[k] !== best) continue;
      const h = adjCol[k] as number;
      for (let j = colSlotStart[h] as number; j < (colSlotStart[h + 1] as number); j++) {
        if (colMatch[j] === -1) {
          taken = j;
          break;
        }
      }
    }
    if (taken >= 0) {
      rowMatch[r] = taken;
      colMatch[taken] = r;
    }
  }

  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const pred = new Int32Array(N);
  const touched = new Int32Array(N);
  const settled = new Int32Array(N);
  const heap = new MinHeap(4096);

  for (let r0 = 0; r0 < nR; r0++) {
    if (rowMatch[r0] !== -1) continue;
    let nTouched = 0;
    let nSettled = 0;
    heap.clear();
    const relax = (r: number, dr: number): void => {
      const g = rowGroup[r] as number;
      const base = dr - (u[r] as number);
      for (let k = adjStart[g] as number, end = adjStart[g + 1] as number; k < end; k++) {
        const h = adjCol[k] as number;
        const c = base + (adjCost[k] as number);
        for (let j = colSlotStart[h] as number, jEnd = colSlotStart[h + 1] as number; j < jEnd; j++) {
          if (done[j] === 1) continue;
          const nd = c - (v[j] as number);
          if (nd < (dist[j] as number)) {
            if (dist[j] === Infinity) touched[nTouched++] = j;
            dist[j] = nd;
            pred[j] = r;
            heap.push(nd, j);
          }
        }
      }
      const j = nC + r;
      const nd = base + D - (v[j] as number);
      if (done[j] === 0 && nd < (dist[j] as number)) {
        if (dist[j] === Infinity) touched[nTouched++] = j;
        dist[j] = nd;
        pred[j] = r;
        heap.push(nd, j);
      }
    };
    relax(r0, 0);
    let sink = -1;
    let dSink = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const j = heap.pop();
      if (done[j] === 1 || d > (dist[j] as number)) continue;
      if (colMatch[j] === -1) {
        sink = j;
        dSink = d;
        break;
      }
      done[j] = 1;
      settled[nSettled++] = j;
      relax(colMatch[j] as number, d);
    }
    if (sink < 0) throw new Error('assignment: no augmenting path (the dummy column should always be reachable)');
    for (let s = 0; s < nSettled; s++) {
      const j = settled[s] as number;
      const delta = dSink - (dist[j] as number);
      v[j] = (v[j] as number) - delta;
      const r = colMatch[j] as number;
      u[r] = (u[r] as number) + delta;
    }
    u[r0] = (u[r0] as number) + dSink;
    for (let j = sink; ;) {
      const r = pred[j] as number;
      const next = rowMatch[r] as number;
      rowMatch[r] = j;
      colMatch[j] = r;
      if (r === r0) break;
      j = next;
    }
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t] as number;
      dist[j] = Infinity;
      done[j] = 0;
    }
  }
  return { rowMatch, colMatch, u, v, realColumns: nC };
}
