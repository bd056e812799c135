/**
 * The embedded store as the services open it without COSMOS_ENDPOINT: the local stack and the CLI
 * hand this to `createServices` (composition.ts never imports local code, so the Azure bundle has none).
 */
import { join } from 'node:path';
import type { AppConfig } from '../config';
import type { OpenedStore } from '../composition';
import { openCosmosStore } from '../adapters/cosmos/store';
import { CONTAINERS } from '../ports/containers';
import { checkLocalData, startEmbeddedCosmos } from './embedded-cosmos';

/** Starts the embedded Cosmos DB on the data folder's snapshot and opens the store against it. */
export async function openEmbeddedStore(config: AppConfig): Promise<OpenedStore> {
  const { database } = config.cosmos;
  const snapshotFile = join(config.dataDir, 'cosmos.json');
  const cosmos = await startEmbeddedCosmos({ snapshotFile });
  try {
    const localData = checkLocalData(cosmos.loaded, {
      snapshotFile,
      database,
      containers: Object.values(CONTAINERS).map((c) => c.name),
    });
    const store = await openCosmosStore({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      database,
      createContainers: true,
    });
    return { store, dispose: () => cosmos.close(), localData: { folder: config.dataDir, ...localData } };
  } catch (err) {
    await cosmos.close();
    throw err;
  }
}
