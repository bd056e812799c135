/**
 * Helper threads for the matching engine's passes over all pairs (core defines the tasks, core has
 * no threads). Workers start once and are reused; they are unref'd, so an idle pool never keeps the
 * process alive. The caller blocks with Atomics.wait while helpers finish their last chunks (the
 * engine is synchronous and CPU-bound), and since chunks are claimed from a shared counter, a helper
 * still starting up simply takes fewer of them: the caller never waits for a worker to boot.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type RowPool, type RowSpec, type RowTask } from '../../core/matching';

/** Control word indices (see core/matching/row-pool.ts). */
const DONE = 1;
const FAILED = 2;
/** A helper that makes no progress for this long is given up on (the caller redoes the task). */
const STALL_MS = 60_000;

/**
 * The worker runs TypeScript sources under tsx and jest (@swc/jest), compiled JS from dist/: the
 * eval'd bootstrap registers tsx's CommonJS hook only when the worker file is a .ts file.
 */
function bootstrap(file: string): string {
  if (!file.endsWith('.ts')) return `${WARM_UP} require(${JSON.stringify(file)});`;
  const tsx = require.resolve('tsx/cjs/api');
  return `${WARM_UP} require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`;
}

/**
 * First thing in a helper: one time-zone lookup through Intl. ICU loads its time-zone data once per
 * process, on first use (~20 ms); a helper does it while the calling thread still reads and checks the
 * input, so the engine's validation (which resolves every IANA zone) does not wait for it.
 */
const WARM_UP =
  "try { new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' }).formatToParts(0); } catch {}";

export class ThreadRowPool implements RowPool {
  private readonly workers: Worker[] = [];
  private readonly started: Promise<void>[] = [];
  private closed = false;
  private source: WeakRef<RowSpec> | undefined;

  /** `file`: the helper's script, by default row-worker beside this file (or the bundle's entry). */
  constructor(
    readonly helpers: number,
    file = join(__dirname, `row-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`),
  ) {
    for (let i = 0; i < helpers; i++) {
      const worker = new Worker(bootstrap(file), { eval: true, workerData: { thread: i + 1 } });
      worker.unref();
      // An error is also flagged in the running task's control words; the pool stays usable.
      worker.on('error', () => undefined);
      this.started.push(new Promise((resolve) => worker.once('message', () => resolve())));
      this.workers.push(worker);
    }
  }

  /** Resolves once every helper has loaded (the engine never needs to wait for it). */
  async ready(): Promise<void> {
    await Promise.all(this.started);
  }

  sharedFloat64(length: number): Float64Array {
    return new Float64Array(new SharedArrayBuffer(length * 8));
  }

  sharedInt32(length: number): Int32Array {
    return new Int32Array(new SharedArrayBuffer(length * 4));
  }

  sharedUint16(length: number): Uint16Array {
    return new Uint16Array(new SharedArrayBuffer(length * 2));
  }

  setSource(spec: RowSpec): void {
    if (this.source?.deref() === spec) return; // already handed over (see RowPool.setSource)
    this.source = new WeakRef(spec); // weak: the pool outlives the run

    for (const w of this.workers) w.postMessage({ type: 'source', spec });
  }

  post(task: RowTask): void {
    for (const w of this.workers) w.postMessage({ type: 'task', task });
  }

  wait(task: RowTask): boolean {
    const chunks = Math.ceil(task.rows / task.chunkRows);
    const c = task.control;
    let last = -1;
    let since = Date.now();
    for (;;) {
      if (Atomics.load(c, FAILED) !== 0) return false;
      const done = Atomics.load(c, DONE);
      if (done >= chunks) return true;
      if (done !== last) {
        last = done;
        since = Date.now();
      } else if (Date.now() - since > STALL_MS) return false;
      Atomics.wait(c, DONE, done, 1000);
    }
  }

  /** Stops the helpers (tests, or a process that wants to exit before the pool would idle out). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

let shared: ThreadRowPool | undefined;

/**
 * The process-wide pool (one helper per spare core, at most 3), started on first use; undefined on
 * a single core, where the engine runs on the calling thread alone.
 */
export function rowPool(): ThreadRowPool | undefined {
  const helpers = Math.min(availableParallelism() - 1, 3);
  if (helpers < 1) return undefined;
  shared ??= new ThreadRowPool(helpers);
  return shared;
}

/** Stops the process-wide pool; the next rowPool() starts a new one. */
export async function closeRowPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
