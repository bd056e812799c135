/**
 * The one code path that removes a person from the store: erasure (GDPR Art. 17, all programmes)
 * and retention (one closed programme) both call `pseudonymisePerson`. Every document naming the
 * person is rewritten under a pseudonym that is stored nowhere afterwards, so the report's totals
 * (funnel, meetings, ratings, self-assessment change) stay right; free text is deleted.
 * Every step is idempotent: run again with the same pseudonym, it finds nothing left to change.
 */
import { assessmentId, feedbackId, type Participant } from '../../core/model';
import type { Doc } from '../../core/model';
import { NotFoundError } from '../../core/errors';
import { toArray, type Collection } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { update } from '../support/update';
import { mentions } from './export';

export interface PseudonymiseCounts {
  programmes: number;
  anonymised: number;
  deleted: number;
}

/** Replaces every occurrence of the id in a document (ids are opaque tokens, never part of other words). */
export function swapId<T>(doc: T, id: string, pseudonym: string): T {
  return JSON.parse(JSON.stringify(doc).split(id).join(pseudonym)) as T;
}

function strip<T extends { etag?: string }>(doc: T): Omit<T, 'etag'> {
  const { etag: _etag, ...rest } = doc;
  return rest;
}

/** Rewrites a document whose id does not change. */
async function rewrite<T extends Doc>(
  collection: Collection<T>,
  doc: T & { etag: string },
  change: (d: T) => T,
): Promise<void> {
  await update(collection, collection.partitionKeyOf(doc), doc.id, change);
}

