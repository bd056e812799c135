import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTEES, MENTORS, programmeInMatching } from './support/flow';
import { testOrgHierarchy } from '../../support/org';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const DAY = 24 * 3600 * 1000;

describe('a programme through the API, draft to closed', () => {
  it('invites, opts in, trains, matches outside every management chain, publishes, confirms, books, collects feedback and assessments, reports and closes', async () => {
    const manager = await h.manager();
    const id = await programmeInMatching(h);
    const pairs = await matchAndPublish(h, id);
    expect(pairs).toHaveLength(4);
    const hierarchy = testOrgHierarchy();
    for (const p of pairs) {
      expect(MENTORS).toContain(p.mentorId);
      expect(MENTEES).toContain(p.menteeId);
      expect(hierarchy.sameChain(p.mentorId, p.menteeId)).toBe(false);
      expect(p.explanation.reasons.length).toBeGreaterThan(0);
      expect(p.publishedAt).toBeTruthy();
    }

    await confirmAll(h, id, pairs);
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'execution' } })).status,
    ).toBe(200);
    await h.host.trigger('bookSeries');

    const mentee = pairs[0].menteeId as string;
    const menteeToken = await h.token(mentee);
    const meetings = await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: menteeToken });
    expect(meetings.body.items).toHaveLength(1);
    expect(meetings.body.items[0].status).toBe('booked');

    h.clock.advance(8 * DAY);
    for (const userId of [pairs[0].mentorId, pairs[0].menteeId]) {
      const fb = await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
        token: await h.token(userId),
        body: { pairId: pairs[0].id, occurrenceIndex: 0, rating: 5, learnt: 'How to prompt well.' },
      });
      expect(fb.status).toBe(201);
    }
    // The start self-assessment during execution; the end one opens at steering (or in the week of the
    // person's last session), not on day one of execution.
    const assess = async (kind: 'start' | 'end') => {
      for (const userId of [...MENTEES, ...MENTORS]) {
        const res = await call(h, 'PUT', `/v1/programmes/${id}/assessments/${kind}`, {
          token: await h.token(userId),
          body: { ratings: { ai: kind === 'start' ? 2 : 4, teams: 3 } },
        });
        expect(res.status).toBe(200);
      }
    };
    await assess('start');
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'steering' } })).status,
    ).toBe(200);
    await assess('end');

    const report = await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() });
    expect(report.status).toBe(200);
    expect(report.body.funnel).toEqual({ invited: 8, optedIn: 8, matched: 8, confirmed: 8, active: 8, completed: 0 });
    expect(report.body.meetings).toMatchObject({ held: 1 });
    expect(report.body.ratings).toMatchObject({ count: 2, raters: 2, distribution: { '5': 2 } });
    const ai = report.body.assessments.find((a: Json) => a.topicId === 'ai' && a.role === 'mentee');
    expect(ai).toMatchObject({ people: 4, startAverage: 2, endAverage: 4, change: 2 });
    expect(JSON.stringify(report.body)).not.toContain('How to prompt well.');
    for (const userId of [...MENTEES, ...MENTORS]) expect(JSON.stringify(report.body)).not.toContain(userId);

    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'closed' } })).status,
    ).toBe(200);
    const closed = await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() });
    expect(closed.body.funnel.completed).toBe(8);
    expect(closed.body.phase).toBe('closed');
  });
});
