/**
 * The embedded store's files: a snapshot (`cosmos.json`) and journals (`cosmos.journal.<n>.log`)
 * next to it. Every change the embedded Cosmos DB acknowledges is first appended to the current
 * journal as one JSON line, written before the response is sent; the snapshot is rewritten from
 * an in-memory copy of the data (the mirror) in the background, and journals it covers are then
 * deleted. At start the snapshot is loaded and the journals after it replayed in order.
 *
 * Each journal record holds the whole document after the change (or the deletion), so replaying a
 * record twice, or onto a snapshot that already has it, gives the same result.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** One acknowledged change. Documents are stored without the server's system properties. */
export type JournalRecord =
  | { t: 'db'; db: string }
  | { t: 'db-'; db: string }
  | { t: 'coll'; db: string; coll: string; pk: string[] }
  | { t: 'coll-'; db: string; coll: string }
  | { t: 'doc'; db: string; coll: string; doc: Doc }
  | { t: 'doc-'; db: string; coll: string; id: string; pk: unknown };

export type Doc = Record<string, unknown> & { id: string };

export interface Snapshot {
  format: 'tandem-cosmos-snapshot';
  version: 1;
  savedAt: string;
  /** Journals numbered from this one on hold changes the snapshot does not (absent: all of them). */
  journal?: number;
  databases: { id: string; containers: { id: string; partitionKey: string[]; items: Doc[] }[] }[];
}

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'];

export function withoutSystemProperties(item: Record<string, unknown>): Doc {
  const copy: Record<string, unknown> = { ...item };
  for (const key of SYSTEM_PROPERTIES) delete copy[key];
  return copy as Doc;
}

interface Container {
  partitionKey: string[];
  items: Map<string, Doc>;
}

function partitionValue(doc: Doc, paths: string[]): unknown {
  let value: unknown = doc;
  for (const part of (paths[0] ?? '/id').split('/').filter(Boolean)) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value ?? null;
}

const itemKey = (pk: unknown, id: string) => JSON.stringify([pk ?? null, id]);

/** The data as the journal and snapshot describe it: what the embedded server holds. */
export class Mirror {
  private readonly databases = new Map<string, Map<string, Container>>();

  static fromSnapshot(snapshot: Snapshot): Mirror {
    const mirror = new Mirror();
    for (const db of snapshot.databases) {
      mirror.apply({ t: 'db', db: db.id });
      for (const c of db.containers) {
        mirror.apply({ t: 'coll', db: db.id, coll: c.id, pk: c.partitionKey });
        for (const doc of c.items) mirror.apply({ t: 'doc', db: db.id, coll: c.id, doc });
      }
    }
    return mirror;
  }

  apply(record: JournalRecord): void {
    switch (record.t) {
      case 'db':
        if (!this.databases.has(record.db)) this.databases.set(record.db, new Map());
        return;
      case 'db-':
        this.databases.delete(record.db);
        return;
      case 'coll': {
        const db = this.database(record.db);
        const existing = db.get(record.coll);
        if (existing) existing.partitionKey = record.pk;
        else db.set(record.coll, { partitionKey: record.pk, items: new Map() });
        return;
      }
      case 'coll-':
        this.databases.get(record.db)?.delete(record.coll);
        return;
      case 'doc': {
        const c = this.container(record.db, record.coll);
        c.items.set(itemKey(partitionValue(record.doc, c.partitionKey), record.doc.id), record.doc);
        return;
      }
      case 'doc-':
        this.databases.get(record.db)?.get(record.coll)?.items.delete(itemKey(record.pk, record.id));
        return;
    }
  }

  /** Database → its containers (for what a data folder holds). */
  layout(): Map<string, string[]> {
    return new Map([...this.databases].map(([id, containers]) => [id, [...containers.keys()]]));
  }

