/**
 * No inference over time: what HR sees of ratings and self-assessments changes only in steps of at
 * least the anonymity threshold's number of new answers, so a refresh after one session never
 * tells HR what the one person who just rated said.
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTEES, MENTORS, programmeInMatching } from './support/flow';

let h: Harness;
let id: string;
let pairs: Json[];
const DAY = 24 * 3600 * 1000;
const THRESHOLD = 3;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h, { anonymityThreshold: THRESHOLD });
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  h.clock.advance(8 * DAY);
});
afterAll(async () => h.close());

/** Everything in the report that a rating or a self-assessment can move. */
async function ratingView(): Promise<Json> {
  const r = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() })).body;
  const averages = (b: Json) => b.rows.map((row: Json) => [row.group, row.averageRating]);
  return {
    ratings: r.ratings,
    assessments: r.assessments,
    lowRatings: r.pairs.lowRatings,
    needingAttention: r.pairs.needingAttention,
    breakdowns: [averages(r.breakdowns.department), averages(r.breakdowns.location), averages(r.breakdowns.topic)],
  };
}

async function rate(userId: string, rating: number): Promise<void> {
  const pair = pairs.find((p) => p.mentorId === userId || p.menteeId === userId);
  const res = await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
    token: await h.token(userId),
    body: { pairId: pair.id, occurrenceIndex: 0, rating },
  });
  expect([200, 201]).toContain(res.status);
}

describe('the report over time', () => {
  it('never changes what HR sees of ratings and self-assessments on one new answer: only in steps of the threshold', async () => {
    let shown = await ratingView();
    let sinceChange = 0;
    let changes = 0;
    const people = [...MENTEES, ...MENTORS];
    const answers: (() => Promise<void>)[] = [
      ...people.map((u, i) => () => rate(u, i % 2 ? 1 : 5)),
      ...people.map((u) => async () => {
        const res = await call(h, 'PUT', `/v1/programmes/${id}/assessments/start`, {
          token: await h.token(u),
          body: { ratings: { ai: 2 } },
        });
        expect(res.status).toBe(200);
      }),
    ];
    for (const answer of answers) {
      await answer();
      sinceChange++;
      const now = await ratingView();
      if (JSON.stringify(now) !== JSON.stringify(shown)) {
        expect(sinceChange).toBeGreaterThanOrEqual(THRESHOLD);
        sinceChange = 0;
        changes++;
        shown = now;
      }
    }
    // Steps at 3, 6 and 9 answers (start self-assessments alone show no change): every rating is in by then.
    expect(changes).toBe(3);
    expect(shown.ratings.count).toBe(people.length);
  });

  it('shows a changed rating only with the next step: one person changing their mind moves nothing', async () => {
    const before = await ratingView();
    await rate(MENTEES[0] as string, 1);
    expect(await ratingView()).toEqual(before);
    await rate(MENTEES[0] as string, 5);
    expect(await ratingView()).toEqual(before);
  });
});
