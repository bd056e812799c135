/**
 * The routes for one of a pair acting on their own sessions and pair (issues #19 point 2, #20 point 3):
 * free times to move a session to, moving the rest of the series, pausing until a date, ending the
 * pair without blame. Only the two people of the pair may use them; bad input is a clear 4xx.
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';
import { exclusionsOf } from '../../../functions/src/app/matching/match-input';

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

async function outboxOf(userId: string, type: string): Promise<Json[]> {
  const all = await toArray(h.t.store.outbox.all(undefined, { where: { recipient: userId } }));
  return all.filter((m) => (m.payload as { type: string }).type === type).map((m) => m.payload);
}

describe('free times to move a session to', () => {
  it('are offered to the two people of the pair only', async () => {
    const pair = pairs[0] as Json;
    const path = `/v1/programmes/${id}/meetings/${pair.id}-series/occurrences/1/free-slots`;
    const mine = await call(h, 'GET', path, { token: await h.token(pair.menteeId) });
    expect(mine.status).toBe(200);
    expect(mine.body.timeZone).toBe('Europe/Berlin');
    expect(mine.body.slots).toHaveLength(2);
    expect(mine.body.slots[0]).toEqual({ start: expect.any(String), end: expect.any(String) });
    expect((await call(h, 'GET', path, { token: await h.token((pairs[1] as Json).menteeId) })).status).toBe(403);
    expect((await call(h, 'GET', path, { token: await h.manager() })).status).toBe(403);
    const bad = `/v1/programmes/${id}/meetings/${pair.id}-series/occurrences/99/free-slots`;
    expect((await call(h, 'GET', bad, { token: await h.token(pair.menteeId) })).status).toBe(400);
  });
});

describe('moving the rest of the series', () => {
  it('moves every future session to the weekday and time, keeps one series, and tells the partner', async () => {
    const pair = pairs[1] as Json;
    const seriesId = `${pair.id}-series`;
    const path = `/v1/programmes/${id}/meetings/${seriesId}/move-rest`;
    const before = await h.t.store.meetings.get(id, seriesId);
    const stranger = await call(h, 'POST', path, {
      token: await h.token((pairs[0] as Json).mentorId),
      body: { weekday: 'thu', time: '14:00' },
    });
    expect(stranger.status).toBe(403);
    const badTime = await call(h, 'POST', path, {
      token: await h.token(pair.mentorId),
      body: { weekday: 'thu', time: '25:00' },
    });
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors).toHaveProperty('time');
    const outside = await call(h, 'POST', path, {
      token: await h.token(pair.mentorId),
      body: { weekday: 'thu', time: '16:45' },
    });
    expect(outside.status).toBe(400);
    const moved = await call(h, 'POST', path, {
      token: await h.token(pair.mentorId),
      body: { weekday: 'thu', time: '14:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.weekday).toBe('thu');
    const mine = h.booking.moved.filter((m) => m.seriesId === seriesId);
    expect(mine).toHaveLength(before.occurrences.length);
    for (const m of mine) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(m.start));
      expect(local).toBe('Thu 14:00');
    }
    const series = (await toArray(h.t.store.meetings.all(id))).filter((s) => s.pairId === pair.id);
    expect(series).toHaveLength(1);
    expect(await outboxOf(pair.menteeId, 'session-moved')).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ weekday: 'thu', time: '14:00' }) }),
    ]);
  });

  it('moving one session tells the partner too (the move route keeps its contract)', async () => {
    const pair = pairs[3] as Json;
    const start = new Date(h.clock.now().getTime() + 10 * DAY).toISOString();
    const path = `/v1/programmes/${id}/meetings/${pair.id}-series/occurrences/1/move`;
    const moved = await call(h, 'POST', path, { token: await h.token(pair.menteeId), body: { start } });
    expect(moved.status).toBe(200);
    expect(await outboxOf(pair.mentorId, 'session-moved')).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ occurrenceIndex: 1, start }) }),
    ]);
    expect(await outboxOf(pair.menteeId, 'session-moved')).toEqual([]);
  });
});

describe('pausing until a date', () => {
  it('keeps the pair and cancels only the sessions before the date; the partner is told', async () => {
    const pair = pairs[2] as Json;
    const seriesId = `${pair.id}-series`;
    const path = `/v1/programmes/${id}/participants/me/pause-until`;
    const series = await h.t.store.meetings.get(id, seriesId);
    // The first day back falls between the second and the third session.
    const third = series.occurrences[2]!;
    const until = new Date(Date.parse(third.start) - 2 * DAY).toISOString().slice(0, 10);
    expect((await call(h, 'POST', path, { token: await h.token(pair.menteeId), body: { until: 'soon' } })).status).toBe(
      400,
    );
    const past = await call(h, 'POST', path, { token: await h.token(pair.menteeId), body: { until: '2020-01-01' } });
    expect(past.status).toBe(400);
    expect(past.body.errors).toHaveProperty('until');
    const paused = await call(h, 'POST', path, { token: await h.token(pair.menteeId), body: { until } });
    expect(paused.status).toBe(200);
    expect(paused.body).toEqual({ until, series: [{ seriesId, pairId: pair.id, cancelled: [0, 1] }] });
    const after = await h.t.store.meetings.get(id, seriesId);
    expect(after.occurrences.map((o) => o.status)).toEqual([
      'cancelled',
      'cancelled',
      ...series.occurrences.slice(2).map(() => 'planned'),
    ]);
    expect(after.pause).toMatchObject({ by: pair.menteeId, until });
    expect((await h.t.store.pairs.get(id, pair.id)).status).toBe('active');
    expect((await h.t.store.participants.get(id, pair.menteeId)).status).toBe('opted-in');
    expect(await outboxOf(pair.mentorId, 'sessions-paused')).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ until, sessions: 2 }) }),
    ]);
    // Who paused stays with the pair: a manager outside it sees the cancelled sessions, not who paused.
    const asManager = (await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.manager() })).body.items;
    expect(asManager.find((x: Json) => x.id === seriesId)).not.toHaveProperty('pause');
    const asPartner = (await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.token(pair.mentorId) }))
      .body.items;
    expect(asPartner.find((x: Json) => x.id === seriesId).pause).toMatchObject({ by: pair.menteeId, until });
    // The same pause again is harmless: nothing more is cancelled, the partner is not told twice.
    const again = await call(h, 'POST', path, { token: await h.token(pair.menteeId), body: { until } });
    expect(again.body.series[0].cancelled).toEqual([]);
    expect(await outboxOf(pair.mentorId, 'sessions-paused')).toHaveLength(1);
  });

  it('is refused to someone without booked sessions (409), never a 500', async () => {
    const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/pause-until`, {
      token: await h.manager(),
      body: { until: new Date(h.clock.now().getTime() + 20 * DAY).toISOString().slice(0, 10) },
    });
    expect([403, 409]).toContain(res.status);
  });
});

describe('ending a pair without blame', () => {
  it('nobody else in the programme can end it; one of the two can; both stay in the programme and are never proposed to each other again', async () => {
    const pair = pairs[0] as Json;
    const path = `/v1/programmes/${id}/pairs/${pair.id}/end`;
    expect((await call(h, 'POST', path, { token: await h.token((pairs[1] as Json).mentorId) })).status).toBe(403);
    // (A programme manager may end it too, after publishing: manager-steps, slice of issue #21.)
    const ended = await call(h, 'POST', path, { token: await h.token(pair.menteeId) });
    expect(ended.status).toBe(200);
    expect(ended.body.pair).toMatchObject({ status: 'ended', endReason: 'ended-without-blame' });
    for (const userId of [pair.mentorId, pair.menteeId])
      expect((await h.t.store.participants.get(id, userId)).status).toBe('opted-in');
    expect(h.booking.cancelled).toContain(pair.id);
    const all = await toArray(h.t.store.pairs.all(id));
    const people = await toArray(h.t.store.participants.all(id));
    expect(exclusionsOf(all, people)).toContainEqual([pair.mentorId, pair.menteeId]);
    expect(
      all.filter((p) => p.mentorId === pair.mentorId && p.menteeId === pair.menteeId && p.status !== 'ended'),
    ).toEqual([]);
    // The partner is told that the pair ended; the person who ended it is not.
    expect(await outboxOf(pair.mentorId, 'pair-ended')).toHaveLength(1);
    expect(await outboxOf(pair.menteeId, 'pair-ended')).toHaveLength(0);
    // Ending it again is harmless.
    expect((await call(h, 'POST', path, { token: await h.token(pair.menteeId) })).status).toBe(200);
    expect(await outboxOf(pair.mentorId, 'pair-ended')).toHaveLength(1);
  });
});
