/**
 * The embedded Cosmos DB for local runs and tests: @vercel/cosmosdb-server in this process, reached
 * through the real @azure/cosmos SDK over loopback HTTP. The server keeps data in memory; with a
 * snapshot file every change it acknowledges is first appended to a journal next to the snapshot
 * (embedded-journal.ts), the snapshot is compacted in the background, and both are loaded again at
 * start. For local use only, by one process: it keeps every acknowledged write when the process is
 * killed, but does not fsync each write, so a power loss can cost the last seconds.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { CosmosClient } from '@azure/cosmos';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { installLinearQueries } from './embedded-query';
import { isCrossPartitionQuery, notServableAcrossPartitions, NOT_SERVABLE_MESSAGE } from './strict-gateway';
import { createCosmosClient } from '../adapters/cosmos/store';
import {
  DamagedDataError,
  resetAdvice,
  journalFiles,
  JournalWriter,
  lockFolder,
  loadData,
  withoutSystemProperties,
  type Doc,
  type JournalRecord,
  type Mirror,
} from './embedded-journal';

/** Any key works with the embedded server; this is the emulator's well-known public key. */
export const EMBEDDED_COSMOS_KEY =
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nqHfchAHb+RiP8PlMRB4Yv7NdG8/EVpDuamp6RSg==';

export interface EmbeddedCosmosOptions {
  /** Where to keep the snapshot (the journals go next to it); none → memory only (tests). */
  snapshotFile?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Compact the journal into the snapshot once it holds this many bytes (default 8 MiB). */
  compactAfterBytes?: number;
}

/** What the data folder held at start. */
export interface LoadedLocalData {
  /** Nothing was there yet: a new folder. */
  fresh: boolean;
  /** Database → the containers it held. */
  layout: Map<string, string[]>;
  /** What was found and dealt with, to say at start (e.g. a torn last journal record dropped). */
  notes: string[];
}

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** What was loaded from the data folder (memory only: fresh and empty). */
  loaded: LoadedLocalData;
  /** Compacts the journal into the snapshot now. */
  flush(): Promise<void>;
  /** Compacts, syncs and stops the server. */
  close(): Promise<void>;
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
const isTrue = (req: IncomingMessage, name: string) => String(header(req, name)).toLowerCase() === 'true';

/** The path's segments as the server routes them (a doubled leading slash, trailing slashes). */
function segments(url: string | undefined): string[] {
  const path = (url ?? '/').split('?')[0] as string;
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function partitionKeyOf(req: IncomingMessage): unknown {
  const raw = header(req, 'x-ms-documentdb-partitionkey');
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    const value = Array.isArray(parsed) ? parsed[0] : parsed;
    return value && typeof value === 'object' ? null : value;
  } catch {
    return null;
  }
}

/**
 * The journal record for a request the server answered with success, or undefined when the
 * request changed nothing that is kept (reads, queries, user-defined functions).
 */
