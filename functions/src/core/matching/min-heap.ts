/**
 * A binary min-heap of (key, value) in growable typed arrays for Dijkstra with lazy deletion.
 * Equal keys pop the smaller value first, so the search order is fully deterministic.
 */
export class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const vals = new Int32Array(this.size * 2);
      vals.set(this.vals);
      this.vals = vals;
    }
    const keys = this.keys;
    const vals = this.vals;
    let k = this.size++;
    while (k > 0) {
      const p = (k - 1) >> 1;
      const pk = keys[p] as number;
      if (pk < key || (pk === key && (vals[p] as number) <= val)) break;
      keys[k] = pk;
      vals[k] = vals[p] as number;
      k = p;
    }
    keys[k] = key;
    vals[k] = val;
  }

  /** Key of the minimum (call only when size > 0). */
  topKey(): number {
    return this.keys[0] as number;
  }

  /** Removes the minimum and returns its value (call only when size > 0). */
  pop(): number {
    const keys = this.keys;
    const vals = this.vals;
    const top = vals[0] as number;
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n] as number;
    const val = vals[n] as number;
    let k = 0;
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const ck = keys[c] as number;
        const rk = keys[r] as number;
        if (rk < ck || (rk === ck && (vals[r] as number) < (vals[c] as number))) c = r;
      }
      const ck = keys[c] as number;
      if (key < ck || (key === ck && val <= (vals[c] as number))) break;
      keys[k] = ck;
      vals[k] = vals[c] as number;
      k = c;
    }
    keys[k] = key;
    vals[k] = val;
    return top;
  }
}
