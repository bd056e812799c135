/**
 * Outcomes and personal data on the use cases (in-memory store): the report is for HR and managers,
 * shows counts only and keeps groups under the anonymity threshold hidden; one person's export holds
 * their side only; their erasure leaves nothing of them and the report's totals unchanged.
 */
import { ForbiddenError } from '../../../functions/src/core/errors';
import type { Pair } from '../../../functions/src/core/model';
import { changePhase } from '../../../functions/src/app/phase';
import { submitFeedback } from '../../../functions/src/app/feedback';
import { programmeReport } from '../../../functions/src/app/report';
import { exportMyData } from '../../../functions/src/app/privacy/export';
import { eraseMe } from '../../../functions/src/app/privacy/erase';
import { feedbackSchema } from '../../../functions/src/app/schemas';
import { toArray, type Stored } from '../../../functions/src/ports/store';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import { confirmAll, matchAndPublish, programmeInMatching } from '../../support/use-case-flow';
import { storeText } from '../../support/store-text';
import { testOrg } from '../../support/org';

let w: UseCaseWorld;

/** A programme in execution whose first sessions were held, with feedback from `raters` pairs (both sides). */
async function programmeWithFeedback(
  raters: number,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; pairs: Stored<Pair>[] }> {
  const id = await programmeInMatching(w, { overrides });
  const pairs = await matchAndPublish(w, id);
  await confirmAll(w, id, pairs);
  await changePhase(w.deps, w.manager, id, 'execution');
  const series = await toArray(w.deps.store.meetings.all(id, { where: { kind: 'pair-series' } }));
  w.clock.set(
    series
      .map((s) => s.occurrences[0]!.end)
      .sort()
      .at(-1)!,
  );
  for (const pair of pairs.slice(0, raters))
    for (const userId of [pair.mentorId, pair.menteeId])
      await submitFeedback(
        w.deps,
        w.person(userId),
        id,
        feedbackSchema.parse({ pairId: pair.id, occurrenceIndex: 0, rating: 4, learnt: `Private note of ${userId}` }),
      );
  return { id, pairs };
}

beforeEach(async () => {
  w = await useCaseWorld();
});

describe('the programme report', () => {
  it('is for HR and programme managers, never for a participant', async () => {
    const { id, pairs } = await programmeWithFeedback(1);
    await expect(programmeReport(w.deps, w.person(pairs[0]!.menteeId), id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await programmeReport(w.deps, w.manager, id)).funnel.active).toBe(8);
  });

  it('shows ratings once enough people answered, never a name or a text', async () => {
    const { id } = await programmeWithFeedback(4);
    const report = await programmeReport(w.deps, w.hr, id);
    expect(report.ratings).toMatchObject({ count: 8, raters: 8, suppressed: false, distribution: { '4': 8 } });
    const text = JSON.stringify(report);
    expect(text).not.toContain('Private note');
    for (const u of testOrg()) expect(text).not.toContain(`"${u.id}"`);
  });

  it('hides the ratings while fewer people answered than the programme’s anonymity threshold', async () => {
    const { id } = await programmeWithFeedback(2, { anonymityThreshold: 5 });
    const report = await programmeReport(w.deps, w.hr, id);
    expect(report.anonymityThreshold).toBe(5);
    // Four answers are fewer than five: not even their number is released yet.
    expect(report.ratings).toMatchObject({ count: 0, raters: 0, suppressed: true, distribution: null, average: null });
  });
});

describe('one person’s data', () => {
  it('exports everything stored about the person, and only their side of it', async () => {
    const { id, pairs } = await programmeWithFeedback(4);
    const pair = pairs[0]!;
    const me = pair.menteeId;
    const data = await exportMyData(w.deps, w.person(me));
    expect(data).toMatchObject({ format: 'tandem-personal-data', userId: me });
    expect(data.participations.map((p) => [p.programmeId, p.consent?.textVersion])).toEqual([[id, '2026-01']]);
    expect(data.pairs.map((p) => p.id)).toEqual([pair.id]);
    expect(data.feedback.map((f) => f.learnt)).toEqual([`Private note of ${me}`]);
    expect(data.notifications.every((n) => n.recipient === me)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(`Private note of ${pair.mentorId}`);
  });

  it('erases the person: nothing of them is left, the partner’s records stay, the report’s totals do not move', async () => {
    const { id, pairs } = await programmeWithFeedback(4);
    const pair = pairs[1]!;
    const me = pair.menteeId;
    const person = testOrg().find((u) => u.id === me)!;
    const before = await programmeReport(w.deps, w.hr, id);

    expect(await eraseMe(w.deps, w.person(me))).toMatchObject({ programmes: 1 });

    const text = await storeText(w.deps.store);
    expect(text).not.toContain(me);
    expect(text).not.toContain(person.displayName);
    expect(text).not.toContain(person.mail!);
    expect(text).toContain(`Private note of ${pair.mentorId}`);
    const after = await programmeReport(w.deps, w.hr, id);
    expect(after.funnel).toEqual(before.funnel);
    expect(after.meetings).toEqual(before.meetings);
    expect(after.ratings).toEqual(before.ratings);
    const exported = await exportMyData(w.deps, w.person(me));
    expect(exported.participations).toEqual([]);
    expect(exported.feedback).toEqual([]);
  });
});
