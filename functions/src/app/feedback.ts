/**
 * Feedback after a session and the start / end self-assessments. A second submit for the same
 * session (or kind) replaces the first: ids are stable per person and session.
 */
import { coded, ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../core/errors';
import {
  ASSESSMENT_SCHEMA_VERSION,
  FEEDBACK_SCHEMA_VERSION,
  assessmentId,
  endAssessmentOpensAt,
  isAssessmentOpen,
  feedbackId,
  roleIn,
  type Assessment,
  type AssessmentKind,
  type Feedback,
  type MeetingSeries,
  type OccurrenceStatus,
  type Programme,
} from '../core/model';
import { toArray, type Collection, type Stored } from '../ports/store';
import type { Doc } from '../core/model';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import type { Caller } from './caller';
import type { AssessmentInput, FeedbackInput } from './schemas';
import { loadProgramme, requireEnrollment } from './support/access';
import { retryUnlessIfMatch, update } from './support/update';

/** Creates the document, or replaces the stored one (keeping its creation time). */
async function put<T extends Doc & { createdAt: string }>(
  collection: Collection<T>,
  partitionKey: string,
  doc: T,
): Promise<Stored<T>> {
  return retryUnlessIfMatch(undefined, async () => {
    const existing = await collection.find(partitionKey, doc.id);
    if (!existing) {
      try {
        return await collection.create(doc);
      } catch (err) {
        if (err instanceof ConflictError && err.reason === 'exists') throw new ConflictError('retry', 'stale');
        throw err;
      }
    }
    return collection.replace({ ...doc, createdAt: existing.createdAt }, existing.etag);
  });
}

export async function seriesOfPair(
  deps: Pick<AppDeps, 'store'>,
  programmeId: string,
  pairId: string,
): Promise<Stored<MeetingSeries>[]> {
  return toArray(deps.store.meetings.all(programmeId, { where: { pairId } }));
}

export async function submitFeedback(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  input: FeedbackInput,
): Promise<Stored<Feedback>> {
  const pair = await deps.store.pairs.find(programmeId, input.pairId);
  if (!pair || !pair.publishedAt) throw new NotFoundError(`There is no pair "${input.pairId}" in this programme.`);
  const role = roleIn(pair, caller.userId);
  if (!role)
    throw coded(new ForbiddenError('Only the two people in a pair give feedback on its sessions.'), 'not-in-pair');
  if (pair.status !== 'active' && !(pair.status === 'ended' && pair.booking === 'booked'))
    throw new ConflictError('Feedback is for sessions of a pair that has met.');
  const series = (await seriesOfPair(deps, programmeId, pair.id)).find((s) => s.kind === 'pair-series');
  const occurrence = series?.occurrences.find((o) => o.index === input.occurrenceIndex);
  if (!series || !occurrence)
    throw new InvalidError('There is no such session.', { occurrenceIndex: ['not a session of this pair'] });
  if (Date.parse(occurrence.start) > deps.clock.now().getTime())
    throw coded(new ConflictError('This session has not started yet.'), 'session-not-started');
  if (occurrence.status === 'cancelled') throw new ConflictError('This session was cancelled.');
  const now = nowIso(deps.clock);
  const stored = await put(deps.store.feedback, programmeId, {
    id: feedbackId(pair.id, caller.userId, input.occurrenceIndex),
    schemaVersion: FEEDBACK_SCHEMA_VERSION,
    programmeId,
    pairId: pair.id,
    userId: caller.userId,
    role,
    occurrenceIndex: input.occurrenceIndex,
    rating: input.rating,
    held: input.held,
    ...(input.learnt ? { learnt: input.learnt } : {}),
    ...(input.nextTopic ? { nextTopic: input.nextTopic } : {}),
    createdAt: now,
    updatedAt: now,
  });
  await markOccurrence(deps, series, input.occurrenceIndex, input.held);
  return stored;
}

/** A session counts as held once either person says so; "not held" never overrides "held". */
async function markOccurrence(deps: AppDeps, series: MeetingSeries, index: number, held: boolean): Promise<void> {
  await update(deps.store.meetings, series.programmeId, series.id, (s) => {
    const occurrences = s.occurrences.map((o) => {
      if (o.index !== index || o.status === 'cancelled' || o.status === 'held') return o;
      const status: OccurrenceStatus = held ? 'held' : 'missed';
      return { ...o, status };
    });
    return { ...s, occurrences };
  });
}

export async function listOwnFeedback(deps: AppDeps, caller: Caller, programmeId: string): Promise<Stored<Feedback>[]> {
  await requireEnrollment(deps, programmeId, caller.userId);
  return toArray(deps.store.feedback.all(programmeId, { where: { userId: caller.userId }, orderBy: 'createdAt' }));
}

/** The person's own meeting series in the programme (of every pair they were in). */
async function ownSeries(deps: Pick<AppDeps, 'store'>, programmeId: string, userId: string) {
  const pairs = [
    ...(await toArray(deps.store.pairs.all(programmeId, { where: { mentorId: userId } }))),
    ...(await toArray(deps.store.pairs.all(programmeId, { where: { menteeId: userId } }))),
  ].filter((p) => p.publishedAt);
  return (await Promise.all(pairs.map((p) => seriesOfPair(deps, programmeId, p.id)))).flat();
}

/** Whether the person's `kind` self-assessment is open now (the end one: in the week of their last session). */
export async function isOwnAssessmentOpen(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  programme: Pick<Programme, 'id' | 'phase'>,
  userId: string,
  kind: AssessmentKind,
): Promise<boolean> {
  const opensAt =
    kind === 'end' && programme.phase === 'execution'
      ? endAssessmentOpensAt(await ownSeries(deps, programme.id, userId))
      : undefined;
  return isAssessmentOpen(kind, programme.phase, opensAt, deps.clock.now().getTime());
}

export async function submitAssessment(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  kind: AssessmentKind,
  input: AssessmentInput,
): Promise<Stored<Assessment>> {
  const programme = await loadProgramme(deps, programmeId);
  const participant = await requireEnrollment(deps, programmeId, caller.userId);
  if (participant.status !== 'opted-in' || !participant.role)
    throw new ConflictError('Self-assessments are for people taking part in the programme.');
  if (!(await isOwnAssessmentOpen(deps, programme, caller.userId, kind)))
    throw new ConflictError(
      kind === 'end' && programme.phase === 'execution'
        ? 'The end self-assessment opens in the week of your last session.'
        : `The ${kind} self-assessment is not open in the ${programme.phase} phase.`,
    );
  // What mentors gain is asked of mentors, at the end.
  if (input.gains && (kind !== 'end' || participant.role !== 'mentor'))
    throw new InvalidError('Only a mentor’s end self-assessment asks what they gained.', {
      gains: ['only in a mentor’s end self-assessment'],
    });
  const topics = new Set(programme.topics.map((t) => t.id));
  const unknown = Object.keys(input.ratings).filter((t) => !topics.has(t));
  if (unknown.length)
    throw new InvalidError('Rate the programme’s topics only.', {
      ratings: [`not a topic of this programme: ${unknown.join(', ')}`],
    });
  const now = nowIso(deps.clock);
  return put(deps.store.assessments, programmeId, {
    id: assessmentId(caller.userId, kind),
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    programmeId,
    userId: caller.userId,
    role: participant.role,
    kind,
    ratings: input.ratings,
    ...(input.gains && Object.keys(input.gains).length ? { gains: input.gains } : {}),
    createdAt: now,
    updatedAt: now,
  });
}

export async function listOwnAssessments(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
): Promise<Stored<Assessment>[]> {
  await requireEnrollment(deps, programmeId, caller.userId);
  return toArray(deps.store.assessments.all(programmeId, { where: { userId: caller.userId } }));
}
