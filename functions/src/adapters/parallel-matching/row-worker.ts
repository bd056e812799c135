/**
 * A helper thread of the matching engine's row pool (see thread-pool.ts): rebuilds the built-in
 * scorer from the plain data it is sent, then joins each posted task, claiming chunks of rows until
 * none is left. All results go to shared memory; a failure is flagged in the task's control words.
 */
import { parentPort, workerData } from 'node:worker_threads';
// The two modules the passes need, not the engine's index: a helper starts faster.
import { builtInRows, type RowSpec } from '../../core/matching/row-source';
import { runChunks, type RowTask } from '../../core/matching/row-tasks';

type Message = { type: 'source'; spec: RowSpec } | { type: 'task'; task: RowTask };

const thread = (workerData as { thread: number }).thread;
let source: ReturnType<typeof builtInRows> | null = null;

parentPort?.postMessage('ready');
parentPort?.on('message', (m: Message) => {
  if (m.type === 'source') {
    source = builtInRows(m.spec.p, m.spec.f, m.spec.t);
    return;
  }
  try {
    runChunks(m.task, source, thread);
  } catch {
    // runChunks flagged the failure; the caller runs the task again on its own thread.
  }
});
