/** The sparse candidate graph, mentee-major (CSR), each mentee's mentors ascending, no duplicates. */
export interface EdgeSet {
  /** Mentee ep's edges are at [start[ep], start[ep + 1]). */
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  /** Score of the pair in units. */
  readonly units: Float64Array;
}

/** Builds the CSR from per-mentee lists of flat (mentor, units) pairs; sorts and removes duplicates. */
export function edgesFromBuckets(buckets: readonly (readonly number[])[]): EdgeSet {
  const nE = buckets.length;
  let total = 0;
  for (const b of buckets) total += b.length / 2;
  const start = new Int32Array(nE + 1);
  const mentor = new Int32Array(total);
  const units = new Float64Array(total);
  let at = 0;
  const order: number[] = [];
  for (let ep = 0; ep < nE; ep++) {
    const b = buckets[ep] as readonly number[];
    order.length = 0;
    for (let i = 0; i < b.length; i += 2) order.push(i);
    order.sort((x, y) => (b[x] as number) - (b[y] as number));
    let last = -1;
    for (const i of order) {
      const mp = b[i] as number;
      if (mp === last) continue;
      last = mp;
      mentor[at] = mp;
      units[at] = b[i + 1] as number;
      at++;
    }
    start[ep + 1] = at;
  }
  return { start, mentor: mentor.slice(0, at), units: units.slice(0, at) };
}

/** The set plus extra (mentor, units) pairs per mentee (from the dual check). */
export function withEdges(set: EdgeSet, extra: ReadonlyMap<number, number[]>): EdgeSet {
  const nE = set.start.length - 1;
  const buckets: number[][] = [];
  for (let ep = 0; ep < nE; ep++) {
    const list: number[] = [];
    for (let k = set.start[ep] as number; k < (set.start[ep + 1] as number); k++) {
      list.push(set.mentor[k] as number, set.units[k] as number);
    }
    const more = extra.get(ep);
    if (more) list.push(...more);
    buckets.push(list);
  }
  return edgesFromBuckets(buckets);
}
