/** A fresh in-memory store for one test file: the same port as the embedded one, without a server. */
import { openMemoryStore } from '../../functions/src/adapters/memory/store';
import type { Store } from '../../functions/src/ports/store';

/** A store opened for a test, whichever adapter is behind it. */
export interface OpenedTestStore {
  store: Store;
  close(): Promise<void>;
}

export function openMemoryTestStore(): OpenedTestStore {
  return { store: openMemoryStore(), close: async () => {} };
}
