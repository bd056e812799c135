import { offer } from './bounded-heap';
import { scratchKernel, KERNEL_NO_GATE, KERNEL_NO_PLACE, KERNEL_POTENTIAL_MAX, Layout, type Kernels } from './kernels';
import { DONE, FAILED, NEXT, type RowPool } from './row-pool';
import type { Gates, RowSelection, RowSource, ScoreRow } from './row-source';

/**
 * The two passes over all pairs as chunked row tasks (see row-pool.ts). A task is plain data: typed
 * arrays (shared when a pool runs it) and numbers, so it can be posted to a helper thread as is.
 * Every row writes only its own slots; what several rows share (each mentor's best mentees) is kept
 * per thread and merged by the caller, in a way that does not depend on which thread saw which row.
 */

/** Rows per chunk: small enough that the last chunk does not keep the other thread waiting long. */
const CHUNK_ROWS = 32;

interface TaskBase {
  /** [next chunk, chunks done, failed] */
  readonly control: Int32Array;
  readonly rows: number;
  readonly chunkRows: number;
  readonly mentors: number;
}

/** Scoring: each row's K best mentors, each thread's best mentees per mentor, the score cache. */
export interface ScoreTask extends TaskBase {
  readonly kind: 'score';
  readonly k: number;
  /**
   * 1: mentors rank mentees by regret — how close the pair comes to the mentee's best value, then by
   * value — as the key `regretKey(value, rowBest)`; 0: by value (keys too large to pack).
   */
  readonly regret: number;
  /** Row values (units + 1) of all pairs, or null (rows are scored into a scratch row and dropped). */
  readonly cache: Uint16Array | null;
  /** Mentor mp's heap is at [colOff[mp], colOff[mp + 1]) of each thread's region. */
  readonly colOff: Int32Array;
  readonly threads: number;
  readonly colScore: Float64Array; // threads × colOff[mentors]
  readonly colItem: Int32Array;
  readonly colSize: Int32Array; // threads × mentors
  readonly rowBest: Int32Array; // rows × k
  readonly rowBestScore: Float64Array;
  readonly rowCount: Int32Array;
}

/** The dual check of every row against every mentor (see certify.ts for the rules). */
export interface CheckTask extends TaskBase {
  readonly kind: 'check';
  readonly cache: Uint16Array | null;
  readonly top: number;
  readonly pE: Float64Array;
  readonly pM: Float64Array;
  readonly edgeStart: Int32Array;
  readonly edgeMentor: Int32Array;
  /** 1: rows whose potential rose by no more than their slack check their graph edges only. */
  readonly incremental: number;
  readonly base: Float64Array;
  readonly slack: Float64Array;
  /** Violating pairs listed per row at [violStart[ep], violStart[ep + 1]); counts per row. */
  readonly violStart: Int32Array;
  readonly violMentor: Int32Array;
  readonly violUnits: Float64Array;
  readonly violListed: Int32Array;
  readonly violCount: Int32Array;
  /** The NEAR nearest pairs outside the graph per fully scanned row (pricing). */
  readonly nearMentor: Int32Array;
  readonly nearUnits: Float64Array;
  readonly nearCount: Int32Array;
  /** Pairs examined, per thread. */
  readonly checked: Float64Array;
  /** Each row's assigned mentor (-1 = none) and that pair's row value, for the tightness check. */
  readonly partner: Int32Array;
  readonly partnerValue: Float64Array;
}

export type RowTask = ScoreTask | CheckTask;

export const MAX_VIOLATIONS_PER_MENTEE = 64;
/** Near pairs (smallest reduced cost outside the graph) added per fully scanned row. */
export const NEAR = 4; // kernels.wat (`scan`) keeps NEAR + 1 = 5 as well

/** Allocates task arrays: shared through the pool when there is one. */
export interface Alloc {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
  /** A read-only input every thread sees: a shared copy with a pool, else the array itself. */
  i32From(x: Int32Array): Int32Array;
}

export function allocOf(pool: RowPool | undefined): Alloc {
  return pool
    ? {
        f64: (n) => pool.sharedFloat64(n),
        i32: (n) => pool.sharedInt32(n),
        i32From: (x) => {
          const y = pool.sharedInt32(x.length);
          y.set(x);
          return y;
        },
      }
    : { f64: (n) => new Float64Array(n), i32: (n) => new Int32Array(n), i32From: (x) => x };
}

export const chunksOf = (t: TaskBase): number => Math.ceil(t.rows / t.chunkRows);