  toSnapshot(journal: number, savedAt: string): Snapshot {
    return {
      format: 'tandem-cosmos-snapshot',
      version: 1,
      savedAt,
      journal,
      databases: [...this.databases].map(([id, containers]) => ({
        id,
        containers: [...containers].map(([cid, c]) => ({
          id: cid,
          partitionKey: c.partitionKey,
          items: [...c.items.values()],
        })),
      })),
    };
  }

  private database(id: string): Map<string, Container> {
    let db = this.databases.get(id);
    if (!db) this.databases.set(id, (db = new Map()));
    return db;
  }

  private container(db: string, coll: string): Container {
    const database = this.database(db);
    let c = database.get(coll);
    if (!c) database.set(coll, (c = { partitionKey: ['/id'], items: new Map() }));
    return c;
  }
}

/** The data folder cannot be used as it is; the message names the file and how to start afresh. */
export class DamagedDataError extends Error {
  override name = 'DamagedDataError';
}

export function resetAdvice(snapshotFile: string): string {
  const dir = dirname(snapshotFile);
  return (
    `Tandem did not start, so as not to overwrite it. To keep it, copy it away; to start again from the demo, ` +
    `stop Tandem and move the folder away (mv ${dir} ${dir}.damaged) or set TANDEM_DATA_DIR to an empty folder.`
  );
}

export interface JournalFiles {
  snapshotFile: string;
  /** The journal numbered n. */
  journal(n: number): string;
  /** The numbers of the journals on disk, ascending. */
  journals(): number[];
}

export function journalFiles(snapshotFile: string): JournalFiles {
  const dir = dirname(snapshotFile);
  const stem = basename(snapshotFile).replace(/\.json$/, '');
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.journal\\.(\\d+)\\.log$`);
  return {
    snapshotFile,
    journal: (n) => join(dir, `${stem}.journal.${n}.log`),
    journals() {
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .map((name) => pattern.exec(name)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    },
  };
}

/**
 * One process per data folder: a lock file with the owner's process id. A lock whose process is
 * gone (killed) is taken over; a live one refuses the start.
 */
export function lockFolder(snapshotFile: string): () => void {
  mkdirSync(dirname(snapshotFile), { recursive: true });
  const lock = `${snapshotFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner))
        throw new DamagedDataError(
          `The local data in ${dirname(snapshotFile)} is in use by another Tandem (process ${owner}); ` +
            `stop it first, or set TANDEM_DATA_DIR to another folder.`,
        );
      rmSync(lock, { force: true });
    }
  }
  throw new DamagedDataError(`Could not lock the local data in ${dirname(snapshotFile)} (${lock}).`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LoadedData {
  mirror: Mirror;
  /** Nothing was on disk: a new data folder. */
  fresh: boolean;
  /** The journal the next changes go to. */
  nextJournal: number;
  /** What was found and dealt with (a torn last record), to say at start. */
  notes: string[];
  /** How many journal records were replayed. */
  replayed: number;
}

function parseSnapshot(file: string): Snapshot {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch (err) {
    throw new DamagedDataError(
      `The local data snapshot ${file} cannot be read (${(err as Error).message}). ${resetAdvice(file)}`,
    );
  }
  if (
    !snapshot ||
    snapshot.format !== 'tandem-cosmos-snapshot' ||
    snapshot.version !== 1 ||
    !Array.isArray(snapshot.databases)
  ) {
    throw new DamagedDataError(`The local data snapshot ${file} has an unknown format. ${resetAdvice(file)}`);
  }
  return snapshot;
}

function isRecord(value: unknown): value is JournalRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  if (typeof r.db !== 'string') return false;
  switch (r.t) {
    case 'db':
    case 'db-':
      return true;
    case 'coll':
      return typeof r.coll === 'string' && Array.isArray(r.pk);
    case 'coll-':
      return typeof r.coll === 'string';
    case 'doc':
      return typeof r.coll === 'string' && !!r.doc && typeof (r.doc as Doc).id === 'string';
    case 'doc-':
      return typeof r.coll === 'string' && typeof r.id === 'string';
    default:
      return false;
  }
}

