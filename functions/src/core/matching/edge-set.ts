import { Layout, scratchKernel } from './kernels';

/** The sparse candidate graph, mentee-major (CSR), each mentee's mentors ascending, no duplicates. */
export interface EdgeSet {
  /** Mentee ep's edges are at [start[ep], start[ep + 1]). */
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  /** Score of the pair in units. */
  readonly units: Float64Array;
}

/** Pairs in flat typed arrays, in any order, possibly repeated (a pair always has the same units). */
export interface PairList {
  mentee: Int32Array;
  mentor: Int32Array;
  units: Float64Array;
  length: number;
}

/**
 * Builds the CSR by two counting sorts (by mentor, then stably by mentee), so each row comes out
 * sorted by mentor without sorting rows: a popular mentee is among the best of a thousand mentors,
 * and sorting such rows one by one was most of this function's time. Then drops repeats.
 */
export function edgesFromPairs(nE: number, pairs: PairList): EdgeSet {
  const fast = edgesFromPairsKernel(nE, pairs);
  if (fast) return fast;
  const { length } = pairs;
  let nM = 0;
  for (let i = 0; i < length; i++) if ((pairs.mentor[i] as number) >= nM) nM = (pairs.mentor[i] as number) + 1;
  // Pass 1: positions ordered by mentor.
  const byMentor = new Int32Array(nM + 1);
  for (let i = 0; i < length; i++) {
    const mp = (pairs.mentor[i] as number) + 1;
    byMentor[mp] = (byMentor[mp] as number) + 1;
  }
  for (let mp = 0; mp < nM; mp++) byMentor[mp + 1] = (byMentor[mp + 1] as number) + (byMentor[mp] as number);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const mp = pairs.mentor[i] as number;
    order[byMentor[mp] as number] = i;
    byMentor[mp] = (byMentor[mp] as number) + 1;
  }
  // Pass 2: stable by mentee, so each row keeps the mentor order.
  const start = new Int32Array(nE + 1);
  for (let i = 0; i < length; i++) {
    const ep = (pairs.mentee[i] as number) + 1;
    start[ep] = (start[ep] as number) + 1;
  }
  for (let ep = 0; ep < nE; ep++) start[ep + 1] = (start[ep + 1] as number) + (start[ep] as number);
  const fill = start.slice(0, nE);
  const mentor = new Int32Array(length);
  const units = new Float64Array(length);
  for (let q = 0; q < length; q++) {
    const i = order[q] as number;
    const ep = pairs.mentee[i] as number;
    const at = fill[ep] as number;
    mentor[at] = pairs.mentor[i] as number;
    units[at] = pairs.units[i] as number;
    fill[ep] = at + 1;
  }
  // Compact without repeats (a pair always has the same units).
  let out = 0;
  const compactStart = new Int32Array(nE + 1);
  for (let ep = 0; ep < nE; ep++) {
    const lo = start[ep] as number;
    const hi = start[ep + 1] as number;
    compactStart[ep] = out;
    for (let i = lo; i < hi; i++) {
      if (i > lo && mentor[i] === mentor[i - 1]) continue;
      mentor[out] = mentor[i] as number;
      units[out] = units[i] as number;
      out++;
    }
  }
  compactStart[nE] = out;
  return { start: compactStart, mentor: mentor.slice(0, out), units: units.slice(0, out) };
}

/**
 * The union of the graph and extra pairs (from the dual check or the searches), both CSR sorted by
 * mentor without repeats: each row with extras is a merge of two sorted lists, and runs of rows
 * without extras (most rows after the first check) are block copies. Same result as rebuilding from
 * all pairs (a pair always has the same units).
 */