export const taskBase = (a: Alloc, rows: number, mentors: number): TaskBase => ({
  control: a.i32(3),
  rows,
  chunkRows: CHUNK_ROWS,
  mentors,
});

/**
 * Runs a task on this thread and the pool's helpers and returns once every chunk is done. A helper
 * failure makes this thread run the whole task again on fresh outputs (`fresh()`), which every row
 * overwrites with the same values. With helpers, `meanwhile` runs on this thread once they have the
 * task and before this thread joins it (work that does not depend on the task's result).
 */
export function runTask<T extends RowTask>(
  task: T,
  src: RowSource | null,
  pool: RowPool | undefined,
  fresh: () => T,
  meanwhile?: () => void,
): T {
  if (!pool) {
    runChunks(task, src, 0);
    return task;
  }
  pool.post(task);
  meanwhile?.();
  runChunks(task, src, 0);
  if (pool.wait(task)) return task;
  const again = fresh();
  runChunks(again, src, 0);
  return again;
}

/** Runs the rows [lo, hi) of a task; `finish` (optional) after this thread's last chunk. */
type ChunkRunner = ((lo: number, hi: number) => void) & { finish?: () => void };

/** Claims and runs chunks until none is left (thread 0 is the caller, 1.. the helpers). */
export function runChunks(task: RowTask, src: RowSource | null, thread: number): void {
  const chunks = chunksOf(task);
  const c = task.control;
  const run = task.kind === 'score' ? scoreChunkRunner(task, src, thread) : checkChunkRunner(task, src, thread);
  const done = () => {
    Atomics.add(c, DONE, 1);
    Atomics.notify(c, DONE);
  };
  try {
    // A chunk counts as done only once the next claim came back: the last one after `finish`, so a
    // thread's results are all written when the caller sees every chunk done.
    let ran = false;
    for (;;) {
      const chunk = Atomics.add(c, NEXT, 1);
      if (chunk >= chunks) break;
      if (ran) done();
      run(chunk * task.chunkRows, Math.min(task.rows, (chunk + 1) * task.chunkRows));
      ran = true;
    }
    if (ran) {
      run.finish?.();
      done();
    }
  } catch (err) {
    Atomics.store(c, FAILED, 1);
    Atomics.notify(c, DONE);
    throw err;
  }
}

/**
 * One row against every mentor: keeps the row's K best in (rowScore, rowItem) and offers the pair to
 * the mentor's heap when it beats that heap's threshold. A function of its own (not a loop inside
 * the chunk loop) so V8 optimises it as a regular call instead of on-stack replacement, and with one
 * row type per call site: the 10^8-iteration loop then runs several times faster.
 */
function scanRow(
  row: ScoreRow,
  nM: number,
  k: number,
  ep: number,
  rowScore: Float64Array,
  rowItem: Int32Array,
  colMin: Float64Array,
  colGate: Gates,
  offerColumn: (key: number, mp: number, ep: number) => void,
  best: number,
  shift: number,
  mult: number,
): number {
  let size = 0;
  let rowMin = 0;
  for (let mp = 0; mp < nM; mp++) {
    const s = row[mp] as number;
    // Strictly better only: among equal scores the earlier (smaller id) stays — ties go by id.
    if (s > rowMin) {
      size = offer(rowScore, rowItem, 0, size, k, s, mp);
      if (size === k) rowMin = rowScore[0] as number;
    }
    // The gate (see gateOf) rejects almost every pair with one subtraction and one comparison.
    if (s - best >= (colGate[mp] as number)) {
      const key = shift + s * mult;
      if (s !== 0 && key > (colMin[mp] as number)) offerColumn(key, mp, ep);
    }
  }
  return size;
}

/** The mentors a selecting scorer found: those that pass the gate with the row's final best. */
function offerMaybe(
  row: ScoreRow,
  sel: RowSelection,
  best: number,
  colMin: Float64Array,
  colGate: Gates,
  offerColumn: (key: number, mp: number, ep: number) => void,
  ep: number,
): void {
  const shift = regretShift(best);
  for (let q = 0; q < (sel.counts[1] as number); q++) {
    const mp = sel.maybe[q] as number;
    const s = row[mp] as number;
    if (s === 0 || s - best < (colGate[mp] as number)) continue;
    const key = shift + s * REGRET_MULT;
    if (key > (colMin[mp] as number)) offerColumn(key, mp, ep);
  }
}

/** Values below this pack into a regret key (and back out with `% REGRET_BASE`). */
export const REGRET_BASE = 0x10000;

