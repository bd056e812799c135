/**
 * The partner's card in a person's own pair, and pair health per pair for programme managers, through
 * the API: what each may see, and nothing more (no decline reason, rating, text or erased person).
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { testOrg } from './support/org';

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
  it('lists each active pair with its flags for a manager: a low rating only as a flag', async () => {
    const res = await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token: await h.manager() });
    expect(res.status).toBe(200);
    const pair = pairs[0] as Json;
    expect(res.body.items).toEqual([
      { pairId: pair.id, mentorId: pair.mentorId, menteeId: pair.menteeId, flags: ['low-rating'] },
      {
        pairId: (pairs[1] as Json).id,
        mentorId: (pairs[1] as Json).mentorId,
        menteeId: (pairs[1] as Json).menteeId,
        flags: [],
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/"rating"|Mentor private words/);
  });

  it('flags pairs with no meeting for two cadences, since their last session held', async () => {
    h.clock.advance(29 * DAY);
    const res = await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token: await h.manager() });
    const series = (await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.manager() })).body.items;
    const firstSession = (pairId: string) =>
      series.find((s: Json) => s.pairId === pairId).occurrences[0].start as string;
    const [held, none] = [pairs[0], pairs[1]] as Json[];
    expect(res.body.items.map((i: Json) => [i.pairId, i.flags, i.since])).toEqual([
      [held.id, ['no-recent-meeting', 'low-rating'], new Date(firstSession(held.id)).toISOString()],
      [none.id, ['no-recent-meeting'], new Date(firstSession(none.id)).toISOString()],
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
