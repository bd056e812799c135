import type { RowSpec } from './row-source';
import type { RowTask } from './row-tasks';

/**
 * Helper threads for the two passes over all pairs (scoring, and the dual check), injected from
 * outside core (core has no threads). Tasks split their rows into chunks that every thread claims
 * with an atomic counter (work stealing), so a helper that starts late or runs slowly only takes
 * fewer chunks; each row's result depends on that row alone, so the result never depends on who
 * ran which chunk. Without a pool, the calling thread runs every chunk itself.
 */
export interface RowPool {
  /** Helper threads taking part (thread indices 1..helpers; the caller is thread 0). */
  readonly helpers: number;
  /** Typed arrays every thread sees (SharedArrayBuffer-backed). */
  sharedFloat64(length: number): Float64Array;
  sharedInt32(length: number): Int32Array;
  sharedUint16(length: number): Uint16Array;
  /**
   * Gives the helpers the built-in scorer (they rebuild it from the plain data). The engine hands it
   * over as soon as it exists and again with the scoring task: the same spec again is a no-op.
   */
  setSource(spec: RowSpec): void;
  /** Hands a task to the helpers; they claim chunks until none is left. */
  post(task: RowTask): void;
  /**
   * Blocks until every chunk of the task is done (true), or returns false when a helper failed: the
   * caller then runs the task again on its own thread.
   */
  wait(task: RowTask): boolean;
}

/** Control words of a task: next chunk to claim, chunks done, failure flag (Int32Array of 3). */
export const NEXT = 0;
export const DONE = 1;
export const FAILED = 2;
