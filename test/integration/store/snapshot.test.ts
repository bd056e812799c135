import { mkdtempSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore } from '../../support/embedded-store';
import { aProgramme, aParticipant } from '../../support/builders';

describe('the embedded Cosmos DB snapshot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-snap-'));

  it('keeps data written before a restart, including updates and deletes', async () => {
    const file = join(dir, 'cosmos.json');
    const first = await openTestStore({ snapshotFile: file, database: 'tandem' });
    const created = await first.store.programmes.create(aProgramme({ id: 'kept' }));
    await first.store.programmes.replace({ ...aProgramme({ id: 'kept' }), name: 'Renamed' }, created.etag);
    await first.store.participants.create(aParticipant({ programmeId: 'kept', id: 'u1' }));
    await first.store.participants.create(aParticipant({ programmeId: 'kept', id: 'gone' }));
    await first.store.participants.delete('kept', 'gone');
    await first.close();
    expect(existsSync(file)).toBe(true);

    const second = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      expect((await second.store.programmes.get('kept', 'kept')).name).toBe('Renamed');
      expect((await second.store.participants.get('kept', 'u1')).displayName).toBe('Person u1');
      expect(await second.store.participants.find('kept', 'gone')).toBeUndefined();
    } finally {
      await second.close();
    }
  });

  it('saves soon after a change, without waiting for shutdown', async () => {
    const file = join(dir, 'debounced.json');
    const t = await openTestStore({ snapshotFile: file, database: 'tandem' });
    try {
      await t.store.programmes.create(aProgramme({ id: 'early' }));
      await t.cosmos.flush();
      const saved = JSON.parse(readFileSync(file, 'utf8')) as {
        databases: { containers: { id: string; items: { id: string }[] }[] }[];
      };
      const programmes = saved.databases[0]?.containers.find((c) => c.id === 'programmes');
      expect(programmes?.items.map((i) => i.id)).toEqual(['early']);
      expect(JSON.stringify(saved)).not.toContain('_etag');
    } finally {
      await t.close();
    }
  });

  it('refuses to start from a file that is not a snapshot, instead of overwriting it', async () => {
    const file = join(dir, 'foreign.json');
    writeFileSync(file, JSON.stringify({ something: 'else' }));
    await expect(openTestStore({ snapshotFile: file })).rejects.toThrow(/unknown format/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ something: 'else' });
  });
});
