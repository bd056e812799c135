import { CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Doc } from '../../core/model';
import { CONTAINERS, type ContainerKey, type ContainerSpec } from '../../ports/containers';
import type { Collection, Store } from '../../ports/store';
import { CosmosCollection } from './collection';
import { toDomainError } from './errors';
import { ChangeStamps } from './change-stamps';

export interface CosmosSettings {
  endpoint: string;
  /** Account key; without one the client signs in with DefaultAzureCredential (managed identity in Azure). */
  key?: string;
  database: string;
  /**
   * Create the database and containers when missing. True for the embedded server and key auth;
   * with Entra auth the data-plane role cannot create containers, so infra/ creates them.
   */
  createContainers: boolean;
}

/** The Cosmos DB client for a real account, the emulator or the embedded local server. */
export function createCosmosClient(settings: Pick<CosmosSettings, 'endpoint' | 'key'>): CosmosClient {
  const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(settings.endpoint);
  return new CosmosClient({
    endpoint: settings.endpoint,
    ...(settings.key ? { key: settings.key } : { aadCredentials: new DefaultAzureCredential() }),
    // NOTE: the embedded server and the emulator advertise endpoints the client cannot reach.
    ...(local ? { connectionPolicy: { enableEndpointDiscovery: false } } : {}),
  });
}

async function ensureContainers(database: Database, specs: ContainerSpec[]): Promise<void> {
  for (const spec of specs) {
    await database.containers.createIfNotExists({
      id: spec.name,
      partitionKey: { paths: [spec.partitionKey] },
      // The same policy infra/ declares: everything indexed but the payloads nobody queries.
      indexingPolicy: {
        indexingMode: 'consistent',
        automatic: true,
        includedPaths: [{ path: '/*' }],
        excludedPaths: [{ path: '/"_etag"/?' }, ...(spec.excludedPaths ?? []).map((path) => ({ path }))],
      },
    });
  }
}

/** Opens the app's store: one Collection per container of ports/containers.ts. */
export async function openCosmosStore(settings: CosmosSettings, client = createCosmosClient(settings)): Promise<Store> {
  let database: Database;
  try {
    if (settings.createContainers) {
      ({ database } = await client.databases.createIfNotExists({ id: settings.database }));
      await ensureContainers(database, Object.values(CONTAINERS));
    } else {
      database = client.database(settings.database);
    }
  } catch (err) {
    throw toDomainError(err, `database ${settings.database}`);
  }
  const stamps = new ChangeStamps(database.container(CONTAINERS.state.name));
  const collection = <T extends Doc>(key: ContainerKey): Collection<T> => {
    const spec: ContainerSpec = CONTAINERS[key];
    return new CosmosCollection<T>(
      database.container(spec.name),
      spec,
      ...(spec.stampsChanges ? [(programmeId: string) => stamps.stamp(programmeId)] : []),
    );
  };
  return {
    programmes: collection('programmes'),
    participants: collection('participants'),
    pairs: collection('pairs'),
    meetings: collection('meetings'),
    feedback: collection('feedback'),
    assessments: collection('assessments'),
    audit: collection('audit'),
    directory: collection('directory'),
    state: collection('state'),
    idempotency: collection('idempotency'),
    conversations: collection('conversations'),
    jobs: collection('jobs'),
    outbox: collection('outbox'),
    interest: collection('interest'),
    async ping() {
      try {
        await database.read();
      } catch (err) {
        throw toDomainError(err, `database ${settings.database}`);
      }
    },
  };
}