/** Deletes, counting a document another run already deleted as done (resumable). */
export async function deleteIfThere<T extends Doc>(collection: Collection<T>, pk: string, id: string): Promise<void> {
  try {
    await collection.delete(pk, id);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
}

/** What an enrollment keeps once its person is gone: what the report's totals need, nothing else. */
export function keptEnrollment(p: Participant, id: string, pseudonym: string, now: string): Participant {
  return {
    id: pseudonym,
    schemaVersion: p.schemaVersion,
    programmeId: p.programmeId,
    userId: pseudonym,
    displayName: '',
    status: 'left',
    locale: p.locale,
    invitedAt: p.invitedAt,
    invitedBy: p.invitedBy === id ? pseudonym : p.invitedBy,
    ...(p.role ? { role: p.role } : {}),
    ...(p.teachTopics ? { teachTopics: p.teachTopics } : {}),
    ...(p.learnTopics ? { learnTopics: p.learnTopics } : {}),
    ...(p.optedInAt ? { optedInAt: p.optedInAt } : {}),
    ...(p.trainingCompletedAt ? { trainingCompletedAt: p.trainingCompletedAt } : {}),
    leftAt: p.leftAt ?? now,
    updatedAt: now,
    erasedAt: now,
  };
}

/**
 * Rewrites every document naming `id` under `pseudonym`, in one programme (`programmeId`) or in all.
 * The person's pairs must have ended before (erasure ends them; retention runs on closed programmes).
 * Not here: the bot conversation, remembered requests and `state` records, which are not per
 * programme (erasure deletes them; retention deletes the conversation of someone with no other programme).
 */
export async function pseudonymisePerson(
  deps: AppDeps,
  id: string,
  pseudonym: string,
  programmeId?: string,
): Promise<PseudonymiseCounts> {
  const s = deps.store;
  const now = nowIso(deps.clock);
  const counts: PseudonymiseCounts = { programmes: 0, anonymised: 0, deleted: 0 };
  const pk = programmeId;

  const participations = await toArray(s.participants.all(pk, { where: { userId: id } }));
  const programmeIds = new Set(participations.map((p) => p.programmeId));
  if (programmeId) programmeIds.add(programmeId);
  for (const p of participations) {
    // Written before the original is deleted: a stop in between leaves both, and the next run finishes.
    await s.participants.upsert(keptEnrollment(p, id, pseudonym, now));
    await deleteIfThere(s.participants, p.programmeId, p.id);
    counts.programmes++;
    counts.anonymised++;
  }
  for (const field of ['mentorId', 'menteeId'] as const) {
    for (const pair of await toArray(s.pairs.all(pk, { where: { [field]: id } }))) {
      const side = field === 'mentorId' ? 'mentor' : 'mentee';
      await rewrite(s.pairs, pair, (p) => {
        const { reason: _reason, ...answer } = p[side];
        return swapId({ ...p, [side]: answer }, id, pseudonym);
      });
      counts.anonymised++;
    }
  }
  for (const prog of programmeIds) {
    // Partners' enrollments name the person among their past partners (never proposed again).
    for (const other of await toArray(s.participants.all(prog))) {
      if (other.id === pseudonym || !mentions(other, id)) continue;
      await rewrite(s.participants, other, (doc) => swapId(doc, id, pseudonym));
      counts.anonymised++;
    }
    for (const series of await toArray(s.meetings.all(prog))) {
      if (!mentions(series, id)) continue;
      await rewrite(s.meetings, series, (m) => swapId(m, id, pseudonym));
      counts.anonymised++;
    }
    for (const job of await toArray(s.jobs.all(prog))) {
      if (!mentions(job, id)) continue;
      await rewrite(s.jobs, job, (j) => swapId(j, id, pseudonym));
      counts.anonymised++;
    }
  }
  for (const f of await toArray(s.feedback.all(pk, { where: { userId: id } }))) {
    const { learnt: _l, nextTopic: _n, ...rest } = strip(f);
    await s.feedback.upsert({
      ...rest,
      id: feedbackId(f.pairId, pseudonym, f.occurrenceIndex),
      pairId: f.pairId,
      userId: pseudonym,
    });
    await deleteIfThere(s.feedback, f.programmeId, f.id);
    counts.anonymised++;
  }
  for (const a of await toArray(s.assessments.all(pk, { where: { userId: id } }))) {
    await s.assessments.upsert({ ...strip(a), id: assessmentId(pseudonym, a.kind), userId: pseudonym });
    await deleteIfThere(s.assessments, a.programmeId, a.id);
    counts.anonymised++;
  }
  // What the person did as a programme manager stays, under the pseudonym.
  for (const programme of await toArray(s.programmes.all(pk, { where: { createdBy: id } }))) {
    await rewrite(s.programmes, programme, (p) => swapId(p, id, pseudonym));
    counts.anonymised++;
  }
  // A co-manager is named in the programme's list (not queryable by equality): programmes are few.
  for (const programme of await toArray(s.programmes.all(pk))) {
    if (programme.createdBy === id || !programme.coManagers?.includes(id)) continue;
    await rewrite(s.programmes, programme, (p) => ({
      ...p,
      coManagers: (p.coManagers ?? []).map((m) => (m === id ? pseudonym : m)),
    }));
    counts.anonymised++;
  }
  for (const p of await toArray(s.participants.all(pk, { where: { invitedBy: id } }))) {
    await rewrite(s.participants, p, (doc) => ({ ...doc, invitedBy: pseudonym }));
    counts.anonymised++;
  }
  for (const job of await toArray(s.jobs.all(pk, { where: { requestedBy: id } }))) {
    await rewrite(s.jobs, job, (j) => swapId(j, id, pseudonym));
    counts.anonymised++;
  }
  for (const field of ['actor', 'target'] as const) {
    for (const entry of await toArray(s.audit.all(pk, { where: { [field]: id } }))) {
      await rewrite(s.audit, entry, (e) => swapId(e, id, pseudonym));
      counts.anonymised++;
    }
  }
  // Notifications name people only as their recipient (params hold ids of pairs and programmes).
  for (const m of await toArray(s.outbox.all(undefined, { where: { recipient: id } }))) {
    if (programmeId && !mentions(m.payload, programmeId)) continue;
    await deleteIfThere(s.outbox, m.batchId, m.id);
    counts.deleted++;
  }
  // The interest list is a wish to be contacted: without the person it means nothing.
  for (const i of await toArray(s.interest.all(pk, { where: { userId: id } }))) {
    await deleteIfThere(s.interest, i.programmeId, i.id);
    counts.deleted++;
  }
  return counts;
}
