/**
 * The partner's card in a person's own pair, and pair health per pair for programme managers, through
 * the API: what each may see, and nothing more (no decline reason, rating, text or erased person).
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { testOrg } from '../../support/org';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
let id: string;
let pairs: Json[];
const DAY = 24 * 3600 * 1000;
const nameOf = (userId: string) => testOrg().find((u) => u.id === userId)?.displayName as string;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
  expect(pairs).toHaveLength(4);
  await confirmAll(h, id, pairs.slice(0, 3));
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  h.clock.advance(8 * DAY);
  const pair = pairs[0] as Json;
  const res = await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
    token: await h.token(pair.mentorId),
    body: { pairId: pair.id, occurrenceIndex: 0, rating: 1, learnt: 'Mentor private words' },
  });
  expect(res.status).toBe(201);
});
afterAll(async () => h.close());

describe('the partner’s card', () => {
  it('shows a person their partner’s name, job and matching profile, in the pair and in their list', async () => {
    const pair = pairs[0] as Json;
    const token = await h.token(pair.menteeId);
    const res = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token });
    expect(res.status).toBe(200);
    const mentor = testOrg().find((u) => u.id === pair.mentorId);
    expect(res.body.partner).toEqual({
      userId: pair.mentorId,
      displayName: mentor?.displayName,
      jobTitle: mentor?.jobTitle,
      department: mentor?.department,
      officeLocation: mentor?.officeLocation,
      languages: ['en', 'de'],
      interests: ['cycling'],
      topics: ['ai', 'teams'],
    });
    // Nothing the partner told only the programme: their feedback, rating, availability or consent.
    const text = JSON.stringify(res.body);
    for (const secret of ['Mentor private words', 'timeZone', 'weekdays', 'consent', 'rating', 'mail'])
      expect(text).not.toContain(secret);
    const list = await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token });
    expect(list.body.items.map((p: Json) => p.partner)).toEqual([res.body.partner]);
  });

  it('shows the mentor their mentee’s wished topics', async () => {
    const pair = pairs[0] as Json;
    const res = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token: await h.token(pair.mentorId) });
    expect(res.body.partner).toMatchObject({
      userId: pair.menteeId,
      displayName: nameOf(pair.menteeId),
      topics: ['ai'],
    });
  });

  it('gives a manager the pair without a partner card, and no one a card of a pair they are not in', async () => {
    const pair = pairs[1] as Json;
    const managed = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token: await h.manager() });
    expect(managed.status).toBe(200);
    expect(managed.body.partner).toBeUndefined();
    const listed = await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token: await h.manager() });
    expect(listed.body.items.every((p: Json) => p.partner === undefined)).toBe(true);
    const other = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, {
      token: await h.token((pairs[0] as Json).menteeId),
    });
    expect(other.status).toBe(403);
  });

  it('after a decline shows only the partner’s name, never their reason', async () => {
    const pair = pairs[3] as Json;
    const declined = await call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/decline`, {
      token: await h.token(pair.menteeId),
      body: { reason: 'We sit in the same meetings every day.' },
    });
    expect(declined.status).toBe(200);
    const res = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token: await h.token(pair.mentorId) });
    expect(res.body.status).toBe('declined');
    expect(res.body.partner).toEqual({ userId: pair.menteeId, displayName: nameOf(pair.menteeId) });
    expect(JSON.stringify(res.body)).not.toContain('same meetings');
  });

  it('shows nothing of a partner who was erased', async () => {
    const pair = pairs[2] as Json;
    expect(
      (
        await call(h, 'POST', '/v1/me/erasure', {
          token: await h.token(pair.mentorId),
          body: { confirm: 'erase-my-data' },
        })
      ).status,
    ).toBe(200);
    const res = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token: await h.token(pair.menteeId) });
    expect(res.status).toBe(200);
    expect(res.body.partner).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain(nameOf(pair.mentorId));
  });
});

describe('pair health per pair', () => {
  it('lists each active pair for a manager with the help it needs, never a rating or that one was low', async () => {
    const res = await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token: await h.manager() });
    expect(res.status).toBe(200);
    const pair = pairs[0] as Json;
    expect(res.body.items).toEqual([
      {
        pairId: pair.id,
        mentorId: pair.mentorId,
        menteeId: pair.menteeId,
        needsAttention: true,
        help: ['check-in'],
      },
      {
        pairId: (pairs[1] as Json).id,
        mentorId: (pairs[1] as Json).mentorId,
        menteeId: (pairs[1] as Json).menteeId,
        needsAttention: false,
        help: [],
      },
    ]);
    expect(res.body.notices).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/rating|Mentor private words/i);
  });

  it('flags pairs with no meeting for two cadences, since their last session held', async () => {
    h.clock.advance(29 * DAY);
    const res = await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token: await h.manager() });
    const series = (await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.manager() })).body.items;
    const firstSession = (pairId: string) =>
      series.find((s: Json) => s.pairId === pairId).occurrences[0].start as string;
    const [held, none] = [pairs[0], pairs[1]] as Json[];
    expect(res.body.items.map((i: Json) => [i.pairId, i.help, i.since])).toEqual([
      [held.id, ['meeting-rhythm', 'check-in'], new Date(firstSession(held.id)).toISOString()],
      [none.id, ['meeting-rhythm'], new Date(firstSession(none.id)).toISOString()],
    ]);
  });

  it('is for programme managers only', async () => {
    const pair = pairs[0] as Json;
    for (const token of [await h.token(pair.menteeId), await h.hr()]) {
      const res = await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const missing = await call(h, 'GET', '/v1/programmes/no-such-programme/pair-health', { token: await h.manager() });
    expect(missing.status).toBe(404);
  });
});

describe('least visibility for programme managers', () => {
  it('never gives a manager a rating per pair, or a feedback text, through any of the manager’s reads', async () => {
    const manager = await h.manager();
    const pair = pairs[0] as Json;
    for (const path of [
      `/v1/programmes/${id}/pairs`,
      `/v1/programmes/${id}/pairs/${pair.id}`,
      `/v1/programmes/${id}/pair-health`,
      `/v1/programmes/${id}/meetings`,
      `/v1/programmes/${id}/participants`,
      `/v1/programmes/${id}/participants/${pair.mentorId}`,
      `/v1/programmes/${id}/feedback`,
      `/v1/programmes/${id}/audit?pageSize=200`,
    ]) {
      const res = await call(h, 'GET', path, { token: manager });
      // The feedback list is each person's own: a manager who took no part has none (404).
      expect([path, res.status]).toEqual([path, path.endsWith('/feedback') ? 404 : 200]);
      expect([path, JSON.stringify(res.body)]).not.toEqual([
        path,
        expect.stringMatching(/rating|Mentor private words/i),
      ]);
    }
    const participant = await call(h, 'GET', `/v1/programmes/${id}/participants/${pair.mentorId}`, { token: manager });
    expect(participant.body).toMatchObject({ userId: pair.mentorId, role: 'mentor', status: 'opted-in' });
    for (const field of ['weekdays', 'times', 'timeZone', 'interests', 'languages', 'claims', 'pastPartners'])
      expect([field, field in participant.body]).toEqual([field, false]);
  });

  it('shows a manager how the programme was run, not each person’s own activity: that stays in the full log', async () => {
    const stored = await toArray(h.t.store.audit.all(id));
    expect(stored.some((a) => a.action === 'participant.opted-in')).toBe(true);
    const res = await call(h, 'GET', `/v1/programmes/${id}/audit?pageSize=200`, { token: await h.manager() });
    const actions = new Set(res.body.items.map((a: Json) => a.action));
    expect(actions.has('participant.opted-in')).toBe(false);
    expect(actions.has('programme.created')).toBe(true);
    expect(actions.has('pairs.published')).toBe(true);
    expect(res.body.items.length).toBeLessThan(stored.length);
  });

  it('lets a programme switch pair-health notices off: no daily notice and no per-pair list', async () => {
    const manager = await h.manager();
    const pairHealthNotices = async () =>
      (await toArray(h.t.store.outbox.all(undefined))).filter((m) => m.payload.type === 'pair-health').length;
    h.clock.advance(8 * DAY);
    await h.host.trigger('pairHealth');
    const before = await pairHealthNotices();
    expect(before).toBeGreaterThan(0);
    const off = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { pairHealthNotices: false } });
    expect(off.status).toBe(200);
    expect(off.body.pairHealthNotices).toBe(false);
    expect(
      (await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { pairHealthNotices: 'no' } })).status,
    ).toBe(400);
    h.clock.advance(8 * DAY);
    await h.host.trigger('pairHealth');
    expect(await pairHealthNotices()).toBe(before);
    const res = await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token: manager });
    expect(res.body).toEqual({ items: [], notices: false });
  });
});
