/** The manager's "Book now" / "Retry" through the API: who may, when, and what it answers. */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';

let h: Harness;
let id: string;
let pairs: Json[];

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
});
afterAll(async () => h.close());

const path = (pairId: string) => `/v1/programmes/${id}/pairs/${pairId}/booking`;

describe('POST …/pairs/{pairId}/booking', () => {
  it('is refused before execution, and to anyone but a manager', async () => {
    const pair = pairs[0] as Json;
    const early = await call(h, 'POST', path(pair.id), { token: await h.manager() });
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect((await call(h, 'POST', path(pair.id), { token: await h.token(pair.menteeId) })).status).toBe(403);
  });

  it('books a confirmed pair whose booking failed, at once, and answers its booking state', async () => {
    await confirmAll(h, id, pairs);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
    // The change to execution booked every pair before it answered.
    const after = await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token: await h.manager() });
    expect((after.body.items as Json[]).map((p) => p.booking)).toEqual(pairs.map(() => 'booked'));

    const pair = await h.t.store.pairs.get(id, (pairs[1] as Json).id);
    await h.t.store.pairs.replace({ ...pair, status: 'confirmed', booking: 'failed' }, pair.etag);
    const series = await h.t.store.meetings.get(id, `${pair.id}-series`);
    await h.t.store.meetings.replace({ ...series, status: 'pending', problem: 'Graph said no.' }, series.etag);
    const res = await call(h, 'POST', path(pair.id), { token: await h.manager() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pairId: pair.id, status: 'active', booking: 'booked', pending: false });
  });

  it('has nothing to book for a booked pair (409) and knows no unknown pair (404)', async () => {
    expect((await call(h, 'POST', path((pairs[0] as Json).id), { token: await h.manager() })).status).toBe(409);
    expect((await call(h, 'POST', path('pair-nope'), { token: await h.manager() })).status).toBe(404);
  });
});

describe('kick-off and closing time in the programme API', () => {
  it('takes the zone and lengths, and refuses an unknown zone or a length out of range with a clear 400', async () => {
    const body = { name: 'Timed', topics: [{ id: 'ai', name: 'AI' }] };
    const ok = await call(h, 'POST', '/v1/programmes', {
      token: await h.manager(),
      body: { ...body, timeZone: 'Europe/Berlin', kickoffAt: '2027-03-02T17:30:00+01:00', kickoffMinutes: 45 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      timeZone: 'Europe/Berlin',
      kickoffAt: '2027-03-02T16:30:00.000Z',
      kickoffMinutes: 45,
    });
    for (const bad of [{ timeZone: 'Mars/Olympus' }, { closingMinutes: 5 }, { kickoffMinutes: 481 }]) {
      const res = await call(h, 'POST', '/v1/programmes', { token: await h.manager(), body: { ...body, ...bad } });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(Object.keys(bad)[0]!);
    }
  });
});
