import { MinHeap } from './min-heap';

const NONE = -1;

/**
 * Dijkstra's priority queue for integer distances (Dial's buckets): distances below `buckets` live
 * in intrusive per-node lists, so insert, decrease-key and pop are O(1); larger distances (rare:
 * "stay unmatched" costs) fall back to a binary heap. Distances must be non-negative integers and
 * popped in non-decreasing order, which Dijkstra guarantees.
 */
export class BucketQueue {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly bucketOf: Int32Array;
  private readonly overflow = new MinHeap(256);
  private readonly overflowKey: Float64Array;
  private cursor = 0;
  private count = 0;

  constructor(
    nodes: number,
    private readonly buckets = 4096,
  ) {
    this.head = new Int32Array(buckets).fill(NONE);
    this.next = new Int32Array(nodes);
    this.prev = new Int32Array(nodes);
    this.bucketOf = new Int32Array(nodes).fill(NONE);
    this.overflowKey = new Float64Array(nodes).fill(Infinity);
  }

  /** Inserts the node with key d, or moves it to d (d smaller than its current key). */
  set(node: number, d: number): void {
    this.unlink(node);
    if (d < this.buckets && (d | 0) === d) {
      const b = d;
      const h = this.head[b] as number;
      this.next[node] = h;
      this.prev[node] = NONE;
      if (h !== NONE) this.prev[h] = node;
      this.head[b] = node;
      this.bucketOf[node] = b;
      this.count++;
      if (b < this.cursor) this.cursor = b;
    } else {
      this.overflowKey[node] = d;
      this.overflow.push(d, node);
    }
  }

  /** Removes and returns a node with the smallest key, or -1 when empty. */
  pop(): number {
    if (this.count > 0) {
      while (this.head[this.cursor] === NONE) this.cursor++;
      const node = this.head[this.cursor] as number;
      this.unlink(node);
      return node;
    }
    while (this.overflow.size > 0) {
      const d = this.overflow.topKey();
      const node = this.overflow.pop();
      if (this.overflowKey[node] === d) {
        this.overflowKey[node] = Infinity;
        return node;
      }
    }
    return NONE;
  }

  /** Empties the queue; `nodes` must include every node set since the last clear. */
  clear(nodes: Int32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const node = nodes[i] as number;
      const b = this.bucketOf[node] as number;
      if (b !== NONE) {
        this.head[b] = NONE;
        this.bucketOf[node] = NONE;
      }
      this.overflowKey[node] = Infinity;
    }
    this.overflow.clear();
    this.cursor = 0;
    this.count = 0;
  }

  private unlink(node: number): void {
    const b = this.bucketOf[node] as number;
    if (b !== NONE) {
      const p = this.prev[node] as number;
      const n = this.next[node] as number;
      if (p !== NONE) this.next[p] = n;
      else this.head[b] = n;
      if (n !== NONE) this.prev[n] = p;
      this.bucketOf[node] = NONE;
      this.count--;
      return;
    }
    // A node in the overflow heap moving to a bucket: its heap entry becomes stale.
    this.overflowKey[node] = Infinity;
  }
}
