/**
 * The programme's change stamp: the store adapter changes it after every acknowledged write to the
 * documents the HR report is built from (and only those), so a snapshot built before knows it is stale.
 */
import { openTestStore, type TestStore } from '../../support/embedded-store';
import { changeStampId } from '../../../functions/src/ports/store';
import type { AuditEntry, Feedback } from '../../../functions/src/core/model';

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => t.close());

const stamp = async (programmeId: string) =>
  (await t.store.state.find(changeStampId(programmeId), changeStampId(programmeId)))?.etag;

function feedback(id: string, programmeId = 'p1'): Feedback {
  return {
    id,
    schemaVersion: 1,
    programmeId,
    pairId: 'pair-1',
    occurrenceIndex: 0,
    userId: 'u1',
    role: 'mentee',
    rating: 4,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } as Feedback;
}

describe('change stamps', () => {
  it('change after every create, replace, upsert and delete of a programme’s documents, and only that programme’s', async () => {
    const seen = new Set<string | undefined>([await stamp('p1')]);
    const created = await t.store.feedback.create(feedback('f1'));
    seen.add(await stamp('p1'));
    const { etag, ...doc } = created;
    await t.store.feedback.replace({ ...doc, rating: 2 }, etag);
    seen.add(await stamp('p1'));
    await t.store.feedback.upsert({ ...doc, rating: 3 });
    seen.add(await stamp('p1'));
    const other = await stamp('p2');
    await t.store.feedback.delete('p1', 'f1');
    seen.add(await stamp('p1'));
    expect(seen.size).toBe(5);
    expect(await stamp('p2')).toBe(other);
  });

  it('are not changed by a write that failed, nor by containers the report does not read', async () => {
    await t.store.feedback.create(feedback('f2'));
    const before = await stamp('p1');
    await expect(t.store.feedback.create(feedback('f2'))).rejects.toThrow();
    await t.store.audit.create({
      id: 'a1',
      schemaVersion: 1,
      programmeId: 'p1',
      action: 'programme.created',
      actor: 'm1',
      at: '2026-01-01T00:00:00.000Z',
    } as AuditEntry);
    expect(await stamp('p1')).toBe(before);
  });

  it('cover every one of many writes at once with a handful of stamps, each after the writes it covers', async () => {
    const before = await stamp('p3');
    await Promise.all(Array.from({ length: 200 }, (_, i) => t.store.feedback.create(feedback(`bulk-${i}`, 'p3'))));
    const after = await stamp('p3');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});
