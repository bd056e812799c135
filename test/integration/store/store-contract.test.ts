/**
 * The Store port's contract, run against both stores behind it: the in-memory store (adapters/memory)
 * that fast use-case tests use, and the Cosmos adapter on the embedded Cosmos DB. A case that passes
 * on one and fails on the other is a difference a use-case test on the in-memory store would miss.
 */
import { ConflictError, InvalidError, NotFoundError, UnavailableError } from '../../../functions/src/core/errors';
import type { Feedback, Participant } from '../../../functions/src/core/model';
import { openMemoryStore } from '../../../functions/src/adapters/memory/store';
import { changeStampId, mutate, toArray, type Store } from '../../../functions/src/ports/store';
import { takeLease } from '../../../functions/src/app/support/lease';
import { openTestStore } from '../../support/embedded-store';
import { aFeedback, aParticipant, aProgramme, anAuditEntry } from '../../support/builders';

interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

const stores: [string, () => Promise<OpenedStore>][] = [
  ['the in-memory store', async () => ({ store: openMemoryStore(), close: async () => {} })],
  ['the Cosmos store on the embedded server', () => openTestStore()],
];

const T = '2026-01-01T00:00:00.000Z';

describe.each(stores)('%s', (_name, open) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(async () => opened.close());

  const stamp = async (programmeId: string) =>
    (await store.state.find(changeStampId(programmeId), changeStampId(programmeId)))?.etag;

  describe('ETags and conditional writes', () => {
    it('hands back a new ETag on every write and the current one on every read', async () => {
      const created = await store.participants.create(aParticipant({ programmeId: 'etag', id: 'a' }));
      expect(created.etag).toBeTruthy();
      expect(created.schemaVersion).toBe(1);
      const read = await store.participants.get('etag', 'a');
      expect(read).toEqual(created);
      const replaced = await store.participants.replace({ ...read, displayName: 'B' }, read.etag);
      expect(replaced.etag).not.toBe(read.etag);
      const upserted = await store.participants.upsert({ ...replaced, displayName: 'C' });
      expect(upserted.etag).not.toBe(replaced.etag);
      expect(await store.participants.get('etag', 'a')).toEqual(upserted);
    });

    it('creates only if absent: of many concurrent creates of one id exactly one wins, the rest are exists Conflicts', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.participants.create(aParticipant({ programmeId: 'race', id: 'one', displayName: `N${i}` })),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      for (const r of lost) expect(r.reason).toMatchObject({ kind: 'conflict', reason: 'exists' });
    });

    it('replaces only if the ETag matches: of many writers holding one read exactly one wins', async () => {
      const read = await store.participants.create(aParticipant({ programmeId: 'race', id: 'claim' }));
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.participants.replace({ ...read, displayName: `W${i}` }, read.etag)),
      );
      const won = results.filter(
        (r): r is PromiseFulfilledResult<Participant & { etag: string }> => r.status === 'fulfilled',
      );
      expect(won).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ kind: 'conflict', reason: 'stale' });
      expect((await store.participants.get('race', 'claim')).displayName).toBe(won[0]?.value.displayName);
    });

    it('lets one of many concurrent claimers take a lease, and another take it over once it expired', async () => {
      let now = Date.parse(T);
      const clock = { now: () => new Date(now) };
      await store.jobs.create({
        id: 'job-1',
        schemaVersion: 1,
        programmeId: 'lease',
        kind: 'matching',
        status: 'queued',
        requestedBy: 'm',
        createdAt: T,
      });
      const claim = () => takeLease(store.jobs, 'lease', 'job-1', clock, 60_000, (job) => job.status === 'queued');
      const claims = await Promise.all(Array.from({ length: 6 }, claim));
      const holders = claims.filter((c) => c !== undefined);
      expect(holders).toHaveLength(1);
      expect((await store.jobs.get('lease', 'job-1')).lease?.owner).toBe(holders[0]?.owner);
      expect(await claim()).toBeUndefined();
      now += 60_000;
      const takeover = await claim();
      expect(takeover?.owner).toBeDefined();
      expect(takeover?.owner).not.toBe(holders[0]?.owner);
    });

    it('refuses a stale replace or delete as a stale Conflict and keeps the newer data', async () => {
      const first = await store.participants.create(aParticipant({ programmeId: 'stale', id: 'a', displayName: '1' }));
      await store.participants.replace({ ...first, displayName: '2' }, first.etag);
      const stale = store.participants.replace({ ...first, displayName: '3' }, first.etag);
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ reason: 'stale' });
      await expect(store.participants.delete('stale', 'a', first.etag)).rejects.toMatchObject({ reason: 'stale' });
      expect((await store.participants.get('stale', 'a')).displayName).toBe('2');
    });

    it('mutates with a read-modify-write, and refuses an If-Match that is not current before writing', async () => {
      const created = await store.participants.create(aParticipant({ programmeId: 'mutate', id: 'a' }));
      const changed = await mutate(store.participants, 'mutate', 'a', (p) => ({ ...p, displayName: 'M' }));
      expect(changed.displayName).toBe('M');
      await expect(
        mutate(store.participants, 'mutate', 'a', (p) => ({ ...p, displayName: 'X' }), created.etag),
      ).rejects.toMatchObject({ reason: 'stale' });
      expect((await store.participants.get('mutate', 'a')).displayName).toBe('M');
    });

    it('deletes with or without an ETag', async () => {
      const a = await store.participants.create(aParticipant({ programmeId: 'del', id: 'a' }));
      await store.participants.create(aParticipant({ programmeId: 'del', id: 'b' }));
      await store.participants.delete('del', 'a', a.etag);
      await store.participants.delete('del', 'b');
      expect(await toArray(store.participants.all('del'))).toEqual([]);
    });
  });

  describe('documents', () => {
    it('reports a missing document as NotFound and a duplicate id as an exists Conflict', async () => {
      await expect(store.participants.get('nf', 'none')).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.participants.find('nf', 'none')).resolves.toBeUndefined();
      await expect(
        store.participants.replace(aParticipant({ programmeId: 'nf', id: 'none' }), 'x'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.participants.delete('nf', 'none')).rejects.toBeInstanceOf(NotFoundError);
      await store.participants.create(aParticipant({ programmeId: 'nf', id: 'a' }));
      await expect(store.participants.create(aParticipant({ programmeId: 'nf', id: 'a' }))).rejects.toMatchObject({
        reason: 'exists',
      });
    });

    it('keeps the same id apart in different partitions', async () => {
      await store.participants.create(aParticipant({ programmeId: 'pa', id: 'same', displayName: 'A' }));
      await store.participants.create(aParticipant({ programmeId: 'pb', id: 'same', displayName: 'B' }));
      expect((await store.participants.get('pa', 'same')).displayName).toBe('A');
      expect((await store.participants.get('pb', 'same')).displayName).toBe('B');
      await expect(store.participants.get('pc', 'same')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('stores JSON: a caller never shares an object with the store, undefined fields and etag are not kept', async () => {
      const doc = { ...aParticipant({ programmeId: 'json', id: 'a' }), etag: 'ignored', extra: undefined };
      const original = doc.displayName;
      const created = await store.participants.create(doc as Participant);
      expect(created.etag).not.toBe('ignored');
      expect('extra' in created).toBe(false);
      created.displayName = 'changed by the caller';
      doc.displayName = 'changed too';
      const read = await store.participants.get('json', 'a');
      expect(read.displayName).toBe(original);
      expect(read).not.toHaveProperty('_rid');
    });

    it('names the partition key a document lacks as invalid input', () => {
      expect(() => store.participants.partitionKeyOf({ ...aParticipant(), programmeId: '' })).toThrow(InvalidError);
      expect(store.programmes.partitionKeyOf(aProgramme({ id: 'p9' }))).toBe('p9');
    });

    it('refuses to read a document written by a newer schema version, also as the answer to its write', async () => {
      const newer = { ...anAuditEntry({ programmeId: 'v', id: 'new' }), schemaVersion: 99 };
      await expect(store.audit.upsert(newer)).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.audit.get('v', 'new')).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.audit.list('v')).rejects.toBeInstanceOf(UnavailableError);
      await store.audit.delete('v', 'new');
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });

  describe('lists', () => {
    beforeAll(async () => {
      const rows: [string, string, string | undefined][] = [
        ['a', 'invited', undefined],
        ['b', 'opted-in', T],
        ['c', 'left', undefined],
        ['d', 'opted-in', undefined],
      ];
      for (const [id, status, trainingCompletedAt] of rows)
        await store.participants.create(
          aParticipant({
            programmeId: 'filt',
            id,
            status,
            ...(trainingCompletedAt ? { trainingCompletedAt } : {}),
          } as Partial<Participant>),
        );
      await store.participants.create(aParticipant({ programmeId: 'filt-other', id: 'e', status: 'opted-in' }));
    });
    const ids = async (partitionKey: string | undefined, where: object) =>
      (await toArray(store.participants.all(partitionKey, { where, orderBy: 'id' }))).map((p) => p.id);

    it('filters by equality, by "one of" and by a missing field, within the partition asked for', async () => {
      expect(await ids('filt', { status: 'opted-in' })).toEqual(['b', 'd']);
      expect(await ids('filt', { status: ['invited', 'left'] })).toEqual(['a', 'c']);
      expect(await ids('filt', { trainingCompletedAt: null })).toEqual(['a', 'c', 'd']);
      expect(await ids('filt', { status: 'opted-in', trainingCompletedAt: null })).toEqual(['d']);
      expect(await ids('filt', { status: [] })).toEqual([]);
    });

    it('filters across partitions when no partition key is given', async () => {
      expect((await ids(undefined, { status: 'opted-in' })).filter((id) => 'bde'.includes(id))).toEqual([
        'b',
        'd',
        'e',
      ]);
    });

    it('sorts within a partition over the documents that have the field, across partitions over all', async () => {
      const sorted = await store.participants.list('filt', { orderBy: 'trainingCompletedAt' });
      expect(sorted.items.map((p) => p.id)).toEqual(['b']);
      const across = await toArray(
        store.participants.all(undefined, { where: { status: 'left' }, orderBy: 'trainingCompletedAt' }),
      );
      expect(across.map((p) => p.id)).toEqual(['c']);
    });

    it('rejects a filter or a sort on a field name that is not a plain identifier', async () => {
      await expect(store.participants.list('filt', { where: { 'x) OR 1=1 --': 'a' } as never })).rejects.toThrow(
        /Cannot filter/,
      );
      await expect(store.participants.list('filt', { orderBy: 'id; DROP' as never })).rejects.toThrow(/Cannot sort/);
    });

    it('pages through one partition in order with continuation tokens, without losing or repeating items', async () => {
      const total = 23;
      for (const i of Array.from({ length: total }, (_, k) => total - 1 - k))
        await store.feedback.create({
          ...aFeedback({ programmeId: 'page', id: `f${i}` }),
          rating: 1,
          n: 1000 + i,
        } as Feedback);
      for (const descending of [false, true]) {
        const seen: number[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const page = await store.feedback.list('page', {
            pageSize: 5,
            orderBy: 'n' as never,
            descending,
            ...(token ? { continuationToken: token } : {}),
          });
          seen.push(...page.items.map((d) => (d as unknown as { n: number }).n));
          token = page.continuationToken;
          pages++;
        } while (token);
        const expected = Array.from({ length: total }, (_, i) => 1000 + i);
        expect(seen).toEqual(descending ? expected.reverse() : expected);
        expect(pages).toBeGreaterThanOrEqual(5);
      }
      const all = await toArray(store.feedback.all('page', { orderBy: 'n' as never, descending: true, pageSize: 7 }));
      expect(all).toHaveLength(total);
    });

    it('gives every document of a partition once when paging without a sort', async () => {
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await store.feedback.list('page', { pageSize: 4, ...(token ? { continuationToken: token } : {}) });
        seen.push(...page.items.map((d) => d.id));
        token = page.continuationToken;
      } while (token);
      expect(seen).toHaveLength(23);
      expect(new Set(seen).size).toBe(23);
    });

    it('sorts across partitions, ties by id, page by page with tokens bound to their list', async () => {
      const at = (day: number) => `2027-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
      const days = [5, 3, 3, 9, 1, 7, 2];
      for (const [i, day] of days.entries())
        await store.programmes.create({ ...aProgramme({ id: `q${i}`, name: 'sorted' }), createdAt: at(day) });
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await store.programmes.list(undefined, {
          where: { name: 'sorted' },
          orderBy: 'createdAt',
          descending: true,
          pageSize: 3,
          ...(token ? { continuationToken: token } : {}),
        });
        seen.push(...page.items.map((p) => p.id));
        token = page.continuationToken;
        pages++;
      } while (token);
      expect(pages).toBe(3);
      expect(seen).toEqual(['q3', 'q5', 'q0', 'q2', 'q1', 'q6', 'q4']);
      const all = await toArray(store.programmes.all(undefined, { where: { name: 'sorted' }, orderBy: 'createdAt' }));
      expect(all.map((p) => p.id)).toEqual([...seen].reverse());
      const first = await store.programmes.list(undefined, {
        where: { name: 'sorted' },
        orderBy: 'createdAt',
        pageSize: 2,
      });
      await expect(
        store.programmes.list(undefined, {
          where: { name: 'sorted' },
          orderBy: 'name',
          pageSize: 2,
          continuationToken: first.continuationToken as string,
        }),
      ).rejects.toThrow(/continuation token/);
    });

    it('rejects a forged continuation token as invalid input', async () => {
      await expect(store.participants.list('filt', { continuationToken: 'not-a-token' })).rejects.toMatchObject({
        kind: 'invalid',
      });
    });
  });

  describe('change stamps', () => {
    it('change after every create, replace, upsert and delete of a programme’s documents, and only that programme’s', async () => {
      const seen = new Set<string | undefined>([await stamp('s1')]);
      const created = await store.feedback.create(aFeedback({ programmeId: 's1', id: 'f1' }));
      seen.add(await stamp('s1'));
      const { etag, ...doc } = created;
      await store.feedback.replace({ ...doc, rating: 2 }, etag);
      seen.add(await stamp('s1'));
      await store.feedback.upsert({ ...doc, rating: 3 });
      seen.add(await stamp('s1'));
      const other = await stamp('s2');
      await store.feedback.delete('s1', 'f1');
      seen.add(await stamp('s1'));
      expect(seen.size).toBe(5);
      expect(await stamp('s2')).toBe(other);
    });

    it('are not changed by a write that failed, nor by containers the report does not read', async () => {
      await store.feedback.create(aFeedback({ programmeId: 's3', id: 'f2' }));
      const before = await stamp('s3');
      await expect(store.feedback.create(aFeedback({ programmeId: 's3', id: 'f2' }))).rejects.toThrow();
      await store.audit.create(anAuditEntry({ programmeId: 's3', id: 'a1' }));
      expect(await stamp('s3')).toBe(before);
    });
  });
});