export function withEdges(set: EdgeSet, extra: EdgeSet): EdgeSet {
  const fast = withEdgesKernel(set, extra);
  if (fast) return fast;
  const nE = set.start.length - 1;
  const size = set.mentor.length + extra.mentor.length;
  const start = new Int32Array(nE + 1);
  const mentor = new Int32Array(size);
  const units = new Float64Array(size);
  let out = 0;
  let from = 0; // rows [from, ep) have no extras: copied as one block when the next row with extras comes
  const copyRows = (ep: number): void => {
    const lo = set.start[from] as number;
    const hi = set.start[ep] as number;
    mentor.set(set.mentor.subarray(lo, hi), out);
    units.set(set.units.subarray(lo, hi), out);
    for (let r = from; r < ep; r++) start[r] = (set.start[r] as number) - lo + out;
    out += hi - lo;
  };
  for (let ep = 0; ep < nE; ep++) {
    let x = extra.start[ep] as number;
    const xEnd = extra.start[ep + 1] as number;
    if (x === xEnd) continue;
    copyRows(ep);
    from = ep + 1;
    start[ep] = out;
    let k = set.start[ep] as number;
    const end = set.start[ep + 1] as number;
    while (k < end && x < xEnd) {
      const a = set.mentor[k] as number;
      const b = extra.mentor[x] as number;
      if (a <= b) {
        mentor[out] = a;
        units[out++] = set.units[k++] as number;
        if (a === b) x++;
      } else {
        mentor[out] = b;
        units[out++] = extra.units[x++] as number;
      }
    }
    while (k < end) {
      mentor[out] = set.mentor[k] as number;
      units[out++] = set.units[k++] as number;
    }
    while (x < xEnd) {
      mentor[out] = extra.mentor[x] as number;
      units[out++] = extra.units[x++] as number;
    }
  }
  copyRows(nE);
  start[nE] = out;
  return out === size ? { start, mentor, units } : { start, mentor: mentor.slice(0, out), units: units.slice(0, out) };
}

/** edgesFromPairs by the WebAssembly kernel (kernels.wat): same sorts, same result; null without one. */
function edgesFromPairsKernel(nE: number, pairs: PairList): EdgeSet | null {
  const { length } = pairs;
  let nM = 0;
  for (let i = 0; i < length; i++) if ((pairs.mentor[i] as number) >= nM) nM = (pairs.mentor[i] as number) + 1;
  const at = new Layout();
  const o = {
    me: at.take(4 * length),
    mm: at.take(4 * length),
    mu: at.take(8 * length),
    byMentor: at.take(4 * (nM + 1)),
    order: at.take(4 * length),
    start: at.take(4 * (nE + 1)),
    fill: at.take(4 * nE),
    outM: at.take(4 * length),
    outU: at.take(8 * length),
  };
  const k = scratchKernel(at.size);
  if (!k) return null;
  const b = k.memory.buffer;
  new Int32Array(b, o.me, length).set(pairs.mentee.subarray(0, length));
  new Int32Array(b, o.mm, length).set(pairs.mentor.subarray(0, length));
  new Float64Array(b, o.mu, length).set(pairs.units.subarray(0, length));
  new Int32Array(b, o.byMentor, nM + 1).fill(0); // counts (the memory is reused)
  new Int32Array(b, o.start, nE + 1).fill(0);
  const n = k.edgesFromPairs(nE, nM, length, o.me, o.mm, o.mu, o.byMentor, o.order, o.start, o.fill, o.outM, o.outU);
  return {
    start: new Int32Array(b, o.start, nE + 1).slice(),
    mentor: new Int32Array(b, o.outM, n).slice(),
    units: new Float64Array(b, o.outU, n).slice(),
  };
}

/** withEdges by the WebAssembly kernel (kernels.wat): same merge, same result; null without one. */
function withEdgesKernel(set: EdgeSet, extra: EdgeSet): EdgeSet | null {
  const nE = set.start.length - 1;
  const S = set.mentor.length;
  const X = extra.mentor.length;
  const at = new Layout();
  const o = {
    sS: at.take(4 * (nE + 1)),
    sM: at.take(4 * S),
    sU: at.take(8 * S),
    xS: at.take(4 * (nE + 1)),
    xM: at.take(4 * X),
    xU: at.take(8 * X),
    oS: at.take(4 * (nE + 1)),
    oM: at.take(4 * (S + X)),
    oU: at.take(8 * (S + X)),
  };
  const k = scratchKernel(at.size);
  if (!k) return null;
  const b = k.memory.buffer;
  new Int32Array(b, o.sS, nE + 1).set(set.start);
  new Int32Array(b, o.sM, S).set(set.mentor);
  new Float64Array(b, o.sU, S).set(set.units);
  new Int32Array(b, o.xS, nE + 1).set(extra.start);
  new Int32Array(b, o.xM, X).set(extra.mentor);
  new Float64Array(b, o.xU, X).set(extra.units);
  const n = k.withEdges(nE, o.sS, o.sM, o.sU, o.xS, o.xM, o.xU, o.oS, o.oM, o.oU);
  return {
    start: new Int32Array(b, o.oS, nE + 1).slice(),
    mentor: new Int32Array(b, o.oM, n).slice(),
    units: new Float64Array(b, o.oU, n).slice(),
  };
}
