/** A fresh store on the embedded Cosmos DB for one test file (memory only, free port). */
import { randomUUID } from 'node:crypto';
import { openCosmosStore } from '../../functions/src/adapters/cosmos/store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../functions/src/local/embedded-cosmos';
import type { Store } from '../../functions/src/ports/store';

export interface TestStore {
  store: Store;
  cosmos: EmbeddedCosmos;
  close(): Promise<void>;
}

export async function openTestStore(options: { snapshotFile?: string; database?: string } = {}): Promise<TestStore> {
  const cosmos = await startEmbeddedCosmos(options.snapshotFile ? { snapshotFile: options.snapshotFile } : {});
  const store = await openCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    database: options.database ?? `test-${randomUUID().slice(0, 8)}`,
    createContainers: true,
  });
  return { store, cosmos, close: () => cosmos.close() };
}
