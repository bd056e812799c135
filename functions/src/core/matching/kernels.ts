import { KERNELS_WASM } from './kernels-wasm';

/**
 * The engine's inner loops as a small WebAssembly module (kernels.wat), eight exports in three groups:
 *  - scoring: `score` (one row of the built-in fit score, row-source.ts fastRow) and `select` (the
 *    row's candidate selection and the mentors' column heaps, row-source.ts RowSelection);
 *  - checking: `scan` (the dual check of a row, row-tasks.ts scanFull; eight pairs at a time, SIMD);
 *  - solving: `setup`, `reduceRows` and `augment` (the shortest-path search, shortest-paths.ts), and
 *    `edgesFromPairs` and `withEdges` (building and merging the candidate graph, edge-set.ts).
 * They do the same work pair for pair as the JavaScript versions, without the bounds and type checks a
 * JIT keeps in the loop and with native popcount. They hold no fit rule: `score` adds up points it looks
 * up in tables the caller computes with the rule functions of fit-score.ts (row-tables.ts). The JavaScript loops stay as the fallback
 * (no WebAssembly, values out of the kernels' integer range) and as the reference the tests compare
 * the kernels with.
 */
export interface Kernels {
  readonly memory: WebAssembly.Memory;
  /** See kernels.wat; each export's parameters are described there. */
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
    hireBase: number,
    hireTab: number,
    rec: number,
    tab: number,
    out: number,
  ): number;
  /** Use setupSearch (the arguments by name, SearchLayout) rather than this positional form. */
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

/**
 * The shortest-path search's arrays in a kernel's memory (byte offsets, see Layout) and its three
 * scalars: what kernels.wat `setup` keeps in globals for `reduceRows` and `augment`.
 */
export interface SearchLayout {
  readonly adjStart: number;
  readonly adjCol: number;
  readonly adjCost: number;
  readonly colSlotStart: number;
  readonly rowGroup: number;
  readonly u: number;
  readonly v: number;
  readonly rowMatch: number;
  readonly colMatch: number;
  readonly dist: number;
  readonly done: number;
  readonly pred: number;
  readonly touched: number;
  readonly settled: number;
  readonly head: number;
  readonly next: number;
  readonly prev: number;
  readonly bucketOf: number;
  readonly ovKey: number;
  readonly hKeys: number;
  readonly hVals: number;
  /** Number of real columns. */
  readonly nC: number;
  /** 1 when every column has exactly one slot (unit capacities), else 0. */
  readonly unit: number;
  /** The dummy column's cost. */
  readonly D: number;
}

/** Kernels.setup with its 24 arguments by name (the one place that knows their order). */
export function setupSearch(k: Kernels, l: SearchLayout): void {
  k.setup(
    l.adjStart,
    l.adjCol,
    l.adjCost,
    l.colSlotStart,
    l.rowGroup,
    l.u,
    l.v,
    l.rowMatch,
    l.colMatch,
    l.dist,
    l.done,
    l.pred,
    l.touched,
    l.settled,
    l.head,
    l.next,
    l.prev,
    l.bucketOf,
    l.ovKey,
    l.hKeys,
    l.hVals,
    l.nC,
    l.unit,
    l.D,
  );
}

/**
 * The score kernel's memory layout (kernels.wat, `score`): one 32-byte record per mentor, and the
 * row's tables at `tab` (byte offsets).
 */
export const SCORE_RECORD = {
  bytes: 32,
  /** Language mask (i32); zeroed while a forbidden pair's row is scored. */
  languages: 0,
  /** Topic mask (i32). */
  topics: 4,
  /** Interest mask, two words (i32 each). */
  interestsLo: 8,
  interestsHi: 12,
  /** Byte offset from `tab` of the mentor's availability entry (i32). */
  slotEntry: 16,
  /** Byte offset from `tab` of the mentor's class entry (i32). */
  classEntry: 20,
  /** The mentor's index into the hire-date table (i32; row-tables.ts, HireDayTable.mentorIndex). */
  hireIndex: 24,
} as const;

/** Byte offsets from `tab` of the score kernel's row tables (i32 entries); class entries follow the slots. */
export const SCORE_TABLES = {
  /** Topic points by common topics (0..32). */
  topics: 0,
  /** Interest points by common interests (0..64). */
  interests: 256,
  /** Availability points by mentor availability class. */
  slots: 1024,
} as const;
