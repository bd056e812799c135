import { ConflictError, NotFoundError } from '../../../functions/src/core/errors';
import type { Doc } from '../../../functions/src/core/model';
import type { Collection, Store } from '../../../functions/src/ports/store';
import { toArray } from '../../../functions/src/ports/store';
import { openTestStore, type TestStore } from '../../support/embedded-store';
import {
  aFeedback,
  aMeetingSeries,
  aPair,
  aParticipant,
  aProgramme,
  anAssessment,
  anAuditEntry,
  anOrgUser,
} from '../../support/builders';

/** For each repository: a document in partition `pk` with id `id` and a sortable field `n`. */
type Sample = (pk: string, id: string, n: number) => Doc;
const T = '2026-01-01T00:00:00.000Z';
const samples: Record<keyof Omit<Store, 'ping'>, Sample> = {
  programmes: (pk, _id, n) => ({ ...aProgramme({ id: pk, name: `P${n}` }), n }),
  participants: (pk, id, n) => ({ ...aParticipant({ programmeId: pk, id, userId: id }), n }),
  pairs: (pk, id, n) => ({ ...aPair({ programmeId: pk, id }), n }),
  meetings: (pk, id, n) => ({ ...aMeetingSeries({ programmeId: pk, id }), n }),
  feedback: (pk, id, n) => ({ ...aFeedback({ programmeId: pk, id }), n }),
  assessments: (pk, id, n) => ({ ...anAssessment({ programmeId: pk, id }), n }),
  audit: (pk, id, n) => ({ ...anAuditEntry({ programmeId: pk, id }), n }),
  directory: (pk, id, n) => ({
    id,
    schemaVersion: 1,
    tenantId: pk,
    generation: 1,
    slot: 0,
    users: [anOrgUser({ tenantId: pk })],
    n,
  }),
  state: (pk, _id, n) => ({ id: pk, schemaVersion: 1, value: { n }, updatedAt: T, n }),
  idempotency: (pk, id, n) => ({ id, schemaVersion: 1, scope: pk, requestHash: 'h', status: 201, createdAt: T, n }),
  conversations: (pk, _id, n) => ({ id: pk, schemaVersion: 1, userId: pk, reference: { a: 1 }, updatedAt: T, n }),
  jobs: (pk, id, n) => ({
    id,
    schemaVersion: 1,
    programmeId: pk,
    kind: 'matching',
    status: 'queued',
    requestedBy: 'm',
    createdAt: T,
    n,
  }),
  outbox: (pk, id, n) => ({
    id,
    schemaVersion: 1,
    batchId: pk,
    recipient: 'u',
    payload: {},
    status: 'pending',
    attempts: 0,
    createdAt: T,
    n,
  }),
  interest: (pk, id, n) => ({ id, schemaVersion: 1, programmeId: pk, userId: id, source: 'api', registeredAt: T, n }),
};

/** Collections whose partition key is the id itself hold one document per partition. */
const idPartitioned = new Set(['programmes', 'state', 'conversations']);

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(async () => t.close());

