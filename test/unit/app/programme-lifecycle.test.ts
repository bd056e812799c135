/**
 * A programme's main flow through the use cases on the in-memory store: invite → opt in with consent →
 * certified matching outside every management chain → publish → confirm → one booked series per pair
 * → feedback → report. The same flow through HTTP and Cosmos DB: test/integration/api/programme-flow.test.ts.
 */
import { changePhase } from '../../../functions/src/app/phase';
import { submitFeedback } from '../../../functions/src/app/feedback';
import { programmeReport } from '../../../functions/src/app/report';
import { feedbackSchema } from '../../../functions/src/app/schemas';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import {
  confirmAll,
  matchAndPublish,
  MENTEES,
  MENTORS,
  pairsOf,
  programmeInMatching,
  runMatching,
} from '../../support/use-case-flow';
import { testOrgHierarchy } from '../../support/org';

let w: UseCaseWorld;

beforeEach(async () => {
  w = await useCaseWorld();
});

describe('a programme through the use cases, draft to report', () => {
  it('matches every mentee with a mentor outside their management chain, with a certified optimal run', async () => {
    const id = await programmeInMatching(w);
    const job = await runMatching(w, id);
    expect(job.status).toBe('succeeded');
    const pairs = await pairsOf(w, id);
    expect(pairs).toHaveLength(4);
    const hierarchy = testOrgHierarchy();
    for (const p of pairs) {
      expect(MENTORS).toContain(p.mentorId);
      expect(MENTEES).toContain(p.menteeId);
      expect(hierarchy.sameChain(p.mentorId, p.menteeId)).toBe(false);
      expect(p.status).toBe('proposed');
      expect(p.publishedAt).toBeUndefined();
    }
    expect(job.result).toMatchObject({ optimal: true, unmatched: [] });
  });

  it('books exactly one series per confirmed pair when execution starts, then takes feedback and reports it anonymously', async () => {
    const id = await programmeInMatching(w);
    const pairs = await matchAndPublish(w, id);
    await confirmAll(w, id, pairs);
    await changePhase(w.deps, w.manager, id, 'execution');

    const after = await pairsOf(w, id);
    expect(after.map((p) => [p.status, p.booking])).toEqual(pairs.map(() => ['active', 'booked']));
    expect(w.calendar.creates()).toBe(4);
    const series = await w.deps.store.meetings.get(id, `${pairs[0]!.id}-series`);
    expect(series.status).toBe('booked');

    w.clock.set(series.occurrences[0]!.end);
    const pair = pairs[0]!;
    for (const userId of [pair.mentorId, pair.menteeId])
      await submitFeedback(
        w.deps,
        w.person(userId),
        id,
        feedbackSchema.parse({ pairId: pair.id, occurrenceIndex: 0, rating: 5, learnt: 'How to prompt well.' }),
      );
    expect((await w.deps.store.meetings.get(id, series.id)).occurrences[0]!.status).toBe('held');

    await changePhase(w.deps, w.manager, id, 'steering');
    const report = await programmeReport(w.deps, w.hr, id);
    expect(report.funnel).toEqual({ invited: 8, optedIn: 8, matched: 8, confirmed: 8, active: 8, completed: 0 });
    expect(report.ratings).toMatchObject({ count: 2, raters: 2, distribution: { '5': 2 } });
    const text = JSON.stringify(report);
    expect(text).not.toContain('How to prompt well.');
    for (const userId of [...MENTEES, ...MENTORS]) expect(text).not.toContain(userId);
  });
});
