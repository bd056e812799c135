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
 * The set plus extra (mentor, units) pairs per mentee (from the dual check): each row is merged with
 * its few extras (sorted), without re-sorting the whole graph. Same result as rebuilding from pairs.
 */
export function withEdges(set: EdgeSet, extra: ReadonlyMap<number, number[]>): EdgeSet {
  const nE = set.start.length - 1;
  let more = 0;
  for (const list of extra.values()) more += list.length / 2;
  const start = new Int32Array(nE + 1);
  const mentor = new Int32Array(set.mentor.length + more);
  const units = new Float64Array(set.mentor.length + more);
  let out = 0;
  let add = new Int32Array(64);
  for (let ep = 0; ep < nE; ep++) {
    start[ep] = out;
    const list = extra.get(ep);
    let k = set.start[ep] as number;
    const end = set.start[ep + 1] as number;
    if (list) {
      // Extras by mentor (insertion sort: lists are short); among repeats the first stays (a pair
      // always has the same units).
      const n = list.length / 2;
      if (add.length < n) add = new Int32Array(n);
      for (let q = 0; q < n; q++) {
        const m = list[2 * q] as number;
        let at = q;
        while (at > 0 && (list[2 * (add[at - 1] as number)] as number) > m) {
          add[at] = add[at - 1] as number;
          at--;
        }
        add[at] = q;
      }
      for (let i = 0; i < n; i++) {
        const q = add[i] as number;
        const m = list[2 * q] as number;
        while (k < end && (set.mentor[k] as number) < m) {
          mentor[out] = set.mentor[k] as number;
          units[out++] = set.units[k++] as number;
        }
        if ((k < end && set.mentor[k] === m) || (out > (start[ep] as number) && mentor[out - 1] === m)) continue;
        mentor[out] = m;
        units[out++] = list[2 * q + 1] as number;
      }
    }
    while (k < end) {
      mentor[out] = set.mentor[k] as number;
      units[out++] = set.units[k++] as number;
    }
  }
  start[nE] = out;
  return { start, mentor: mentor.slice(0, out), units: units.slice(0, out) };
}
