import type { OrgUser } from '../../core/model';
import { ConflictError } from '../../core/errors';
import type { DirectoryChunk, DirectoryPointer, DirectorySnapshotStore, LoadedDirectory } from '../../ports/directory';
import type { Store, Stored } from '../../ports/store';
import type { StateRecord } from '../../ports/records';

/** Users per chunk document: ~200 KB, well under Cosmos DB's 2 MB item limit; 100,000 users = 200 documents. */
export const CHUNK_USERS = 500;
const PARALLEL = 8;

export function pointerId(tenantId: string): string {
  return `directory:${tenantId}`;
}

/** Stable slot of a user id (FNV-1a), so an incremental sync rewrites only the chunks it touches. */
export function slotOf(id: string, slots: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % slots;
}

async function inParallel<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL)
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(run))));
  return out;
}

export type { LoadedDirectory } from '../../ports/directory';

/**
 * The directory's generations in the store. Chunks are immutable; a sync writes the chunks it
 * changed under new ids, then replaces the pointer (state `directory:<tenant>`) with the read ETag —
 * readers see the old or the new directory, never a mix, and a concurrent sync loses with a Conflict.
 */
export class DirectorySnapshots implements DirectorySnapshotStore {
  constructor(
    private readonly store: Store,
    readonly tenantId: string,
  ) {}

  async readPointer(): Promise<{ pointer: DirectoryPointer; etag: string } | undefined> {
    const record = await this.store.state.find(pointerId(this.tenantId), pointerId(this.tenantId));
    if (!record) return undefined;
    return { pointer: record.value as DirectoryPointer, etag: record.etag };
  }

  async loadChunks(pointer: DirectoryPointer): Promise<Map<string, OrgUser>> {
    const chunks = await inParallel(pointer.chunks, (id) => this.store.directory.get(this.tenantId, id));
    const users = new Map<string, OrgUser>();
    for (const chunk of chunks) for (const u of chunk.users) users.set(u.id, u);
    return users;
  }

  async load(): Promise<LoadedDirectory | undefined> {
    const found = await this.readPointer();
    if (!found) return undefined;
    return { ...found, users: await this.loadChunks(found.pointer) };
  }

  /**
   * Writes `users` as the next generation and flips the pointer. With `previous` and the set of
   * changed ids, only the chunks holding a changed or removed user are written again.
   */
  async commit(
    users: Map<string, OrgUser>,
    meta: Omit<DirectoryPointer, 'generation' | 'chunks' | 'users'>,
    previous: LoadedDirectory | undefined,
    changed: Set<string> | 'all',
  ): Promise<DirectoryPointer> {
    const generation = (previous?.pointer.generation ?? 0) + 1;
    const wanted = Math.max(1, Math.ceil(users.size / CHUNK_USERS));
    const old = previous?.pointer.chunks ?? [];
    // Re-chunk when the directory grew or shrank a lot since its chunk count was chosen.
    const rechunk = changed === 'all' || old.length === 0 || wanted > old.length * 2 || wanted * 2 < old.length;
    const slots = rechunk ? wanted : old.length;
    const dirty = new Set<number>();
    if (rechunk) for (let s = 0; s < slots; s++) dirty.add(s);
    else for (const id of changed) dirty.add(slotOf(id, slots));

    const bySlot = new Map<number, OrgUser[]>();
    for (const s of dirty) bySlot.set(s, []);
    for (const u of users.values()) bySlot.get(slotOf(u.id, slots))?.push(u);
    const chunks = Array.from({ length: slots }, (_, s) =>
      dirty.has(s) ? `g${generation}-s${s}` : (old[s] as string),
    );
    await inParallel([...dirty], (s) =>
      this.store.directory.upsert({
        id: `g${generation}-s${s}`,
        schemaVersion: 1,
        tenantId: this.tenantId,
        generation,
        slot: s,
        users: bySlot.get(s) ?? [],
      } satisfies DirectoryChunk),
    );

    const pointer: DirectoryPointer = { ...meta, generation, chunks, users: users.size };
    const record: StateRecord = {
      id: pointerId(this.tenantId),
      schemaVersion: 1,
      value: pointer,
      updatedAt: meta.syncedAt,
    };
    if (previous) await this.store.state.replace(record, previous.etag);
    else await this.store.state.create(record);

    const unused = old.filter((id) => !chunks.includes(id));
    await inParallel(unused, (id) => this.store.directory.delete(this.tenantId, id).catch(() => undefined));
    return pointer;
  }

  /** Updates pointer fields (e.g. clears pendingRemovals) without touching the chunks. */
  async updatePointer(change: (p: DirectoryPointer) => DirectoryPointer): Promise<void> {
    const found = await this.readPointer();
    if (!found) return;
    const record: StateRecord = {
      id: pointerId(this.tenantId),
      schemaVersion: 1,
      value: change(found.pointer),
      updatedAt: new Date().toISOString(),
    };
    try {
      await this.store.state.replace(record, found.etag);
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }

  /** Deletes chunks no pointer names (left by a sync that stopped before its flip). */
  async collectGarbage(): Promise<number> {
    const found = await this.readPointer();
    const live = new Set(found?.pointer.chunks ?? []);
    const orphans: Stored<DirectoryChunk>[] = [];
    for await (const chunk of this.store.directory.all(this.tenantId, { pageSize: 20 }))
      if (!live.has(chunk.id)) orphans.push(chunk);
    await inParallel(orphans, (c) => this.store.directory.delete(this.tenantId, c.id).catch(() => undefined));
    return orphans.length;
  }
}
