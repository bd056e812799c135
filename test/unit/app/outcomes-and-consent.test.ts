/**
 * Outcomes and withdrawing consent, on the use cases (in-memory store): the start self-assessment in
 * execution, the end one only in the week of the person's last session, the change per topic in the
 * report; withdrawing consent ends the pair and leaves nothing of the person in the programme.
 */
import { ConflictError, InvalidError, NotFoundError } from '../../../functions/src/core/errors';
import type { Pair } from '../../../functions/src/core/model';
import { changePhase } from '../../../functions/src/app/phase';
import { submitAssessment } from '../../../functions/src/app/feedback';
import { programmeReport } from '../../../functions/src/app/report';
import { withdrawConsent } from '../../../functions/src/app/privacy/consent';
import { assessmentSchema } from '../../../functions/src/app/schemas';
import type { Stored } from '../../../functions/src/ports/store';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import {
  confirmAll,
  matchAndPublish,
  MENTEES,
  MENTORS,
  programmeInMatching,
  rejection,
} from '../../support/use-case-flow';
import { storeText } from '../../support/store-text';
import { testOrg } from '../../support/org';

const DAY = 24 * 3600 * 1000;
let w: UseCaseWorld;
let id: string;
let pairs: Stored<Pair>[];
beforeEach(async () => {
  w = await useCaseWorld();
  id = await programmeInMatching(w);
  pairs = await matchAndPublish(w, id);
  await confirmAll(w, id, pairs);
  await changePhase(w.deps, w.manager, id, 'execution');
});

const assess = (userId: string, kind: 'start' | 'end', ai: number, extra: Record<string, unknown> = {}) =>
  submitAssessment(w.deps, w.person(userId), id, kind, assessmentSchema.parse({ ratings: { ai }, ...extra }));

describe('self-assessments', () => {
  it('opens the end one only in the week of the person’s last session', async () => {
    const mentor = pairs[0]!.mentorId;
    expect(await rejection(assess(mentor, 'end', 4))).toBeInstanceOf(ConflictError);
    const series = await w.deps.store.meetings.get(id, `${pairs[0]!.id}-series`);
    const last = Date.parse(series.occurrences.at(-1)!.start);
    w.clock.set(new Date(last - 8 * DAY).toISOString());
    expect(await rejection(assess(mentor, 'end', 4))).toBeInstanceOf(ConflictError);
    w.clock.advance(2 * DAY);
    expect((await assess(mentor, 'end', 4)).kind).toBe('end');
  });

  it('asks only mentors what they gained, rates the programme’s topics only, and is for people taking part', async () => {
    await changePhase(w.deps, w.manager, id, 'steering');
    const gains = { gains: { leadership: 4 } };
    expect(await rejection(assess(pairs[0]!.menteeId, 'end', 4, gains))).toBeInstanceOf(InvalidError);
    expect((await assess(pairs[0]!.mentorId, 'end', 4, gains)).gains).toEqual({ leadership: 4 });
    const knitting = assessmentSchema.parse({ ratings: { knitting: 3 } });
    expect(await rejection(submitAssessment(w.deps, w.person(MENTEES[0]!), id, 'end', knitting))).toBeInstanceOf(
      InvalidError,
    );
    expect(await rejection(assess('manager-1', 'end', 4))).toBeInstanceOf(NotFoundError);
  });

  it('reports the change per topic and role once enough people answered, without anyone’s answer', async () => {
    for (const userId of [...MENTEES, ...MENTORS]) await assess(userId, 'start', 2);
    await changePhase(w.deps, w.manager, id, 'steering');
    for (const userId of [...MENTEES, ...MENTORS]) await assess(userId, 'end', 4);
    const report = await programmeReport(w.deps, w.hr, id);
    const ai = report.assessments.find((a) => a.topicId === 'ai' && a.role === 'mentee');
    expect(ai).toMatchObject({ people: 4, startAverage: 2, endAverage: 4, change: 2 });
  });
});

describe('withdrawing consent', () => {
  it('ends the person’s pair and leaves nothing of them in the programme; the others stay', async () => {
    const pair = pairs[0]!;
    const me = pair.menteeId;
    expect(await withdrawConsent(w.deps, w.person(me), id)).toMatchObject({ withdrawn: true });
    expect((await w.deps.store.pairs.get(id, pair.id)).status).toBe('ended');
    const text = await storeText(w.deps.store);
    expect(text).not.toContain(me);
    expect(text).not.toContain(testOrg().find((u) => u.id === me)!.displayName);
    for (const other of [...MENTEES.filter((m) => m !== me), ...MENTORS]) expect(text).toContain(other);
  });
});