/**
 * A mentor's key for a mentee: first the smaller gap to the mentee's best value (the pairs an optimal
 * assignment can use: an unpopular mentor's best partners are the mentees with nothing much better
 * elsewhere), then the higher value. `shift + value * mult` with the row's shift and mult.
 */
export const regretShift = (rowBest: number): number => (REGRET_BASE - rowBest) * REGRET_BASE;
export const REGRET_MULT = REGRET_BASE + 1;

/**
 * A necessary condition for `key > min` as `value − best ≥ gate`: with regret keys the gap part of
 * the key, floor(key / REGRET_BASE) − REGRET_BASE = value − best, cannot be below the heap minimum's;
 * with plain keys (best = 0) the value itself. 0 (an empty heap) lets every pair through.
 */
const gateOf = (min: number, regret: boolean): number => (regret ? Math.floor(min / REGRET_BASE) - REGRET_BASE : min);

function scoreChunkRunner(t: ScoreTask, src: RowSource | null, thread: number): ChunkRunner {
  if (!src) throw new Error('score task without a row source');
  const nM = t.mentors;
  const k = t.k;
  const total = t.colOff[nM] as number;
  const heapBase = thread * total;
  const sizeBase = thread * nM;
  const { colScore, colItem, colSize, colOff } = t;
  // Entry threshold per mentor: 0 (takes any feasible value) until the heap is full, then its worst.
  const regret = t.regret === 1;
  const colMin = new Float64Array(nM);
  // With regret keys, a scorer may keep this thread's mentor heaps itself (its WebAssembly kernel):
  // it then offers each row to the mentors, and its heaps are written out when the thread is done.
  const columns = regret && src.fillSelect && src.columnHeaps ? src.columnHeaps(colOff, k) : null;
  const colGate = (columns ? columns.gates : new Float64Array(nM)).fill(gateOf(0, regret));
  for (let mp = 0; mp < nM; mp++) {
    const cap = (colOff[mp + 1] as number) - (colOff[mp] as number);
    if (cap > 0 && colSize[sizeBase + mp] === cap) {
      colMin[mp] = colScore[heapBase + (colOff[mp] as number)] as number;
      colGate[mp] = gateOf(colMin[mp] as number, regret);
    }
  }
  const offerColumn = (key: number, mp: number, ep: number): void => {
    const off = heapBase + (colOff[mp] as number);
    const cap = (colOff[mp + 1] as number) - (colOff[mp] as number);
    const cs = offer(colScore, colItem, off, colSize[sizeBase + mp] as number, cap, key, ep);
    colSize[sizeBase + mp] = cs;
    if (cs === cap) {
      colMin[mp] = colScore[off] as number;
      colGate[mp] = gateOf(colMin[mp] as number, regret);
    }
  };
  const buffer = t.cache ? null : new Float64Array(nM);
  const rowScore = new Float64Array(k);
  const rowItem = new Int32Array(k);
  // With regret keys, a scorer that selects while it scores saves the second pass over each row.
  const sel: RowSelection | undefined =
    regret && src.fillSelect
      ? {
          k,
          rowScore,
          rowItem,
          colGate,
          maybe: new Int32Array(nM),
          counts: new Int32Array(2),
          ...(columns ? { columns } : {}),
        }
      : undefined;
  const run: ChunkRunner = (lo, hi) => {
    for (let ep = lo; ep < hi; ep++) {
      const row: ScoreRow = t.cache ? t.cache.subarray(ep * nM, (ep + 1) * nM) : (buffer as Float64Array);
      const selected = sel ? (src.fillSelect as NonNullable<RowSource['fillSelect']>)(ep, row, sel) : -1;
      let size: number;
      if (sel && selected >= 0) {
        size = sel.counts[0] as number;
        if (!columns) offerMaybe(row, sel, selected, colMin, colGate, offerColumn, ep);
      } else {
        if (columns) throw new Error('a scorer keeping the column heaps must select every row');
        const best = src.fill(ep, row);
        size = regret
          ? scanRow(
              row,
              nM,
              k,
              ep,
              rowScore,
              rowItem,
              colMin,
              colGate,
              offerColumn,
              best,
              regretShift(best),
              REGRET_MULT,
            )
          : scanRow(row, nM, k, ep, rowScore, rowItem, colMin, colGate, offerColumn, 0, 0, 1);
      }
      t.rowCount[ep] = size;
      t.rowBest.set(rowItem.subarray(0, size), ep * k);
      t.rowBestScore.set(rowScore.subarray(0, size), ep * k);
    }
  };
  if (columns) run.finish = () => columns.exportTo(colScore, colItem, colSize, heapBase, sizeBase);
  return run;
}

