/** The honest review: cautions for the manager only, and the cost of manual changes against the optimum. */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { NEW_PROGRAMME, profile } from './support/flow';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

type Person = { userId: string; role: 'mentor' | 'mentee'; topics: string[]; timeZone?: string };

async function inMatching(people: Person[]): Promise<string> {
  const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
  await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
    token: manager,
    body: { userIds: people.map((p) => p.userId) },
  });
  for (const p of people) {
    const body = {
      ...profile(p.role),
      ...(p.role === 'mentor' ? { teachTopics: p.topics } : { learnTopics: p.topics }),
      ...(p.timeZone ? { timeZone: p.timeZone } : {}),
    };
    const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
      token: await h.token(p.userId),
      body: { profile: body, consentTextVersion: '2026-01' },
    });
    expect(res.status).toBe(200);
    if (p.role === 'mentor')
      await call(h, 'POST', `/v1/programmes/${id}/participants/${p.userId}/training`, { token: manager });
  }
  expect(
    (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } })).status,
  ).toBe(200);
  return id;
}

const run = async (id: string) => {
  const res = await call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager });
  expect(res.body.status).toBe('succeeded');
  return res.body;
};
const proposals = async (id: string): Promise<Json[]> =>
  (
    (await call(h, 'GET', `/v1/programmes/${id}/pairs?status=proposed`, { token: manager })).body.items as Json[]
  ).filter((p) => !p.publishedAt);
const review = async (id: string) => {
  const res = await call(h, 'GET', `/v1/programmes/${id}/matching-review`, { token: manager });
  expect(res.status).toBe(200);
  return res.body;
};

describe('an honest matching review', () => {
  it('shows a proposal with no common topic and time zones 5 h apart as a caution to the manager, and to neither participant', async () => {
    const id = await inMatching([
      { userId: 'sales-senior-1', role: 'mentee', topics: ['teams'], timeZone: 'America/New_York' },
      { userId: 'it-junior-3', role: 'mentor', topics: ['ai'], timeZone: 'Europe/London' },
    ]);
    await run(id);
    const [pair] = (await proposals(id)) as [Json];
    const body = await review(id);
    expect(body.fitBelow).toBe(40);
    expect(body.cautions[pair.id].map((c: Json) => c.code)).toEqual(
      expect.arrayContaining(['noCommonTopic', 'timezoneGap']),
    );
    expect(body.cautions[pair.id].find((c: Json) => c.code === 'timezoneGap').params).toEqual({ hours: 5 });

    expect((await call(h, 'POST', `/v1/programmes/${id}/publish`, { token: manager })).status).toBe(200);
    for (const userId of ['sales-senior-1', 'it-junior-3']) {
      const token = await h.token(userId);
      const own = await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token });
      expect(own.body.items).toHaveLength(1);
      const text = JSON.stringify(own.body);
      expect(text).not.toMatch(/caution|noCommonTopic|timezoneGap|lowFit/i);
      const one = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token });
      expect(JSON.stringify(one.body)).not.toMatch(/caution|noCommonTopic|timezoneGap|lowFit/i);
      expect((await call(h, 'GET', `/v1/programmes/${id}/matching-review`, { token })).status).toBe(403);
      const me = await call(h, 'GET', '/v1/me', { token });
      expect(me.status).toBe(200);
      expect(JSON.stringify(me.body)).not.toMatch(/caution|noCommonTopic|timezoneGap|lowFit/i);
    }
  });

  it('after a swap states the cost against the optimum, and a re-run keeping the locks is optimal again', async () => {
    const id = await inMatching([
      { userId: 'sales-senior-1', role: 'mentee', topics: ['ai'] },
      { userId: 'sales-senior-2', role: 'mentee', topics: ['teams'] },
      { userId: 'it-junior-3', role: 'mentor', topics: ['ai'] },
      { userId: 'it-junior-4', role: 'mentor', topics: ['teams'] },
    ]);
    const job = await run(id);
    expect(job.result.optimal).toBe(true);
    const before = await review(id);
    expect(before).toMatchObject({ changed: false, cost: 0, lastRun: { optimal: true } });
    expect(before.cautions).toEqual({});

    const [a, b] = (await proposals(id)) as [Json, Json];
    const swapped = await call(h, 'POST', `/v1/programmes/${id}/pair-swaps`, {
      token: manager,
      body: { pairIds: [a.id, b.id] },
    });
    expect(swapped.status).toBe(200);
    const after = await review(id);
    const lost = Math.round((a.score + b.score - swapped.body[0].score - swapped.body[1].score) * 10) / 10;
    expect(lost).toBeGreaterThan(0);
    expect(after).toMatchObject({ changed: true, cost: lost, lastRun: { optimal: true } });
    // Both swapped pairs now share no topic: the review says so.
    for (const p of swapped.body as Json[])
      expect(after.cautions[p.id].map((c: Json) => c.code)).toContain('noCommonTopic');
    // Re-explained after the swap: still every reason an engine proposal gives, plus "kept as fixed".
    expect(swapped.body[0].explanation.reasons[0].key).toBe('reason.locked');
    expect(swapped.body[0].explanation.reasons.length).toBeGreaterThanOrEqual(2);

    const again = await run(id);
    expect(again.result.lockedPairs).toBe(2);
    expect(await review(id)).toMatchObject({ changed: false, cost: 0 });
  });
});