export function recordOf(req: IncomingMessage, responseBody: string): JournalRecord | undefined {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return undefined;
  if (
    method === 'POST' &&
    (isTrue(req, 'x-ms-documentdb-isquery') || header(req, 'content-type') === 'application/query+json')
  )
    return undefined;
  const s = segments(req.url);
  if (s[0] !== 'dbs' || (s[4] !== undefined && s[4] !== 'docs') || (s[2] !== undefined && s[2] !== 'colls'))
    return undefined;
  const body = () => JSON.parse(responseBody) as Record<string, unknown>;
  const [, db, , coll, , id] = s;
  if (method === 'DELETE') {
    if (id !== undefined && coll !== undefined && db !== undefined)
      return { t: 'doc-', db, coll, id, pk: partitionKeyOf(req) };
    if (s.length === 4 && coll !== undefined && db !== undefined) return { t: 'coll-', db, coll };
    if (s.length === 2 && db !== undefined) return { t: 'db-', db };
    return undefined;
  }
  if (s.length === 1) return { t: 'db', db: String(body().id) };
  if (db === undefined) return undefined;
  if (s.length === 3 || s.length === 4) {
    if (method === 'PATCH') return undefined;
    const created = body();
    const paths = (created.partitionKey as { paths?: string[] } | undefined)?.paths ?? ['/id'];
    return { t: 'coll', db, coll: String(created.id), pk: paths };
  }
  if (coll !== undefined && s[4] === 'docs') return { t: 'doc', db, coll, doc: withoutSystemProperties(body()) as Doc };
  return undefined;
}

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  installLinearQueries();
  const files = options.snapshotFile ? journalFiles(options.snapshotFile) : undefined;
  const unlock = options.snapshotFile ? lockFolder(options.snapshotFile) : () => {};
  let data: ReturnType<typeof loadData> | undefined;
  try {
    // Read (and refuse damaged data) before anything listens or writes.
    data = files ? loadData(files) : undefined;
  } catch (err) {
    unlock();
    throw err;
  }
  const server: Server = createHttpServer({ keepAlive: true } as never);
  // NOTE: Node's default 5 s idle timeout resets the SDK's pooled sockets after a long synchronous
  // step (a large matching solve); the next request then fails with ECONNRESET.
  server.keepAliveTimeout = 120_000;
  let writer: JournalWriter | undefined;
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (writer && req.method === 'POST' && isTrue(req, 'x-ms-cosmos-is-batch-request')) {
      // Not journaled: the app does not use transactional batch, and a half-kept batch would be worse.
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'BadRequest', message: 'The embedded store does not keep batch requests.' }));
      return;
    }
    if (writer) journalBeforeAnswering(req, res, () => writer);
    if (!isCrossPartitionQuery(req)) {
      for (const handler of handlers) handler(req, res);
      return;
    }
    // The query text decides: read the body, then hand the server a copy of the request.
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let query = '';
      try {
        query = String((JSON.parse(body.toString('utf8')) as { query?: unknown }).query ?? '');
      } catch {
        // the server answers malformed bodies itself
      }
      const refused = notServableAcrossPartitions(query);
      if (refused) {
        res.writeHead(400, { 'content-type': 'application/json', 'x-ms-substatus': '1004' });
        res.end(
          JSON.stringify({ code: 'BadRequest', message: `${NOT_SERVABLE_MESSAGE} (${refused} across partitions)` }),
        );
        return;
      }
      const copy = Object.assign(Readable.from([body]), { headers: req.headers, method: req.method, url: req.url });
      for (const handler of handlers) handler(copy as unknown as IncomingMessage, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => {
      unlock();
      reject(err);
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createCosmosClient({ endpoint, key: EMBEDDED_COSMOS_KEY });
  const stop = async () => {
    client.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    unlock();
  };

  if (files && data) {
    try {
      await restore(client, data.mirror);
      writer = new JournalWriter(
        files,
        data.mirror,
        data.nextJournal,
        options.compactAfterBytes ?? 8 * 1024 * 1024,
        () => new Date(),
      );
      // What was replayed goes into the snapshot now, so a torn record is dropped once.
      if (!data.fresh) await writer.compact();
    } catch (err) {
      await stop();
      throw err;
    }
  }

  return {
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    loaded: {
      fresh: data?.fresh ?? true,
      layout: data ? data.mirror.layout() : new Map(),
      notes: data?.notes ?? [],
    },
    flush: async () => writer?.compact(),
    async close() {
      try {
        await writer?.close();
      } finally {
        writer = undefined;
        await stop();
      }
    },
  };
}

/**
 * Whether the loaded data is the app's: a folder that held data but not the app's database is
 * damaged (refused, never re-seeded over); containers it lacks are named (they are created empty).
 */
export function checkLocalData(
  loaded: LoadedLocalData,
  expected: { snapshotFile: string; database: string; containers: string[] },
): { fresh: boolean; notes: string[]; missing: string[] } {
  const notes = [...loaded.notes];
  if (loaded.fresh) return { fresh: true, notes, missing: [] };
  const held = loaded.layout.get(expected.database);
  if (!held)
    throw new DamagedDataError(
      `The local data in ${expected.snapshotFile} holds no database "${expected.database}" ` +
        `(${loaded.layout.size ? `only ${[...loaded.layout.keys()].join(', ')}` : 'no database at all'}). ` +
        resetAdvice(expected.snapshotFile),
    );
  const missing = expected.containers.filter((c) => !held.includes(c));
  if (missing.length)
    notes.push(
      `the local data in ${expected.snapshotFile} lacked the container${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: ` +
        `created empty, so what they held is gone${missing.includes('directory') ? ' (the directory is empty: nobody can sign in until it is synced or the folder is reset)' : ''}. ` +
        `To start again from the demo, stop Tandem and move ${dirname(expected.snapshotFile)} away.`,
    );
  return { fresh: false, notes, missing };
}

/**
 * Wraps the response so that a successful change is in the journal before its answer leaves. If the
 * journal cannot be written the change is answered as failed (it may still be visible until a
 * restart, as with any write whose answer was lost).
 */
function journalBeforeAnswering(
  req: IncomingMessage,
  res: ServerResponse,
  current: () => JournalWriter | undefined,
): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const writer = current();
    if (writer && res.statusCode < 400) {
      try {
        // A delete is answered without a body.
        const record = recordOf(req, typeof chunk === 'string' ? chunk : '{}');
        if (record) writer.append(record);
      } catch (err) {
        console.error('embedded store: could not write the journal', err);
        res.statusCode = 500;
        res.removeHeader('etag');
        chunk = JSON.stringify({
          code: 'InternalServerError',
          message: `The embedded store could not keep this change: ${(err as Error).message}`,
        });
      }
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

/** Loads the data into the (empty) server through the SDK. */
async function restore(client: CosmosClient, mirror: Mirror): Promise<void> {
  const snapshot = mirror.toSnapshot(0, new Date(0).toISOString());
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
