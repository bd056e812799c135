/**
 * The embedded Cosmos DB for local runs and tests: @vercel/cosmosdb-server in this process, reached
 * through the real @azure/cosmos SDK over loopback HTTP. The server keeps data in memory only, so
 * with a snapshot file the data is saved (debounced, after every change, and on close) and loaded
 * again at start. For local use only: it is neither durable nor safe for concurrent processes.
 */
import type { Server } from 'node:http';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { CosmosClient, ItemDefinition } from '@azure/cosmos';
import { createCosmosClient } from '../adapters/cosmos/store';

/** Any key works with the embedded server; this is the emulator's well-known public key. */
export const EMBEDDED_COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nqHfchAHb+RiP8PlMRB4Yv7NdG8/EVpDuamp6RSg==';

export interface EmbeddedCosmosOptions {
  /** Where to load and save the snapshot; none → memory only (tests). */
  snapshotFile?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** How long to wait after a change before saving (default 300 ms). */
  saveDelayMs?: number;
}

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** Saves the snapshot now if anything changed since the last save. */
  flush(): Promise<void>;
  /** Saves and stops the server. */
  close(): Promise<void>;
}

interface Snapshot {
  format: 'tandem-cosmos-snapshot';
  version: 1;
  savedAt: string;
  databases: { id: string; containers: { id: string; partitionKey: string[]; items: ItemDefinition[] }[] }[];
}

const SYSTEM = ['_rid', '_self', '_etag', '_attachments', '_ts'];

function isMutation(method: string | undefined, headers: Record<string, unknown>): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  if (method === 'POST' && (headers['x-ms-documentdb-isquery'] || headers['x-ms-cosmos-is-query-plan-request']))
    return false;
  return true;
}

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const server: Server = createHttpServer({ keepAlive: true } as never);
  // NOTE: Node's default 5 s idle timeout resets the SDK's pooled sockets after a long synchronous
  // step (a large matching solve); the next request then fails with ECONNRESET.
  server.keepAliveTimeout = 120_000;
  let dirty = false;
  let restoring = false;
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const delay = options.saveDelayMs ?? 300;

  server.on('request', (req, res) => {
    if (!options.snapshotFile || restoring || !isMutation(req.method, req.headers)) return;
    res.on('finish', () => {
      if (res.statusCode >= 400) return;
      dirty = true;
      if (!timer) timer = setTimeout(() => void flush().catch((err) => console.error('cosmos snapshot:', err)), delay);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createCosmosClient({ endpoint, key: EMBEDDED_COSMOS_KEY });

  if (options.snapshotFile && existsSync(options.snapshotFile)) {
    restoring = true;
    try {
      await restore(client, JSON.parse(readFileSync(options.snapshotFile, 'utf8')) as Snapshot);
    } catch (err) {
      client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw err;
    } finally {
      restoring = false;
    }
  }

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    saving = saving.then(async () => {
      if (!dirty || !options.snapshotFile) return;
      dirty = false;
      try {
        writeAtomically(options.snapshotFile, JSON.stringify(await dump(client)));
      } catch (err) {
        dirty = true;
        throw err;
      }
    });
    return saving;
  }

  return {
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    flush,
    async close() {
      await flush();
      client.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function dump(client: CosmosClient): Promise<Snapshot> {
  const snapshot: Snapshot = {
    format: 'tandem-cosmos-snapshot',
    version: 1,
    savedAt: new Date().toISOString(),
    databases: [],
  };
  const { resources: dbs } = await client.databases.readAll().fetchAll();
  for (const db of dbs) {
    const database = client.database(db.id);
    const entry: Snapshot['databases'][number] = { id: db.id, containers: [] };
    const { resources: containers } = await database.containers.readAll().fetchAll();
    for (const c of containers) {
      const { resources } = await database.container(c.id).items.readAll().fetchAll();
      const items = resources.map((item) => {
        const copy: Record<string, unknown> = { ...item };
        for (const key of SYSTEM) delete copy[key];
        return copy as ItemDefinition;
      });
      entry.containers.push({ id: c.id, partitionKey: c.partitionKey?.paths ?? ['/id'], items });
    }
    snapshot.databases.push(entry);
  }
  return snapshot;
}

async function restore(client: CosmosClient, snapshot: Snapshot): Promise<void> {
  if (snapshot.format !== 'tandem-cosmos-snapshot' || snapshot.version !== 1) {
    throw new Error('The local data snapshot has an unknown format; move it away to start afresh.');
  }
  for (const db of snapshot.databases) {
    const { database } = await client.databases.createIfNotExists({ id: db.id });
    for (const c of db.containers) {
      const { container } = await database.containers.createIfNotExists({
        id: c.id,
        partitionKey: { paths: c.partitionKey },
      });
      for (let i = 0; i < c.items.length; i += 50) {
        await Promise.all(c.items.slice(i, i + 50).map((item) => container.items.upsert(item)));
      }
    }
  }
}

function writeAtomically(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
