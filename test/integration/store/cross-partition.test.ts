/**
 * Lists across partitions, on the embedded store with its strict gateway: the real Cosmos DB gateway
 * refuses ORDER BY (and TOP, OFFSET LIMIT, DISTINCT, GROUP BY, aggregates) across partitions with
 * 400/1004, and so does the stand-in, so every list the app builds is served the way Azure would.
 */
import { openTestStore, type TestStore } from '../../support/embedded-store';
import { aProgramme, aParticipant } from '../../support/builders';
import { createCosmosClient } from '../../../functions/src/adapters/cosmos/store';
import { notServableAcrossPartitions } from '../../../functions/src/local/strict-gateway';
import { call, startHarness, type Harness, type Json } from '../api/support/harness';
import { NEW_PROGRAMME } from '../api/support/flow';
import { drainOutbox } from '../../../bot/src/fanout/dispatcher';
import { systemClock } from '../../../functions/src/ports/clock';

describe('the strict gateway in front of the embedded store', () => {
  const afterAllClose: TestStore[] = [];
  afterAll(async () => Promise.all(afterAllClose.map((o) => o.close())));
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore({ database: 'tandem' });
    for (let i = 0; i < 5; i++) await t.store.programmes.create(aProgramme({ id: `p${i}` }));
  });
  afterAll(async () => t.close());

  it('refuses ORDER BY across partitions as the real gateway does (400, substatus 1004)', async () => {
    const client = createCosmosClient({ endpoint: t.cosmos.endpoint, key: t.cosmos.key });
    try {
      const container = client.database('tandem').container('programmes');
      await expect(container.items.query('SELECT * FROM c ORDER BY c.createdAt').fetchNext()).rejects.toMatchObject({
        code: 400,
        substatus: 1004,
      });
      // Within one partition, and across partitions without ORDER BY, it serves. (The embedded
      // server ignores the partition key option: the adapter also filters on the key.)
      const one = await container.items
        .query("SELECT * FROM c WHERE c.id = 'p1' ORDER BY c.createdAt", { partitionKey: 'p1' })
        .fetchAll();
      expect(one.resources.map((r) => r.id)).toEqual(['p1']);
      const across = await container.items.query('SELECT * FROM c').fetchAll();
      expect(across.resources).toHaveLength(5);
    } finally {
      client.dispose();
    }
  });

  it('knows which queries the gateway cannot serve across partitions', () => {
    expect(notServableAcrossPartitions('SELECT * FROM c WHERE c.a = @p0 ORDER BY c.b DESC')).toBe('ORDER BY');
    expect(notServableAcrossPartitions('SELECT TOP 5 * FROM c')).toBe('TOP');
    expect(notServableAcrossPartitions('SELECT * FROM c OFFSET 0 LIMIT 10')).toBe('OFFSET LIMIT');
    expect(notServableAcrossPartitions('SELECT DISTINCT c.a FROM c')).toBe('DISTINCT');
    expect(notServableAcrossPartitions('SELECT c.a, COUNT(1) FROM c GROUP BY c.a')).toBe('GROUP BY');
    expect(notServableAcrossPartitions('SELECT VALUE COUNT(1) FROM c')).toBe('an aggregate');
    expect(notServableAcrossPartitions("SELECT * FROM c WHERE c.name = 'ORDER BY x'")).toBeUndefined();
    expect(notServableAcrossPartitions('SELECT * FROM c WHERE ARRAY_CONTAINS(@p0, c.status)')).toBeUndefined();
  });

  it('lists across partitions sorted in memory, ties by id, page by page with tokens bound to the list', async () => {
    const other = await openTestStore();
    afterAllClose.push(other);
    const { store } = other;
    const at = (day: number) => `2027-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    // Same createdAt for two: ties by id.
    const days = [5, 3, 3, 9, 1, 7, 2];
    for (const [i, day] of days.entries())
      await store.programmes.create({ ...aProgramme({ id: `q${i}` }), createdAt: at(day) });
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await store.programmes.list(undefined, {
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
    const all: string[] = [];
    for await (const p of store.programmes.all(undefined, { orderBy: 'createdAt' })) all.push(p.id);
    expect(all).toEqual([...seen].reverse());
    // A token of this list does not open another.
    const first = await store.programmes.list(undefined, { orderBy: 'createdAt', pageSize: 2 });
    await expect(
      store.programmes.list(undefined, {
        orderBy: 'name',
        pageSize: 2,
        continuationToken: first.continuationToken as string,
      }),
    ).rejects.toThrow(/continuation token/);
  });
});

describe('lists across partitions through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('answers a person with no enrolments with an empty list, not an error', async () => {
    const res = await call(h, 'GET', '/v1/programmes', { token: await h.token('nobody-enrolled') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it('gives a manager every programme, newest first, across more pages than one', async () => {
    const manager = await h.manager();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      h.clock.advance(60_000);
      const res = await call(h, 'POST', '/v1/programmes', {
        token: manager,
        body: { ...NEW_PROGRAMME, name: `P${i}` },
      });
      created.push(res.body.id as string);
    }
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await call(h, 'GET', `/v1/programmes?pageSize=3${token ? `&continuationToken=${token}` : ''}`, {
        token: manager,
      });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((p: Json) => p.id as string));
      token = res.body.continuationToken as string | undefined;
    } while (token);
    expect(seen).toEqual([...created].reverse());
  });

  it('lists a participant their enrolments across programmes, newest invitation first', async () => {
    for (const [i, programmeId] of ['e1', 'e2', 'e3'].entries()) {
      await h.t.store.programmes.create(aProgramme({ id: programmeId }));
      await h.t.store.participants.create({
        ...aParticipant({ programmeId, id: 'enrolled-1' }),
        invitedAt: `2027-02-0${i + 1}T09:00:00.000Z`,
      });
    }
    const res = await call(h, 'GET', '/v1/programmes?pageSize=2', { token: await h.token('enrolled-1') });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: Json) => p.id)).toEqual(['e3', 'e2']);
    const next = await call(h, 'GET', `/v1/programmes?pageSize=2&continuationToken=${res.body.continuationToken}`, {
      token: await h.token('enrolled-1'),
    });
    expect(next.body.items.map((p: Json) => p.id)).toEqual(['e1']);
    expect(next.body.continuationToken).toBeUndefined();
  });

  it('drains an empty outbox without an error', async () => {
    const report = await drainOutbox(
      {
        store: h.t.store,
        clock: systemClock,
        channel: { send: async () => ({ id: 'x' }) } as never,
        render: async () => undefined,
      },
      { waitForRetries: false },
    );
    expect(report).toMatchObject({ sent: 0, errors: 0, remaining: 0 });
  });
});