/**
 * Loads the snapshot and replays the journals after it. A last record without its line end was cut
 * off while being written, so it was never acknowledged: it is dropped and said. Anything else that
 * cannot be read refuses to start, naming the file and how to reset.
 */
export function loadData(files: JournalFiles): LoadedData {
  const hasSnapshot = existsSync(files.snapshotFile);
  const journals = files.journals();
  const snapshot = hasSnapshot ? parseSnapshot(files.snapshotFile) : undefined;
  const mirror = snapshot ? Mirror.fromSnapshot(snapshot) : new Mirror();
  const from = snapshot?.journal ?? 0;
  const notes: string[] = [];
  let replayed = 0;
  const toReplay = journals.filter((n) => n >= from);
  toReplay.forEach((n, index) => {
    const file = files.journal(n);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const last = lines.pop() as string;
    if (last !== '') {
      if (index === toReplay.length - 1) {
        notes.push(
          `dropped the last record of ${file} (${Buffer.byteLength(last)} bytes): it was cut off while being written and never acknowledged.`,
        );
      } else {
        throw new DamagedDataError(
          `The local data journal ${file} ends in the middle of a record, but newer journals follow it. ${resetAdvice(files.snapshotFile)}`,
        );
      }
    }
    lines.forEach((line, i) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        record = undefined;
      }
      if (!isRecord(record))
        throw new DamagedDataError(
          `The local data journal ${file} cannot be read at line ${i + 1}. ${resetAdvice(files.snapshotFile)}`,
        );
      mirror.apply(record);
      replayed++;
    });
  });
  return {
    mirror,
    fresh: !hasSnapshot && replayed === 0 && notes.length === 0,
    nextJournal: Math.max(from, (journals.at(-1) ?? -1) + 1),
    notes,
    replayed,
  };
}

/** Appends records to the current journal, one write each; rotates and compacts into the snapshot. */
export class JournalWriter {
  private fd: number;
  private bytes = 0;
  private compacting: Promise<void> | undefined;

  constructor(
    private readonly files: JournalFiles,
    private readonly mirror: Mirror,
    private current: number,
    private readonly compactAfterBytes: number,
    private readonly now: () => Date,
  ) {
    mkdirSync(dirname(files.snapshotFile), { recursive: true });
    this.fd = openSync(files.journal(current), 'a');
  }

  /** Writes the record (before the change is acknowledged) and applies it to the mirror. */
  append(record: JournalRecord): void {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    let written = 0;
    while (written < line.length) written += writeSync(this.fd, line, written);
    this.bytes += line.length;
    this.mirror.apply(record);
    if (this.bytes >= this.compactAfterBytes && !this.compacting) {
      void this.compact().catch((err: unknown) => console.error('embedded store: compaction failed', err));
    }
  }

  /**
   * Starts a new journal and writes the snapshot of everything before it (temporary file, fsync,
   * rename, fsync of the folder), then deletes the journals it covers. The previous snapshot stays
   * until the new one is complete; a crash in between replays the older journals too.
   */
  compact(): Promise<void> {
    const run = (this.compacting ?? Promise.resolve()).then(async () => {
      const next = this.current + 1;
      const fd = openSync(this.files.journal(next), 'a');
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = fd;
      this.current = next;
      this.bytes = 0;
      const content = JSON.stringify(this.mirror.toSnapshot(next, this.now().toISOString()));
      await writeDurably(this.files.snapshotFile, content);
      for (const n of this.files.journals()) if (n < next) await unlink(this.files.journal(n));
    });
    const tracked = run.finally(() => {
      if (this.compacting === tracked) this.compacting = undefined;
    });
    this.compacting = tracked;
    return tracked;
  }

  async close(): Promise<void> {
    await this.compact();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

async function writeDurably(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
