/**
 * The embedded store's journal and snapshot: what is kept, what a damaged folder does, and that
 * nothing is re-seeded over data that was there.
 */
import { existsSync, rmSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore } from '../../support/embedded-store';
import { aProgramme, aParticipant } from '../../support/builders';
import { startEmbeddedCosmos, checkLocalData } from '../../../functions/src/local/embedded-cosmos';
import { createCosmosClient } from '../../../functions/src/adapters/cosmos/store';
import { journalFiles, loadData, withoutSystemProperties } from '../../../functions/src/local/embedded-journal';
import { startLocalStack } from '../../../functions/src/local/stack';

const folder = () => mkdtempSync(join(tmpdir(), 'tandem-journal-'));
const files = (dir: string) => readdirSync(dir).sort();

describe('the embedded store journal', () => {
  it('has every acknowledged change in the journal before the answer, without any snapshot being written', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const t = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      const created = await t.store.programmes.create(aProgramme({ id: 'p1' }));
      await t.store.programmes.replace({ ...aProgramme({ id: 'p1' }), name: 'Second' }, created.etag);
      await t.store.participants.create(aParticipant({ programmeId: 'p1', id: 'u1' }));
      await t.store.participants.delete('p1', 'u1');
      // Read while the store still runs, as a restart after kill -9 would.
      const loaded = loadData(journalFiles(file));
      const snapshot = loaded.mirror.toSnapshot(0, '');
      const tandem = snapshot.databases.find((d) => d.id === 'tandem');
      const programmes = tandem?.containers.find((c) => c.id === 'programmes');
      expect(programmes?.items.map((p) => [p.id, p.name])).toEqual([['p1', 'Second']]);
      expect(tandem?.containers.find((c) => c.id === 'participants')?.items).toEqual([]);
      expect(existsSync(file)).toBe(false);
      expect(loaded.replayed).toBeGreaterThan(4);
    } finally {
      await t.close();
    }
  });

  it('holds what the server holds: the journal replayed equals a read of every container', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const t = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      for (let i = 0; i < 20; i++) await t.store.programmes.create(aProgramme({ id: `p${i}` }));
      for (let i = 0; i < 20; i += 3) await t.store.programmes.delete(`p${i}`, `p${i}`);
      const p5 = await t.store.programmes.get('p5', 'p5');
      await t.store.programmes.replace({ ...p5, name: 'Five' }, p5.etag);
      await t.store.participants.create(aParticipant({ programmeId: 'p1', id: 'u1' }));
      const client = createCosmosClient({ endpoint: t.cosmos.endpoint, key: t.cosmos.key });
      try {
        const loaded = loadData(journalFiles(file)).mirror.toSnapshot(0, '');
        for (const db of loaded.databases) {
          for (const c of db.containers) {
            const { resources } = await client.database(db.id).container(c.id).items.readAll().fetchAll();
            const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
            expect([c.id, [...c.items].sort(byId)]).toEqual([c.id, resources.map(withoutSystemProperties).sort(byId)]);
          }
        }
      } finally {
        client.dispose();
      }
    } finally {
      await t.close();
    }
  });

  it('compacts into the snapshot once the journal is large, then deletes the journals it covers', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const cosmos = await startEmbeddedCosmos({ snapshotFile: file, compactAfterBytes: 2_000 });
    const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
    try {
      const { database } = await client.databases.createIfNotExists({ id: 'tandem' });
      const { container } = await database.containers.createIfNotExists({ id: 'c', partitionKey: { paths: ['/id'] } });
      for (let i = 0; i < 40; i++) await container.items.create({ id: `d${i}`, text: 'x'.repeat(100) });
      await cosmos.flush();
      expect(files(dir).filter((f) => f.includes('journal'))).toHaveLength(1);
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { journal: number; databases: unknown[] };
      expect(files(dir)).toEqual([`cosmos.journal.${snapshot.journal}.log`, 'cosmos.json', 'cosmos.json.lock']);
      expect(snapshot.journal).toBeGreaterThan(1);
    } finally {
      client.dispose();
      await cosmos.close();
    }
    const again = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      const client2 = createCosmosClient({ endpoint: again.cosmos.endpoint, key: again.cosmos.key });
      const { resources } = await client2.database('tandem').container('c').items.readAll().fetchAll();
      client2.dispose();
      expect(resources).toHaveLength(40);
    } finally {
      await again.close();
    }
  });

  it('replays older journals left by a compaction that did not finish', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const f = journalFiles(file);
    writeFileSync(
      file,
      JSON.stringify({
        format: 'tandem-cosmos-snapshot',
        version: 1,
        savedAt: '',
        journal: 3,
        databases: [{ id: 'tandem', containers: [{ id: 'c', partitionKey: ['/id'], items: [{ id: 'a', v: 1 }] }] }],
      }),
    );
    // Journal 2 is covered by the snapshot (its deletion was cut off); 3 and 4 are not.
    writeFileSync(f.journal(2), `${JSON.stringify({ t: 'doc', db: 'tandem', coll: 'c', doc: { id: 'a', v: 0 } })}\n`);
    writeFileSync(f.journal(3), `${JSON.stringify({ t: 'doc', db: 'tandem', coll: 'c', doc: { id: 'b', v: 1 } })}\n`);
    writeFileSync(
      f.journal(4),
      `${JSON.stringify({ t: 'doc', db: 'tandem', coll: 'c', doc: { id: 'a', v: 2 } })}\n` +
        `${JSON.stringify({ t: 'doc-', db: 'tandem', coll: 'c', id: 'b', pk: 'b' })}\n`,
    );
    const loaded = loadData(f);
    expect(loaded.fresh).toBe(false);
    expect(loaded.nextJournal).toBe(5);
    expect(loaded.mirror.toSnapshot(0, '').databases[0]?.containers[0]?.items).toEqual([{ id: 'a', v: 2 }]);
  });

  it('drops a torn last record cleanly, says so once, and keeps everything before it', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const first = await openTestStore({ snapshotFile: file, database: 'tandem' });
    await first.store.programmes.create(aProgramme({ id: 'kept' }));
    // Leave the journal as a killed process would: no snapshot, the journal as written so far.
    const journal = journalFiles(file);
    const [current] = journal.journals();
    const written = readFileSync(journal.journal(current as number), 'utf8');
    await first.close();
    for (const f of files(dir)) rmSync(join(dir, f));
    writeFileSync(journal.journal(1), `${written}{"t":"doc","db":"tandem","coll":"programmes","doc":{"id":"torn"`);

    const second = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      expect(second.cosmos.loaded.notes).toEqual([
        expect.stringMatching(/dropped the last record of .*cosmos\.journal\.1\.log .*never acknowledged/),
      ]);
      expect((await second.store.programmes.get('kept', 'kept')).id).toBe('kept');
      expect(await second.store.programmes.find('torn', 'torn')).toBeUndefined();
    } finally {
      await second.close();
    }
    // Said once: the start compacted what it replayed.
    const third = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      expect(third.cosmos.loaded.notes).toEqual([]);
      expect((await third.store.programmes.get('kept', 'kept')).id).toBe('kept');
    } finally {
      await third.close();
    }
  });

  it('refuses a journal that is damaged in the middle, naming the file, the line and how to reset', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const f = journalFiles(file);
    writeFileSync(
      f.journal(0),
      `${JSON.stringify({ t: 'db', db: 'tandem' })}\nnot json\n${JSON.stringify({ t: 'db', db: 'other' })}\n`,
    );
    await expect(startEmbeddedCosmos({ snapshotFile: file })).rejects.toThrow(
      new RegExp(`journal ${f.journal(0).replace(/[.]/g, '\\.')} cannot be read at line 2.*mv ${dir}`),
    );
    expect(readFileSync(f.journal(0), 'utf8')).toContain('not json');
  });

  it('refuses a truncated snapshot, naming it and how to reset, and leaves it as it was', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const t = await openTestStore({ snapshotFile: file, database: 'tandem' });
    await t.store.programmes.create(aProgramme({ id: 'p1' }));
    await t.close();
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
    await expect(openTestStore({ snapshotFile: file, database: 'tandem' })).rejects.toThrow(
      new RegExp(`snapshot ${file.replace(/[.]/g, '\\.')} cannot be read .*Tandem did not start.*TANDEM_DATA_DIR`),
    );
    expect(readFileSync(file, 'utf8')).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  });

  it('refuses a folder whose data holds no app database instead of seeding the demo over it', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'cosmos.json'),
      JSON.stringify({ format: 'tandem-cosmos-snapshot', version: 1, savedAt: '', databases: [] }),
    );
    const lines: string[] = [];
    await expect(startLocalStack({ port: 0, dataDir: dir, log: (l) => lines.push(l) })).rejects.toThrow(
      /holds no database "tandem" \(no database at all\).*Tandem did not start/,
    );
    expect(lines.join('\n')).not.toContain('Seeded the demo');
    expect(JSON.parse(readFileSync(join(dir, 'cosmos.json'), 'utf8')).databases).toEqual([]);
  }, 60_000);

  it('names containers the app needs that the folder lacks, at start and in /api/health', async () => {
    const dir = folder();
    const first = await startLocalStack({ port: 0, dataDir: dir });
    await first.close();
    const snapshot = JSON.parse(readFileSync(join(dir, 'cosmos.json'), 'utf8')) as {
      databases: { id: string; containers: { id: string }[] }[];
    };
    for (const db of snapshot.databases) db.containers = db.containers.filter((c) => c.id !== 'directory');
    writeFileSync(join(dir, 'cosmos.json'), JSON.stringify(snapshot));

    const lines: string[] = [];
    const second = await startLocalStack({ port: 0, dataDir: dir, log: (l) => lines.push(l) });
    try {
      expect(second.seeded).toBeUndefined();
      expect(lines.join('\n')).toMatch(
        /Warning: the local data in .* lacked the container directory: created empty.*nobody can sign in/,
      );
      const res = await fetch(`${second.baseUrl}/api/health`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { checks: Record<string, { status: string; reason?: string }> };
      expect(body.checks.localData?.status).toBe('degraded');
      expect(body.checks.localData?.reason).toMatch(/lacked the container directory/);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('tells a new folder from one that held data', () => {
    const layout = new Map([['tandem', ['programmes']]]);
    expect(
      checkLocalData(
        { fresh: true, layout: new Map(), notes: [] },
        { snapshotFile: '/x/cosmos.json', database: 'tandem', containers: ['programmes'] },
      ),
    ).toEqual({ fresh: true, notes: [], missing: [] });
    expect(
      checkLocalData(
        { fresh: false, layout, notes: [] },
        { snapshotFile: '/x/cosmos.json', database: 'tandem', containers: ['programmes', 'audit'] },
      ).missing,
    ).toEqual(['audit']);
    expect(() =>
      checkLocalData(
        { fresh: false, layout, notes: [] },
        { snapshotFile: '/x/cosmos.json', database: 'other', containers: [] },
      ),
    ).toThrow(/only tandem/);
  });

  it('refuses a batch request rather than keep half of it', async () => {
    const dir = folder();
    const cosmos = await startEmbeddedCosmos({ snapshotFile: join(dir, 'cosmos.json') });
    try {
      const res = await fetch(`${cosmos.endpoint}/dbs/tandem/colls/c/docs`, {
        method: 'POST',
        headers: { 'x-ms-cosmos-is-batch-request': 'True', 'content-type': 'application/json' },
        body: '[]',
      });
      expect(res.status).toBe(400);
    } finally {
      await cosmos.close();
    }
  });
});

describe('the embedded store data folder', () => {
  it('is used by one process at a time: a live owner refuses, a killed one is taken over', async () => {
    const dir = folder();
    const file = join(dir, 'cosmos.json');
    const first = await startEmbeddedCosmos({ snapshotFile: file });
    try {
      await expect(startEmbeddedCosmos({ snapshotFile: file })).rejects.toThrow(
        new RegExp(`${dir} is in use by another Tandem \\(process ${process.pid}\\)`),
      );
    } finally {
      await first.close();
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
    // A process that was killed left its lock behind.
    writeFileSync(`${file}.lock`, '999999999');
    const second = await startEmbeddedCosmos({ snapshotFile: file });
    await second.close();
  });
});
