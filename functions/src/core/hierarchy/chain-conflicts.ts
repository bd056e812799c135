import type { Hierarchy } from './build-hierarchy';

/**
 * Every (left, right) pair in one management chain, enumerated without looking at pairs: the right
 * people below a left person are one contiguous range of `rightByTin` (subtree = tin interval), and
 * the right people above a left person are listed per left (found from each right person's range).
 * Cost O((L + R) log(L + R) + ancestor conflicts); independent of chain depth.
 */
export interface ChainConflicts {
  /** Indices into the right list of those in the hierarchy, ordered by DFS entry time. */
  readonly rightByTin: Int32Array;
  /** Per left index: the right people below them are rightByTin[descLo[l] .. descHi[l]). */
  readonly descLo: Int32Array;
  readonly descHi: Int32Array;
  /** Per left index (CSR): the right people above them are ancRight[ancStart[l] .. ancStart[l + 1]). */
  readonly ancStart: Int32Array;
  readonly ancRight: Int32Array;
  /** Number of forbidden (same-chain) pairs. */
  readonly count: number;
}

/** Sorts the indices of ids present in the hierarchy by entry time; returns them with their times. */
function byTin(h: Hierarchy, ids: readonly string[]): { order: Int32Array; tins: Int32Array } {
  const present: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const x = h.indexOf(ids[i] as string);
    if (x >= 0) {
      present.push(i);
      node.push(x);
    }
  }
  const perm = Int32Array.from(present.keys()).sort((a, b) => h.tin[node[a] as number]! - h.tin[node[b] as number]!);
  const order = new Int32Array(perm.length);
  const tins = new Int32Array(perm.length);
  perm.forEach((p, k) => {
    order[k] = present[p] as number;
    tins[k] = h.tin[node[p] as number] as number;
  });
  return { order, tins };
}

/** First position in the sorted array whose value is greater than `value`. */
function upperBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function chainConflicts(h: Hierarchy, leftIds: readonly string[], rightIds: readonly string[]): ChainConflicts {
  const right = byTin(h, rightIds);
  const left = byTin(h, leftIds);
  const descLo = new Int32Array(leftIds.length);
  const descHi = new Int32Array(leftIds.length);
  let count = 0;
  for (let k = 0; k < left.order.length; k++) {
    const l = left.order[k] as number;
    const x = h.indexOf(leftIds[l] as string);
    descLo[l] = upperBound(right.tins, h.tin[x] as number);
    descHi[l] = upperBound(right.tins, h.tout[x] as number);
    count += (descHi[l] as number) - (descLo[l] as number);
  }
  // Right people above a left person = left people inside that right person's subtree range.
  const ancStart = new Int32Array(leftIds.length + 1);
  const ranges = new Int32Array(right.order.length * 2);
  for (let k = 0; k < right.order.length; k++) {
    const x = h.indexOf(rightIds[right.order[k] as number] as string);
    const lo = upperBound(left.tins, h.tin[x] as number);
    const hi = upperBound(left.tins, h.tout[x] as number);
    ranges[2 * k] = lo;
    ranges[2 * k + 1] = hi;
    for (let p = lo; p < hi; p++) {
      const slot = (left.order[p] as number) + 1;
      ancStart[slot] = (ancStart[slot] as number) + 1;
    }
  }
  for (let l = 0; l < leftIds.length; l++) ancStart[l + 1] = (ancStart[l + 1] as number) + (ancStart[l] as number);
  const ancRight = new Int32Array(ancStart[leftIds.length] as number);
  const fill = ancStart.slice(0, leftIds.length);
  for (let k = 0; k < right.order.length; k++) {
    const r = right.order[k] as number;
    for (let p = ranges[2 * k] as number; p < (ranges[2 * k + 1] as number); p++) {
      const l = left.order[p] as number;
      const at = fill[l] as number;
      ancRight[at] = r;
      fill[l] = at + 1;
    }
  }
  count += ancRight.length;
  return { rightByTin: right.order, descLo, descHi, ancStart, ancRight, count };
}
