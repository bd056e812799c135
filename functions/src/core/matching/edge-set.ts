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

/** Builds the CSR with a counting sort by mentee, then sorts each (short) row and drops repeats. */
export function edgesFromPairs(nE: number, pairs: PairList): EdgeSet {
  const { length } = pairs;
  const start = new Int32Array(nE + 1);
  for (let i = 0; i < length; i++) {
    const ep = (pairs.mentee[i] as number) + 1;
    start[ep] = (start[ep] as number) + 1;
  }
  for (let ep = 0; ep < nE; ep++) start[ep + 1] = (start[ep + 1] as number) + (start[ep] as number);
  const fill = start.slice(0, nE);
  const mentor = new Int32Array(length);
  const units = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const ep = pairs.mentee[i] as number;
    const at = fill[ep] as number;
    mentor[at] = pairs.mentor[i] as number;
    units[at] = pairs.units[i] as number;
    fill[ep] = at + 1;
  }
  // Insertion sort per row (rows hold a few dozen edges), then compact without repeats.
  let out = 0;
  const compactStart = new Int32Array(nE + 1);
  for (let ep = 0; ep < nE; ep++) {
    const lo = start[ep] as number;
    const hi = start[ep + 1] as number;
    for (let i = lo + 1; i < hi; i++) {
      const m = mentor[i] as number;
      const u = units[i] as number;
      let j = i - 1;
      while (j >= lo && (mentor[j] as number) > m) {
        mentor[j + 1] = mentor[j] as number;
        units[j + 1] = units[j] as number;
        j--;
      }
      mentor[j + 1] = m;
      units[j + 1] = u;
    }
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

/** The set plus extra (mentor, units) pairs per mentee (from the dual check). */
export function withEdges(set: EdgeSet, extra: ReadonlyMap<number, number[]>): EdgeSet {
  const nE = set.start.length - 1;
  let more = 0;
  for (const list of extra.values()) more += list.length / 2;
  const length = set.mentor.length + more;
  const pairs: PairList = {
    mentee: new Int32Array(length),
    mentor: new Int32Array(length),
    units: new Float64Array(length),
    length,
  };
  let at = 0;
  for (let ep = 0; ep < nE; ep++) {
    for (let k = set.start[ep] as number; k < (set.start[ep + 1] as number); k++, at++) {
      pairs.mentee[at] = ep;
      pairs.mentor[at] = set.mentor[k] as number;
      pairs.units[at] = set.units[k] as number;
    }
  }
  for (const [ep, list] of extra) {
    for (let i = 0; i < list.length; i += 2, at++) {
      pairs.mentee[at] = ep;
      pairs.mentor[at] = list[i] as number;
      pairs.units[at] = list[i + 1] as number;
    }
  }
  return edgesFromPairs(nE, pairs);
}
