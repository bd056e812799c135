import { call, startHarness, type Harness, type Json } from './support/harness';
import { matchAndPublish, NEW_PROGRAMME, programmeInMatching } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

describe('concurrent and repeated requests', () => {
  it('of two simultaneous publishes with the same ETag, one succeeds and the other gets 412', async () => {
    const id = await programmeInMatching(h);
    const manager = await h.manager();
    expect((await call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager })).body.status).toBe(
      'succeeded',
    );
    const etag = (await call(h, 'GET', `/v1/programmes/${id}`, { token: manager })).headers.get('etag') as string;
    const publish = () =>
      call(h, 'POST', `/v1/programmes/${id}/publish`, { token: manager, headers: { 'if-match': etag } });
    const answers = await Promise.all([publish(), publish()]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const stale = answers.find((a) => a.status === 412);
    expect(stale?.headers.get('content-type')).toMatch(/problem\+json/);
    const pairs = await toArray(h.t.store.pairs.all(id));
    expect(pairs.every((p) => p.publishedAt)).toBe(true);
    // Each person was asked once, however many publishes raced.
    const proposals = await toArray(
      h.t.store.outbox.all(undefined, { where: { recipient: pairs[0]?.menteeId as string } }),
    );
    expect(proposals.filter((m) => (m.payload as { type: string }).type === 'proposal')).toHaveLength(1);
  });

  it('a publish whose If-Match is stale gets 412 also when the first publish has already finished', async () => {
    // The other interleaving of the race above: the second request arrives after the first is done,
    // when there is nothing left to publish. The precondition still decides, before any state check.
    const id = await programmeInMatching(h);
    const manager = await h.manager();
    expect((await call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager })).body.status).toBe(
      'succeeded',
    );
    const etag = (await call(h, 'GET', `/v1/programmes/${id}`, { token: manager })).headers.get('etag') as string;
    const publish = () =>
      call(h, 'POST', `/v1/programmes/${id}/publish`, { token: manager, headers: { 'if-match': etag } });
    expect((await publish()).status).toBe(200);
    const second = await publish();
    expect(second.status).toBe(412);
    expect(second.headers.get('content-type')).toMatch(/problem\+json/);
    // The same for a phase change and an edit sent with that ETag.
    for (const [method, path, body] of [
      ['POST', `/v1/programmes/${id}/phase`, { to: 'execution' }],
      ['PATCH', `/v1/programmes/${id}`, { name: 'Renamed' }],
    ] as const) {
      const stale = await call(h, method, path, { token: manager, body, headers: { 'if-match': etag } });
      expect(stale.status).toBe(412);
    }
  });

  it('both partners accepting at the same moment both succeed, and the pair is confirmed', async () => {
    const id = await programmeInMatching(h);
    const pairs = await matchAndPublish(h, id);
    // Every pair's two people accept at once, all pairs together: nobody sent If-Match, so nobody is refused.
    const answers = await Promise.all(
      pairs.flatMap((pair: Json) =>
        [pair.mentorId, pair.menteeId].map(async (userId: string) =>
          call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/confirm`, { token: await h.token(userId) }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    for (const pair of pairs) expect((await h.t.store.pairs.get(id, pair.id)).status).toBe('confirmed');
  });

  it('twenty changes of different fields without If-Match all apply', async () => {
    const manager = await h.manager();
    const created = await call(h, 'POST', '/v1/programmes', {
      token: manager,
      body: { ...NEW_PROGRAMME, name: 'Many edits' },
    });
    const id = created.body.id as string;
    const edits: Record<string, unknown>[] = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? { description: `Description ${i}` } : { name: `Name ${i}` },
    );
    edits[19] = { anonymityThreshold: 7 };
    edits[18] = { kickoffAt: '2027-05-03T09:00:00.000Z' };
    const answers = await Promise.all(
      edits.map((body) => call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body })),
    );
    expect(answers.map((a) => a.status)).toEqual(edits.map(() => 200));
    const stored = await h.t.store.programmes.get(id, id);
    expect(stored.anonymityThreshold).toBe(7);
    expect(stored.kickoffAt).toBe('2027-05-03T09:00:00.000Z');
    const audit = await call(h, 'GET', `/v1/programmes/${id}/audit?pageSize=200`, { token: manager });
    expect(audit.body.items.filter((a: Json) => a.action === 'programme.updated')).toHaveLength(20);
  });

  it('a double submit with one Idempotency-Key creates one programme and answers both the same', async () => {
    const manager = await h.manager();
    const body = { ...NEW_PROGRAMME, name: 'Idempotent cohort' };
    const post = () =>
      call(h, 'POST', '/v1/programmes', { token: manager, body, headers: { 'idempotency-key': 'create-42' } });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await post();
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(a.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(a.headers.get('location'));
    const all = await toArray(h.t.store.programmes.all(undefined, { where: { name: 'Idempotent cohort' } }));
    expect(all).toHaveLength(1);
  });

  it('the same Idempotency-Key with another body is refused with 422', async () => {
    const manager = await h.manager();
    const first = await call(h, 'POST', '/v1/programmes', {
      token: manager,
      body: { ...NEW_PROGRAMME, name: 'One' },
      headers: { 'idempotency-key': 'k-9' },
    });
    expect(first.status).toBe(201);
    const second = await call(h, 'POST', '/v1/programmes', {
      token: manager,
      body: { ...NEW_PROGRAMME, name: 'Two' },
      headers: { 'idempotency-key': 'k-9' },
    });
    expect(second.status).toBe(422);
    expect(second.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('a key is per person: another manager with the same key creates their own programme', async () => {
    const body = { ...NEW_PROGRAMME, name: 'Per person' };
    const a = await call(h, 'POST', '/v1/programmes', {
      token: await h.manager(),
      body,
      headers: { 'idempotency-key': 'same' },
    });
    const b = await call(h, 'POST', '/v1/programmes', {
      token: await h.token('other-manager', ['Programme.Manage']),
      body,
      headers: { 'idempotency-key': 'same' },
    });
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('a change with a stale If-Match gets 412 and changes nothing; with the current ETag it succeeds', async () => {
    const manager = await h.manager();
    const created = await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME });
    const etag = created.headers.get('etag') as string;
    const id = created.body.id as string;
    const first = await call(h, 'PATCH', `/v1/programmes/${id}`, {
      token: manager,
      body: { name: 'First' },
      headers: { 'if-match': etag },
    });
    expect(first.status).toBe(200);
    const second = await call(h, 'PATCH', `/v1/programmes/${id}`, {
      token: manager,
      body: { name: 'Second' },
      headers: { 'if-match': etag },
    });
    expect(second.status).toBe(412);
    expect((await call(h, 'GET', `/v1/programmes/${id}`, { token: manager })).body.name).toBe('First');
    const third = await call(h, 'PATCH', `/v1/programmes/${id}`, {
      token: manager,
      body: { name: 'Third' },
      headers: { 'if-match': first.headers.get('etag') as string },
    });
    expect(third.status).toBe(200);
  });

  it('two matching runs started at once: one runs, the other is refused', async () => {
    const id = await programmeInMatching(h);
    const manager = await h.manager();
    const start = () => call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager });
    const answers = await Promise.all([start(), start()]);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect([409, 412]).toContain(statuses.find((s) => s !== 202));
    const jobs = await toArray(h.t.store.jobs.all(id));
    expect(jobs).toHaveLength(1);
  });

  it('an invitation sent twice with one key invites each person once', async () => {
    const manager = await h.manager();
    const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
    const invite = () =>
      call(h, 'POST', `/v1/programmes/${id}/invitations`, {
        token: manager,
        body: { department: 'IT' },
        headers: { 'idempotency-key': 'invite-it' },
      });
    const [a, b] = await Promise.all([invite(), invite()]);
    expect(a.body).toEqual(b.body);
    expect(a.body.invited).toBe(9);
    expect(await toArray(h.t.store.participants.all(id))).toHaveLength(9);
  });
});