describe.each(Object.keys(samples) as (keyof typeof samples)[])('the %s repository', (name) => {
  const sample = samples[name];
  const coll = () => t.store[name] as unknown as Collection<Doc & { n: number }>;
  const make = (pk: string, id: string, n: number) => sample(pk, id, n) as Doc & { n: number };

  it('creates, reads, replaces and deletes a document', async () => {
    const doc = make(`${name}-crud`, `${name}-crud`, 1);
    const pk = coll().partitionKeyOf(doc);
    const created = await coll().create(doc);
    expect(created.etag).toBeTruthy();
    expect(created.schemaVersion).toBe(1);
    const read = await coll().get(pk, doc.id);
    expect(read).toEqual(created);
    expect(read).not.toHaveProperty('_rid');
    const replaced = await coll().replace({ ...doc, n: 2 }, read.etag);
    expect(replaced.n).toBe(2);
    expect(replaced.etag).not.toBe(read.etag);
    await coll().delete(pk, doc.id, replaced.etag);
    await expect(coll().find(pk, doc.id)).resolves.toBeUndefined();
  });

  it('refuses a write with a stale ETag as a stale Conflict and keeps the newer data', async () => {
    const doc = make(`${name}-stale`, `${name}-stale`, 1);
    const pk = coll().partitionKeyOf(doc);
    const first = await coll().create(doc);
    await coll().replace({ ...doc, n: 2 }, first.etag);
    const stale = coll().replace({ ...doc, n: 3 }, first.etag);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ reason: 'stale' });
    await expect(coll().delete(pk, doc.id, first.etag)).rejects.toMatchObject({ reason: 'stale' });
    expect((await coll().get(pk, doc.id)).n).toBe(2);
  });

  it('reports a missing document as NotFound and a duplicate id as an exists Conflict', async () => {
    const doc = make(`${name}-nf`, `${name}-nf`, 1);
    const pk = coll().partitionKeyOf(doc);
    await expect(coll().get(pk, 'no-such-id')).rejects.toBeInstanceOf(NotFoundError);
    await expect(coll().replace(make(`${name}-nf2`, `${name}-nf2`, 1), 'etag')).rejects.toBeInstanceOf(NotFoundError);
    await expect(coll().delete(pk, 'no-such-id')).rejects.toBeInstanceOf(NotFoundError);
    await coll().create(doc);
    await expect(coll().create(doc)).rejects.toMatchObject({ reason: 'exists' });
  });

  it('pages through a list with continuation tokens, in order, without losing or repeating items', async () => {
    const total = 23;
    const docs = Array.from({ length: total }, (_, i) =>
      idPartitioned.has(name)
        ? make(`${name}-page-${i}`, `${name}-page-${i}`, 1000 + i)
        : make(`${name}-page`, `${name}-page-${i}`, 1000 + i),
    );
    for (const d of [...docs].reverse()) await coll().create(d);
    const pk = idPartitioned.has(name) ? undefined : `${name}-page`;
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await coll().list(pk, {
        pageSize: 5,
        orderBy: 'n',
        ...(token ? { continuationToken: token } : {}),
        ...(pk ? {} : { where: {} }),
      });
      seen.push(...page.items.filter((d) => d.n >= 1000).map((d) => d.n));
      token = page.continuationToken;
      pages++;
    } while (token);
    expect(seen).toEqual(docs.map((d) => d.n));
    expect(pages).toBeGreaterThanOrEqual(5);
    const all = await toArray(coll().all(pk, { orderBy: 'n', descending: true, pageSize: 7 }));
    expect(all.filter((d) => d.n >= 1000).map((d) => d.n)).toEqual(docs.map((d) => d.n).reverse());
  });
});

describe('list filters', () => {
  it('filters by equality, by "one of" and by a missing field', async () => {
    const participants = t.store.participants;
    await participants.create(aParticipant({ programmeId: 'filt', id: 'a', status: 'invited' }));
    await participants.create(
      aParticipant({ programmeId: 'filt', id: 'b', status: 'opted-in', trainingCompletedAt: T }),
    );
    await participants.create(aParticipant({ programmeId: 'filt', id: 'c', status: 'left' }));
    const ids = async (where: object) =>
      (await toArray(participants.all('filt', { where, orderBy: 'id' }))).map((p) => p.id);
    expect(await ids({ status: 'opted-in' })).toEqual(['b']);
    expect(await ids({ status: ['invited', 'left'] })).toEqual(['a', 'c']);
    expect(await ids({ trainingCompletedAt: null })).toEqual(['a', 'c']);
  });

  it('rejects a filter on a field name that is not a plain identifier', async () => {
    await expect(t.store.participants.list('filt', { where: { 'x) OR 1=1 --': 'a' } as never })).rejects.toThrow(
      /Cannot filter/,
    );
  });

  it('rejects a forged continuation token as invalid input', async () => {
    await expect(t.store.participants.list('filt', { continuationToken: 'not-a-token' })).rejects.toMatchObject({
      kind: 'invalid',
    });
  });
});
