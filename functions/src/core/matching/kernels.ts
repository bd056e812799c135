import { KERNELS_WASM } from './kernels-wasm';

/**
 * The engine's two hot loops — scoring a row (row-source.ts) and the dual check of a row
 * (row-tasks.ts) — as a small WebAssembly module (kernels.wat): the same rules pair for pair, without
 * the bounds and type checks a JIT keeps in the loop, with native popcount, and eight pairs at a time
 * in the check (SIMD). The JavaScript loops stay as the fallback (no WebAssembly, values out of the
 * kernels' integer range) and as the reference the tests compare the kernels with.
 */
export interface Kernels {
  readonly memory: WebAssembly.Memory;
  /** See kernels.wat. */
  scan(
    n: number,
    row: number,
    pm: number,
    ig: number,
    ep: number,
    t: number,
    gate0: number,
    list: number,
    listValue: number,
    maxList: number,
  ): number;
  score(
    n: number,
    langE: number,
    topE: number,
    intLo: number,
    intHi: number,
    hireE: number,
    full: number,
    half: number,
    rec: number,
    tab: number,
    out: number,
  ): number;
  setup(
    adjStart: number,
    adjCol: number,
    adjCost: number,
    colSlotStart: number,
    rowGroup: number,
    u: number,
    v: number,
    rowMatch: number,
    colMatch: number,
    dist: number,
    done: number,
    pred: number,
    touched: number,
    settled: number,
    head: number,
    next: number,
    prev: number,
    bucketOf: number,
    ovKey: number,
    hKeys: number,
    hVals: number,
    nC: number,
    unit: number,
    D: number,
  ): void;
  augment(r0: number, directCol: number, directDist: number): number;
  reduceRows(queue: number, next: number, n: number, steps: number, passes: number): number;
  edgesFromPairs(
    nE: number,
    nM: number,
    len: number,
    me: number,
    mm: number,
    mu: number,
    byMentor: number,
    order: number,
    start: number,
    fill: number,
    outM: number,
    outU: number,
  ): number;
  withEdges(
    nE: number,
    sS: number,
    sM: number,
    sU: number,
    xS: number,
    xM: number,
    xU: number,
    oS: number,
    oM: number,
    oU: number,
  ): number;
  select(
    n: number,
    row: number,
    best: number,
    k: number,
    gate: number,
    ep: number,
    rs: number,
    ri: number,
    counts: number,
    colOff: number,
    heap: number,
    colSize: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

/** Turns the kernels off (true: on again) in this thread: tests compare both paths. */
export function useKernels(on: boolean): void {
  enabled = on;
}

/**
 * A fresh instance with at least `bytes` of memory (its own: one per thread and use), or null when
 * the kernels are off or WebAssembly is unavailable. Growing the memory later detaches every view on
 * it: whoever grows it makes its views again.
 */
export function kernelInstance(bytes: number): Kernels | null {
  if (!enabled || typeof WebAssembly === 'undefined') return null;
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Uint8Array.from(atob(KERNELS_WASM), (ch) => ch.charCodeAt(0)));
    } catch {
      compiled = null;
    }
  }
  if (!compiled) return null;
  const k = new WebAssembly.Instance(compiled).exports as unknown as Kernels;
  const missing = bytes - k.memory.buffer.byteLength;
  if (missing > 0) k.memory.grow(Math.ceil(missing / 65536));
  return k;
}

let scratch: Kernels | null = null;

/**
 * This thread's shared instance for passing work (a search, a graph merge, a check task): each use
 * lays its arrays out afresh and must not outlive the next use. One instance instead of one per call:
 * every WebAssembly memory reserves a large address range, and creating and collecting them costs
 * more than the work.
 */
export function scratchKernel(bytes: number): Kernels | null {
  if (!enabled) return null;
  if (!scratch) scratch = kernelInstance(bytes);
  else {
    const missing = bytes - scratch.memory.buffer.byteLength;
    if (missing > 0) scratch.memory.grow(Math.ceil(missing / 65536));
  }
  return scratch;
}

/** Lays out arrays in a kernel's memory: each call reserves `bytes`, 16-byte aligned; returns the offset. */
export class Layout {
  size = 64; // the first 64 bytes are scratch for the kernels' small outputs
  take(bytes: number): number {
    const at = this.size;
    this.size += (bytes + 15) & ~15;
    return at;
  }
}

/** Largest potential magnitude the check kernel takes (its reduced costs then stay far inside i32). */
export const KERNEL_POTENTIAL_MAX = 2 ** 27;
/** The check kernel's "no gate yet": above every reduced cost of a pair that counts. */
export const KERNEL_NO_GATE = 2 ** 29;
/** A mentor without a place (potential -Infinity): its reduced costs land at or above KERNEL_NO_GATE. */
export const KERNEL_NO_PLACE = -(2 ** 30);