/**
 * One full row: counts violations (returned as count << 8 | kept) and keeps the NEAR + 1 smallest
 * reduced costs outside the graph, sorted, in nearRc/nearMp. Its own function so V8 optimises the
 * 10^8-iteration loop as a regular call; the hot path is one load, one subtraction, one comparison.
 */
function scanFull(
  data: Uint16Array | Float64Array,
  nM: number,
  threshold: number,
  pM: Float64Array,
  inGraph: Int32Array,
  ep: number,
  nearRc: Float64Array,
  nearMp: Int32Array,
): number {
  let kept = 0;
  let violations = 0;
  let gate = Infinity; // below it a pair is a violation or a near pair candidate
  for (let mp = 0; mp < nM; mp++) {
    const s = data[mp] as number;
    if (s === 0) continue; // FORBIDDEN
    const rc = threshold - s - (pM[mp] as number);
    if (rc >= gate) continue;
    if (rc < 0) violations++;
    if (inGraph[mp] === ep) continue;
    // A violation passes the gate (it is counted) but joins the list only if it is among the smallest.
    if (kept > NEAR && rc >= (nearRc[NEAR] as number)) continue;
    let at = kept <= NEAR ? kept++ : NEAR;
    while (at > 0 && (nearRc[at - 1] as number) > rc) {
      nearRc[at] = nearRc[at - 1] as number;
      nearMp[at] = nearMp[at - 1] as number;
      at--;
    }
    nearRc[at] = rc;
    nearMp[at] = mp;
    if (kept > NEAR) gate = Math.max(nearRc[NEAR] as number, 0);
  }
  return (violations << 8) | kept;
}

/** A potential the check kernel takes as is (an integer well inside i32). */
const kernelPotential = (x: number): boolean => Number.isInteger(x) && Math.abs(x) <= KERNEL_POTENTIAL_MAX;

/**
 * The full scan of cached rows by the WebAssembly kernel (kernels.wat, `scan`): the row is copied
 * into the kernel's memory, the mentors' potentials once per task. Null when there is no cache, no
 * WebAssembly or a potential out of the kernel's range (the JavaScript scan then runs).
 */
function checkKernel(
  t: CheckTask,
): ((ep: number, data: Uint16Array, threshold: number, nearRc: Float64Array, nearMp: Int32Array) => number) | null {
  const nM = t.mentors;
  if (!t.cache) return null;
  for (let mp = 0; mp < nM; mp++) {
    const x = t.pM[mp] as number;
    if (x !== -Infinity && !kernelPotential(x)) return null;
  }
  const at = new Layout();
  const ROW = at.take(2 * nM);
  const PM = at.take(4 * nM);
  const IG = at.take(4 * nM);
  const LIST = at.take(4 * MAX_VIOLATIONS_PER_MENTEE);
  const LIST_VALUE = at.take(4 * MAX_VIOLATIONS_PER_MENTEE);
  const k: Kernels | null = scratchKernel(at.size);
  if (!k) return null;
  const row = new Uint16Array(k.memory.buffer, ROW, nM);
  const pm = new Int32Array(k.memory.buffer, PM, nM);
  const ig = new Int32Array(k.memory.buffer, IG, nM).fill(-1);
  const near = new Int32Array(k.memory.buffer, 0, 16);
  const list = new Int32Array(k.memory.buffer, LIST, MAX_VIOLATIONS_PER_MENTEE);
  const listValue = new Int32Array(k.memory.buffer, LIST_VALUE, MAX_VIOLATIONS_PER_MENTEE);
  for (let mp = 0; mp < nM; mp++) pm[mp] = t.pM[mp] === -Infinity ? KERNEL_NO_PLACE : (t.pM[mp] as number);
  const { edgeStart, edgeMentor } = t;
  return (ep, data, threshold, nearRc, nearMp) => {
    for (let q = edgeStart[ep] as number; q < (edgeStart[ep + 1] as number); q++) ig[edgeMentor[q] as number] = ep;
    row.set(data);
    const scan = k.scan(nM, ROW, PM, IG, ep, threshold, KERNEL_NO_GATE, LIST, LIST_VALUE, MAX_VIOLATIONS_PER_MENTEE);
    for (let q = 0; q < Math.min(scan & 0xff, NEAR + 1); q++) {
      nearRc[q] = near[q] as number;
      nearMp[q] = near[8 + q] as number;
    }
    // The first violators by mentor, as the JavaScript listing finds them.
    const at = t.violStart[ep] as number;
    for (let q = 0; q < Math.min(scan >>> 8, MAX_VIOLATIONS_PER_MENTEE); q++) {
      t.violMentor[at + q] = list[q] as number;
      t.violUnits[at + q] = (listValue[q] as number) - 1;
    }
    return scan;
  };
}

