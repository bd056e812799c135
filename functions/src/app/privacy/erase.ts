/**
 * GDPR Art. 17: erases the caller. Their pairs end (partners are re-matched), and every document
 * that names them is deleted or rewritten under a random pseudonym that is stored nowhere, so the
 * programme's totals (funnel, meetings, ratings, self-assessment change) stay right while nothing
 * leads back to the person. Free text they wrote is deleted. The `directory` container is a copy of
 * Microsoft Entra ID (re-synced nightly) and is left to the directory's own lifecycle.
 */
import { randomUUID } from 'node:crypto';
import { assessmentId, feedbackId, type Participant } from '../../core/model';
import { toArray, type Collection } from '../../ports/store';
import type { Doc } from '../../core/model';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import type { Caller } from '../caller';
import { endPairsOf } from '../support/end-pairs';
import { rematchAffected } from '../matching/rematch';
import { mentions } from './export';
import { update } from '../support/update';

export interface ErasureResult {
  programmes: number;
  pairsEnded: number;
  anonymised: number;
  deleted: number;
}

/** Replaces every occurrence of the id in a document (ids are opaque tokens, never part of other words). */
function swapId<T>(doc: T, id: string, pseudonym: string): T {
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

export async function eraseMe(deps: AppDeps, caller: Caller): Promise<ErasureResult> {
  const id = caller.userId;
  const pseudonym = `erased-${randomUUID()}`;
  const s = deps.store;
  const now = nowIso(deps.clock);
  const result: ErasureResult = { programmes: 0, pairsEnded: 0, anonymised: 0, deleted: 0 };

  const participations = await toArray(s.participants.all(undefined, { where: { userId: id } }));
  for (const p of participations) {
    const freed = await endPairsOf(deps, p.programmeId, id, 'left', 'erasure');
    result.pairsEnded += freed.length;
    if (freed.length) await rematchAffected(deps, p.programmeId, freed, 'erasure');
  }
  for (const p of await toArray(s.participants.all(undefined, { where: { userId: id } }))) {
    const kept: Participant = {
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
    await s.participants.create(kept);
    await s.participants.delete(p.programmeId, p.id);
    result.programmes++;
    result.anonymised++;
  }

  for (const field of ['mentorId', 'menteeId'] as const) {
    for (const pair of await toArray(s.pairs.all(undefined, { where: { [field]: id } }))) {
      const side = field === 'mentorId' ? 'mentor' : 'mentee';
      await rewrite(s.pairs, pair, (p) => {
        const { reason: _reason, ...answer } = p[side];
        return swapId({ ...p, [side]: answer }, id, pseudonym);
      });
      result.anonymised++;
    }
  }
  for (const programmeId of new Set(participations.map((p) => p.programmeId))) {
    // Partners' enrollments name the person among their past partners (never proposed again).
    for (const other of await toArray(s.participants.all(programmeId))) {
      if (other.id === pseudonym || !mentions(other, id)) continue;
      await rewrite(s.participants, other, (doc) => swapId(doc, id, pseudonym));
      result.anonymised++;
    }
    for (const series of await toArray(s.meetings.all(programmeId))) {
      if (!mentions(series, id)) continue;
      await rewrite(s.meetings, series, (m) => swapId(m, id, pseudonym));
      result.anonymised++;
    }
    for (const job of await toArray(s.jobs.all(programmeId))) {
      if (!mentions(job, id)) continue;
      await rewrite(s.jobs, job, (j) => swapId(j, id, pseudonym));
      result.anonymised++;
    }
  }
  for (const f of await toArray(s.feedback.all(undefined, { where: { userId: id } }))) {
    const { learnt: _l, nextTopic: _n, ...rest } = strip(f);
    await s.feedback.upsert({
      ...rest,
      id: feedbackId(f.pairId, pseudonym, f.occurrenceIndex),
      pairId: f.pairId,
      userId: pseudonym,
    });
    await s.feedback.delete(f.programmeId, f.id);
    result.anonymised++;
  }
  for (const a of await toArray(s.assessments.all(undefined, { where: { userId: id } }))) {
    await s.assessments.upsert({ ...strip(a), id: assessmentId(pseudonym, a.kind), userId: pseudonym });
    await s.assessments.delete(a.programmeId, a.id);
    result.anonymised++;
  }
  // What the person did as a programme manager stays, under the pseudonym.
  for (const programme of await toArray(s.programmes.all(undefined, { where: { createdBy: id } }))) {
    await rewrite(s.programmes, programme, (p) => swapId(p, id, pseudonym));
    result.anonymised++;
  }
  for (const p of await toArray(s.participants.all(undefined, { where: { invitedBy: id } }))) {
    await rewrite(s.participants, p, (doc) => ({ ...doc, invitedBy: pseudonym }));
    result.anonymised++;
  }
  for (const job of await toArray(s.jobs.all(undefined, { where: { requestedBy: id } }))) {
    await rewrite(s.jobs, job, (j) => swapId(j, id, pseudonym));
    result.anonymised++;
  }
  for (const field of ['actor', 'target'] as const) {
    for (const entry of await toArray(s.audit.all(undefined, { where: { [field]: id } }))) {
      await rewrite(s.audit, entry, (e) => swapId(e, id, pseudonym));
      result.anonymised++;
    }
  }
  // Queued and sent messages, replay caches, interest records and the bot conversation are deleted outright.
  // Notifications name people only as their recipient (params hold ids of pairs and programmes).
  for (const m of await toArray(s.outbox.all(undefined, { where: { recipient: id } }))) {
    await s.outbox.delete(m.batchId, m.id);
    result.deleted++;
  }
  for await (const r of s.idempotency.all(undefined)) {
    if (mentions(r, id)) {
      await s.idempotency.delete(r.scope, r.id);
      result.deleted++;
    }
  }
  // The interest list is a wish to be contacted: without the person it means nothing.
  for (const i of await toArray(s.interest.all(undefined, { where: { userId: id } }))) {
    await s.interest.delete(i.programmeId, i.id);
    result.deleted++;
  }
  if (await s.conversations.find(id, id)) {
    await s.conversations.delete(id, id);
    result.deleted++;
  }
  for await (const record of s.state.all(undefined)) {
    if (!mentions(record, id)) continue;
    // A list (such as the local demo's sign-in accounts) loses the person's entry; anything else is pseudonymised.
    await rewrite(s.state, record, (r) =>
      Array.isArray(r.value)
        ? { ...r, value: r.value.filter((v: unknown) => !mentions(v, id)) }
        : swapId(r, id, pseudonym),
    );
    result.anonymised++;
  }
  return result;
}
