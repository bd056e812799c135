import { GraphError } from '@microsoft/microsoft-graph-client';
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { storeDirectoryReader } from '../../../functions/src/adapters/graph/directory-reader';
import { DirectorySnapshots } from '../../../functions/src/adapters/graph/directory-store';
import { TENANT, expectedManagers, memberIds, openHarness, type Harness } from './graph-harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ size: 450, seed: 9 });
});
afterAll(async () => h.close());

async function directoryState() {
  const reader = storeDirectoryReader(h.t.store, TENANT);
  const users = (await reader.listUsers({ includeAll: true }, { pageSize: 1000 })).items.map((u) => u.id).sort();
  return { users, managers: await reader.managerMap() };
}

const pointer = async () => (await new DirectorySnapshots(h.t.store, TENANT).readPointer())?.pointer;

describe('a delta link Graph no longer knows (410 Gone)', () => {
  it('the stand-in answers 410 syncStateNotFound with the initial query as Location once its sync state is reset', async () => {
    await syncDirectory(h.deps());
    const deltaLink = (await pointer())?.deltaLink;
    if (!deltaLink) throw new Error('no delta link');
    h.standIn.directory.resetSyncState();
    let error: unknown;
    try {
      await h.conn.client.api(deltaLink).get();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ statusCode: 410, code: 'syncStateNotFound' });
    const res = await fetch(deltaLink, { headers: { Authorization: `Bearer ${h.standIn.token}` } });
    expect(res.status).toBe(410);
    expect(res.headers.get('location')).toMatch(/\/v1\.0\/users\/delta\?\$select=id,.*\$deltatoken=$/);
  });

  it('starts a full round instead of failing, and the directory ends exactly right', async () => {
    // Someone joins, someone leaves and a manager changes while the delta link dies.
    const members = memberIds(h.standIn);
    const [leaver, moved, newManager] = [members[3], members[4], members[5]] as [string, string, string];
    h.standIn.directory.addUser({
      ...[...h.standIn.directory.users.values()][0]!,
      id: 'joiner-1',
      mail: 'j@x.example',
    });
    h.standIn.directory.removeUser(leaver);
    h.standIn.directory.setManager(moved, newManager);
    const before = await pointer();
    h.standIn.directory.resetSyncState();
    h.clock.set('2026-02-21T10:00:00.000Z');

    const summary = await syncDirectory(h.deps());

    const state = await directoryState();
    expect(state.users).toEqual(memberIds(h.standIn));
    expect(state.managers).toEqual(expectedManagers(h.standIn));
    expect(state.users).toContain('joiner-1');
    expect(state.users).not.toContain(leaver);
    expect(summary.removed).toBe(1);
    // The refused delta request plus every page of a full round.
    expect(summary.requests).toBe(1 + Math.ceil(h.standIn.directory.users.size / 200));
    const after = await pointer();
    expect(after?.lastFullAt).toBe('2026-02-21T10:00:00.000Z');
    expect(after?.deltaLink).not.toBe(before?.deltaLink);

    // The new delta link works: the next round is incremental again.
    h.standIn.directory.updateUser(moved, { jobTitle: 'Principal' });
    const next = await syncDirectory(h.deps());
    expect(next.requests).toBe(1);
  });
});
