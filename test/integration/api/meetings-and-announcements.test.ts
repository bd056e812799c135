import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTORS, programmeInMatching } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
let id: string;
let pairs: Json[];
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
});
afterAll(async () => h.close());

describe('meetings', () => {
  it('lets either person of a pair ask to move a future session, and nobody else', async () => {
    const pair = pairs[0] as Json;
    const seriesId = `${pair.id}-series`;
    const start = new Date(h.clock.now().getTime() + 10 * DAY).toISOString();
    const path = `/v1/programmes/${id}/meetings/${seriesId}/occurrences/1/move`;
    const moved = await call(h, 'POST', path, { token: await h.token(pair.mentorId), body: { start } });
    expect(moved.status).toBe(200);
    expect(moved.body.occurrences[1]).toMatchObject({ start, status: 'moved' });
    expect(h.booking.moved).toEqual([{ seriesId, index: 1, start }]);
    expect(
      (await call(h, 'POST', path, { token: await h.token((pairs[1] as Json).menteeId), body: { start } })).status,
    ).toBe(403);
    const past = await call(h, 'POST', path, {
      token: await h.token(pair.menteeId),
      body: { start: new Date(h.clock.now().getTime() - DAY).toISOString() },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toHaveProperty('start');
  });

  it('lets a pair without a common slot pick another day, which books the series; nobody else may', async () => {
    const pair = pairs[2] as Json;
    const seriesId = `${pair.id}-series`;
    // As the booking left it when no slot was free on the programme's day.
    const stored = await h.t.store.pairs.get(id, pair.id);
    await h.t.store.pairs.replace({ ...stored, status: 'confirmed', booking: 'no-slot' }, stored.etag);
    const series = await h.t.store.meetings.get(id, seriesId);
    await h.t.store.meetings.replace({ ...series, status: 'no-slot', occurrences: [] }, series.etag);
    const path = `/v1/programmes/${id}/pairs/${pair.id}/day`;

    const stranger = await call(h, 'POST', path, {
      token: await h.token((pairs[0] as Json).menteeId),
      body: { weekday: 'thu' },
    });
    expect(stranger.status).toBe(403);
    const bad = await call(h, 'POST', path, { token: await h.token(pair.menteeId), body: { weekday: 'someday' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('weekday');
    expect((await h.t.store.meetings.get(id, seriesId)).status).toBe('no-slot');

    const picked = await call(h, 'POST', path, {
      token: await h.token(pair.menteeId),
      body: { weekday: 'thu', times: ['morning'] },
    });
    expect(picked.status).toBe(200);
    expect(picked.body.status).toBe('booked');
    expect((await h.t.store.pairs.get(id, pair.id)).status).toBe('active');
    const again = await call(h, 'POST', path, { token: await h.token(pair.mentorId), body: { weekday: 'fri' } });
    expect(again.status).toBe(409);
  });

  it('takes feedback only for sessions that have started, and only once per person and session', async () => {
    const pair = pairs[1] as Json;
    const token = await h.token(pair.menteeId);
    const early = await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
      token,
      body: { pairId: pair.id, occurrenceIndex: 0, rating: 4 },
    });
    expect(early.status).toBe(409);
    h.clock.advance(8 * DAY);
    const first = await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
      token,
      body: { pairId: pair.id, occurrenceIndex: 0, rating: 2 },
    });
    const second = await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
      token,
      body: { pairId: pair.id, occurrenceIndex: 0, rating: 5, held: true, nextTopic: 'Copilot in Excel' },
    });
    expect([first.status, second.status]).toEqual([201, 200]);
    const own = await call(h, 'GET', `/v1/programmes/${id}/feedback`, { token });
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]).toMatchObject({ rating: 5, nextTopic: 'Copilot in Excel' });
    const series = await h.t.store.meetings.get(id, `${pair.id}-series`);
    expect(series.occurrences[0]?.status).toBe('held');
  });
});

describe('announcements and the caller', () => {
  it('sends an announcement to the chosen audience only', async () => {
    const res = await call(h, 'POST', `/v1/programmes/${id}/announcements`, {
      token: await h.manager(),
      body: { title: 'Kick-off', text: 'See you on Tuesday in the atrium.', audience: 'mentors' },
    });
    expect(res.status).toBe(202);
    expect(res.body.recipients).toBe(MENTORS.length);
    const queued = await toArray(h.t.store.outbox.all(res.body.id));
    expect(queued.map((m) => m.recipient).sort()).toEqual([...MENTORS].sort());
    expect(queued[0]?.payload).toMatchObject({ type: 'announcement', params: { title: 'Kick-off' } });
    const denied = await call(h, 'POST', `/v1/programmes/${id}/announcements`, {
      token: await h.token(MENTORS[0] as string),
      body: { title: 'x', text: 'y' },
    });
    expect(denied.status).toBe(403);
  });

  it('tells the caller who they are, their roles and enrollments', async () => {
    const me = await call(h, 'GET', '/v1/me', { token: await h.token(MENTORS[0] as string) });
    expect(me.body).toMatchObject({
      userId: MENTORS[0],
      roles: [],
      isProgrammeManager: false,
      canReadReports: false,
      enrollments: [{ programmeId: id, phase: 'execution', status: 'opted-in', role: 'mentor' }],
    });
    const hr = await call(h, 'GET', '/v1/me', { token: await h.hr() });
    expect(hr.body).toMatchObject({
      roles: ['Reports.Read'],
      isProgrammeManager: false,
      canReadReports: true,
      enrollments: [],
    });
  });
});