function checkChunkRunner(t: CheckTask, src: RowSource | null, thread: number): ChunkRunner {
  const nM = t.mentors;
  const inGraph = new Int32Array(nM).fill(-1); // stamp: the mentee whose graph edges are marked
  const nearRc = new Float64Array(NEAR + 1);
  const nearMp = new Int32Array(NEAR + 1);
  const row = t.cache ? null : new Float64Array(nM);
  const { pE, pM, edgeStart, edgeMentor, base, slack, violStart, violMentor, violUnits } = t;
  const kernel = checkKernel(t);
  let checked = 0;
  return (lo, hi) => {
    for (let ep = lo; ep < hi; ep++) {
      // Row values are units + 1: a pair violates when value − 1 + pM > top − pE.
      const threshold = t.top + 1 - (pE[ep] as number);
      let data: Uint16Array | Float64Array;
      if (t.cache) data = t.cache.subarray(ep * nM, (ep + 1) * nM);
      else {
        if (!src) throw new Error('check task without a cache or a row source');
        src.fill(ep, row as Float64Array);
        data = row as Float64Array;
      }
      const from = edgeStart[ep] as number;
      const to = edgeStart[ep + 1] as number;
      const out = violStart[ep] as number;
      let listed = 0;
      let count = 0;
      let near = 0;
      if (t.incremental === 1 && (pE[ep] as number) - (base[ep] as number) <= (slack[ep] as number)) {
        checked += to - from;
        for (let k = from; k < to; k++) {
          const mp = edgeMentor[k] as number;
          const s = data[mp] as number;
          if (s === 0 || s + (pM[mp] as number) <= threshold) continue;
          violMentor[out + listed] = mp;
          violUnits[out + listed] = s - 1;
          listed++;
          count++;
        }
      } else {
        checked += nM;
        // Besides violations, keep the NEAR pairs outside the graph with the smallest reduced costs:
        // they join the graph (pricing), so the bound below is the next one, which is larger and lets
        // this row skip its scan in later rounds more often.
        let scan: number;
        const byKernel = kernel !== null && kernelPotential(pE[ep] as number);
        if (byKernel) {
          // The kernel lists the violators too.
          scan = kernel(ep, data as Uint16Array, threshold, nearRc, nearMp);
          count = scan >>> 8;
          listed = Math.min(count, MAX_VIOLATIONS_PER_MENTEE);
        } else {
          for (let k = from; k < to; k++) inGraph[edgeMentor[k] as number] = ep;
          scan = scanFull(data, nM, threshold, pM, inGraph, ep, nearRc, nearMp);
        }
        const kept = scan & 0xff;
        if (!byKernel && scan >>> 8 > 0) {
          // Violations (rare): list them.
          for (let mp = 0; mp < nM; mp++) {
            const s = data[mp] as number;
            if (s === 0 || threshold - s - (pM[mp] as number) >= 0) continue;
            if (listed < MAX_VIOLATIONS_PER_MENTEE) {
              violMentor[out + listed] = mp;
              violUnits[out + listed] = s - 1;
              listed++;
            }
            count++;
          }
        }
        // Violators among them too: a row with more than MAX_VIOLATIONS_PER_MENTEE lists only the
        // first by mentor, and the bound below is sound only if every pair under it joins the graph.
        for (let q = 0; q < Math.min(kept, NEAR); q++) {
          const mp = nearMp[q] as number;
          t.nearMentor[ep * NEAR + near] = mp;
          t.nearUnits[ep * NEAR + near] = (data[mp] as number) - 1;
          near++;
        }
        base[ep] = pE[ep] as number;
        slack[ep] = kept > NEAR ? (nearRc[NEAR] as number) : Infinity;
      }
      const partner = t.partner[ep] as number;
      if (partner >= 0) t.partnerValue[ep] = data[partner] as number;
      t.violListed[ep] = listed;
      t.violCount[ep] = count;
      t.nearCount[ep] = near;
    }
    t.checked[thread] = (t.checked[thread] as number) + checked;
    checked = 0;
  };
}
