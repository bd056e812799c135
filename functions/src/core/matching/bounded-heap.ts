/**
 * "Keep the K best" heaps stored in slices of flat typed arrays (no object per entry). The root is
 * the worst kept entry: lowest score, and among equal scores the highest index, so ties keep the
 * smaller index (= smaller id) — deterministic tie-breaking.
 */

function worse(score: Float64Array, item: Int32Array, a: number, b: number): boolean {
  const sa = score[a] as number;
  const sb = score[b] as number;
  return sa < sb || (sa === sb && (item[a] as number) > (item[b] as number));
}

function swap(score: Float64Array, item: Int32Array, a: number, b: number): void {
  const s = score[a] as number;
  score[a] = score[b] as number;
  score[b] = s;
  const i = item[a] as number;
  item[a] = item[b] as number;
  item[b] = i;
}

function siftDown(score: Float64Array, item: Int32Array, off: number, size: number): void {
  let k = 0;
  for (;;) {
    const l = 2 * k + 1;
    if (l >= size) return;
    let c = l;
    if (l + 1 < size && worse(score, item, off + l + 1, off + l)) c = l + 1;
    if (!worse(score, item, off + c, off + k)) return;
    swap(score, item, off + c, off + k);
    k = c;
  }
}

/**
 * Offers (s, x) to the heap in score/item[off .. off + capacity) currently holding `size` entries;
 * returns the new size. Callers skip the call when the heap is full and s <= root (the hot path).
 */
export function offer(
  score: Float64Array,
  item: Int32Array,
  off: number,
  size: number,
  capacity: number,
  s: number,
  x: number,
): number {
  if (size < capacity) {
    let k = size;
    score[off + k] = s;
    item[off + k] = x;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!worse(score, item, off + k, off + parent)) break;
      swap(score, item, off + k, off + parent);
      k = parent;
    }
    return size + 1;
  }
  score[off] = s;
  item[off] = x;
  siftDown(score, item, off, size);
  return size;
}
