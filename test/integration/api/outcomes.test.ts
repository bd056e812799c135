/**
 * Outcomes the concept asks for: the end self-assessment opens in the week of the last session (or
 * at steering), mentors say what they gained, and the mentee's "next time" wish reaches the mentor.
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
let id: string;
let pairs: Json[];
let pair: Json;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  pair = pairs[0];
});
afterAll(async () => h.close());

async function sessionsOf(userId: string): Promise<Json[]> {
  const res = await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await h.token(userId) });
  const series = (res.body.items as Json[]).find((s) => s.kind === 'pair-series');
  return series.occurrences;
}

function assess(userId: string, kind: 'start' | 'end', body: Json) {
  return h.token(userId).then((token) => call(h, 'PUT', `/v1/programmes/${id}/assessments/${kind}`, { token, body }));
}

async function endRequestsTo(userId: string): Promise<Json[]> {
  const all = await toArray(h.t.store.outbox.all(undefined, { where: { recipient: userId } }));
  return all
    .map((m) => m.payload as Json)
    .filter((p) => p.type === 'assessment-request' && p.params.kind === 'end' && p.programmeId === id);
}

describe('outcomes', () => {
  it('opens the end self-assessment only in the week of the person’s last session, and asks for it then', async () => {
    const early = await assess(pair.mentorId, 'end', { ratings: { ai: 4 } });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/week of your last session/);

    const sessions = await sessionsOf(pair.mentorId);
    const last = Date.parse((sessions.at(-1) as Json).start);
    h.clock.advance(last - 8 * DAY - h.clock.now().getTime());
    expect((await assess(pair.mentorId, 'end', { ratings: { ai: 4 } })).status).toBe(409);
    await h.host.trigger('sessionReminders');
    expect(await endRequestsTo(pair.mentorId)).toHaveLength(0);

    h.clock.advance(2 * DAY);
    expect((await assess(pair.mentorId, 'end', { ratings: { ai: 4 } })).status).toBe(200);
    await h.host.trigger('sessionReminders');
    await h.host.trigger('sessionReminders');
    expect(await endRequestsTo(pair.mentorId)).toHaveLength(1);
    expect(await endRequestsTo(pair.menteeId)).toHaveLength(1);
  });

  it('asks mentors what they gained at the end, and nobody else', async () => {
    const gains = { leadership: 4, seniorPerspective: 5 };
    const mentee = await assess(pair.menteeId, 'end', { ratings: { ai: 4 }, gains });
    expect(mentee.status).toBe(400);
    expect(Object.keys(mentee.body.errors)).toEqual(['gains']);
    const atStart = await assess(pair.mentorId, 'start', { ratings: { ai: 2 }, gains });
    expect(atStart.status).toBe(400);
    const unknown = await assess(pair.mentorId, 'end', { ratings: { ai: 4 }, gains: { charisma: 5 } });
    expect(unknown.status).toBe(400);
    const outOfRange = await assess(pair.mentorId, 'end', { ratings: { ai: 4 }, gains: { leadership: 6 } });
    expect(outOfRange.status).toBe(400);
    const ok = await assess(pair.mentorId, 'end', { ratings: { ai: 4 }, gains });
    expect(ok.status).toBe(200);
    expect(ok.body.gains).toEqual(gains);
  });

  it('reports what mentors gained only once enough mentors answered', async () => {
    const manager = await h.manager();
    const before = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() })).body;
    expect(before.mentorGains.every((g: Json) => g.suppressed && g.average === null)).toBe(true);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'steering' } });
    for (const [i, p] of pairs.entries())
      expect(
        (
          await assess(p.mentorId, 'end', {
            ratings: { ai: 4 },
            gains: { leadership: 3 + (i % 2), seniorPerspective: 5 },
          })
        ).status,
      ).toBe(200);
    for (const p of pairs) await assess(p.menteeId, 'end', { ratings: { ai: 4 } });
    const report = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() })).body;
    expect(report.mentorGains).toEqual([
      { gain: 'leadership', people: pairs.length, average: 3.5, suppressed: false },
      { gain: 'seniorPerspective', people: pairs.length, average: 5, suppressed: false },
    ]);
    // The move to steering asked everyone, but nobody twice.
    expect(await endRequestsTo(pair.mentorId)).toHaveLength(1);
  });
});

describe('the mentee’s “next time” wish', () => {
  it('is shown to the mentor (only), from the mentee’s latest feedback', async () => {
    const h2 = await startHarness();
    try {
      const pid = await programmeInMatching(h2);
      const [p] = await matchAndPublish(h2, pid);
      await confirmAll(h2, pid, [p]);
      await call(h2, 'POST', `/v1/programmes/${pid}/phase`, { token: await h2.manager(), body: { to: 'execution' } });
      await h2.host.trigger('bookSeries');
      h2.clock.advance(30 * DAY);
      const feedback = (userId: string, occurrenceIndex: number, nextTopic: string) =>
        h2.token(userId).then((token) =>
          call(h2, 'POST', `/v1/programmes/${pid}/feedback`, {
            token,
            body: { pairId: p.id, occurrenceIndex, rating: 4, nextTopic },
          }),
        );
      expect([200, 201]).toContain((await feedback(p.menteeId, 0, 'Copilot in Excel')).status);
      expect([200, 201]).toContain((await feedback(p.menteeId, 1, 'LinkedIn posts')).status);
      expect([200, 201]).toContain((await feedback(p.mentorId, 1, 'My own wish')).status);
      const pairsOf = async (userId: string) =>
        (await call(h2, 'GET', `/v1/programmes/${pid}/pairs`, { token: await h2.token(userId) })).body.items as Json[];
      const mentorView = (await pairsOf(p.mentorId)).find((x) => x.id === p.id);
      expect(mentorView.partner.nextWish).toMatchObject({ text: 'LinkedIn posts', occurrenceIndex: 1 });
      const menteeView = (await pairsOf(p.menteeId)).find((x) => x.id === p.id);
      expect(menteeView.partner.nextWish).toBeUndefined();
      expect(JSON.stringify(menteeView)).not.toContain('My own wish');
    } finally {
      await h2.close();
    }
  });
});
