/**
 * Retention: once a closed programme is past its retention period (`retentionMonths` after the
 * close, default 12), its personal data is removed and only the report's aggregates remain. Every
 * person the programme names goes through `pseudonymisePerson`, the code erasure uses; then what
 * points into people's calendars or was written about them (Graph ids, join links, booking problems,
 * pair reasons, matching jobs, interest records, free text in audit details) is deleted.
 *
 * Resumable and idempotent: the pseudonyms are derived from a random salt kept in `state`
 * (`retention:<programmeId>`) only while the work is under way, so a run that stops half-way is
 * finished by the next one under the same pseudonyms; two runs at once write the same result.
 * The salt is deleted before the programme is marked done, so afterwards nothing leads back.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { ConflictError } from '../../core/errors';
import { retentionDueAt, type Programme } from '../../core/model';
import type { AuditEntry } from '../../core/model/audit';
import { toArray, type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { audit } from '../support/audit';
import { update } from '../support/update';
import { mentions } from './export';
import { deleteIfThere, pseudonymisePerson } from './pseudonymise';
import { computeProgrammeReport } from '../report';
import { snapshotReport } from '../report-snapshot';

export const RETENTION_ACTOR = 'timer:retention';

export interface RetentionCounts {
  people: number;
  anonymised: number;
  deleted: number;
}

export interface RetentionResult extends RetentionCounts {
  programmes: number;
}

/** Actors that are Tandem itself, not people. */
function isPerson(id: string | undefined): id is string {
  return Boolean(id) && !id!.includes(':') && !['reconciler', 'system'].includes(id!) && !isPseudonym(id!);
}

function isPseudonym(id: string): boolean {
  return id.startsWith('anon-') || id.startsWith('erased-');
}

/** The salt of a retention under way: created once, read back by every later run until it is done. */
async function saltOf(deps: AppDeps, programmeId: string): Promise<string> {
  const id = `retention:${programmeId}`;
  const existing = await deps.store.state.find(id, id);
  if (existing) return (existing.value as { salt: string }).salt;
  try {
    await deps.store.state.create({
      id,
      schemaVersion: 1,
      value: { salt: randomBytes(32).toString('hex') },
      updatedAt: nowIso(deps.clock),
    });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err; // another run created it first: use theirs
  }
  return ((await deps.store.state.get(id, id)).value as { salt: string }).salt;
}

/** Everyone the programme's documents name: participants, pair members, attendees, managers and other actors. */
async function peopleOf(deps: AppDeps, programme: Programme): Promise<string[]> {
  const s = deps.store;
  const id = programme.id;
  const people = new Set<string>([programme.createdBy, ...(programme.coManagers ?? [])]);
  for (const p of await toArray(s.participants.all(id))) people.add(p.userId).add(p.invitedBy);
  for (const p of await toArray(s.pairs.all(id))) people.add(p.mentorId).add(p.menteeId);
  for (const m of await toArray(s.meetings.all(id))) m.attendees.forEach((a) => people.add(a));
  for (const j of await toArray(s.jobs.all(id))) people.add(j.requestedBy);
  for (const a of await toArray(s.audit.all(id))) people.add(a.actor);
  for (const i of await toArray(s.interest.all(id))) people.add(i.userId);
  // Longest first: an id that is part of a longer one (mentee-1, mentee-10) is swapped after it.
  return [...people].filter(isPerson).sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** Removes the personal data of one closed programme; safe to run again at any point. */
export async function retainProgramme(deps: AppDeps, programmeId: string): Promise<RetentionCounts> {
  const s = deps.store;
  const programme = await s.programmes.get(programmeId, programmeId);
  if (programme.phase !== 'closed') throw new ConflictError('Only a closed programme’s data is removed.');
  const counts: RetentionCounts = { people: 0, anonymised: 0, deleted: 0 };
  if (programme.anonymisedAt) return counts;
  const salt = await saltOf(deps, programmeId);
  const pseudonymOf = (id: string) => `anon-${createHmac('sha256', salt).update(id).digest('hex').slice(0, 32)}`;

  for (const person of await peopleOf(deps, programme)) {
    const c = await pseudonymisePerson(deps, person, pseudonymOf(person), programmeId);
    counts.people++;
    counts.anonymised += c.anonymised;
    counts.deleted += c.deleted;
    // The bot conversation serves every programme: it goes when no other enrollment or programme names the person.
    const elsewhere = [
      ...(await toArray(s.participants.all(undefined, { where: { userId: person } }))),
      ...(await toArray(s.programmes.all(undefined, { where: { createdBy: person } }))),
    ];
    if (!elsewhere.length && (await s.conversations.find(person, person))) {
      await deleteIfThere(s.conversations, person, person);
      counts.deleted++;
    }
  }
  // What still points into calendars or holds words about people, with nobody's id in it any more.
  for (const m of await toArray(s.meetings.all(programmeId))) {
    if (!m.graphEventId && !m.joinUrl && !m.problem && !m.occurrences.some((o) => o.graphId)) continue;
    await update(s.meetings, programmeId, m.id, (doc) => {
      const { graphEventId: _g, joinUrl: _j, problem: _p, lease: _l, ...rest } = doc;
      return { ...rest, occurrences: doc.occurrences.map(({ graphId: _o, ...o }) => o) };
    });
    counts.anonymised++;
  }
  for (const p of await toArray(s.pairs.all(programmeId))) {
    if (!p.explanation.reasons.length && !p.mentor.reason && !p.mentee.reason) continue;
    await update(s.pairs, programmeId, p.id, (doc) => {
      const { reason: _a, ...mentor } = doc.mentor;
      const { reason: _b, ...mentee } = doc.mentee;
      return { ...doc, mentor, mentee, explanation: { ...doc.explanation, reasons: [] } };
    });
    counts.anonymised++;
  }
  for (const a of await toArray(s.audit.all(programmeId))) {
    if (!Object.values(a.details ?? {}).some((v) => typeof v === 'string')) continue;
    await update(s.audit, programmeId, a.id, (doc) => ({ ...doc, details: numbersOnly(doc) }));
    counts.anonymised++;
  }
  for (const j of await toArray(s.jobs.all(programmeId))) {
    await deleteIfThere(s.jobs, programmeId, j.id);
    counts.deleted++;
  }
  for (const i of await toArray(s.interest.all(programmeId))) {
    await deleteIfThere(s.interest, programmeId, i.id);
    counts.deleted++;
  }
  for await (const r of s.idempotency.all(undefined)) {
    if (!mentions(r, programmeId)) continue;
    await deleteIfThere(s.idempotency, r.scope, r.id);
    counts.deleted++;
  }
  // The salt goes first: from here on the pseudonyms lead nowhere, and a rerun finds nobody left.
  await deleteIfThere(s.state, `retention:${programmeId}`, `retention:${programmeId}`);
  // Counts of this run (a resumed run counts what was left), and the enrollments the totals keep.
  const enrollments = (await toArray(s.participants.all(programmeId))).length;
  await audit(deps, programmeId, RETENTION_ACTOR, 'programme.retention', undefined, { ...counts, enrollments });
  const now = nowIso(deps.clock);
  await update(s.programmes, programmeId, programmeId, (p) => ({ ...p, anonymisedAt: now, updatedAt: now }));
  // Nothing computed from the data as it was before stays in the store: the report's snapshot is rebuilt now.
  await snapshotReport(deps, programmeId, (p) => computeProgrammeReport(deps, p));
  return counts;
}

function numbersOnly(entry: AuditEntry): Record<string, number | boolean> {
  const kept: Record<string, number | boolean> = {};
  for (const [k, v] of Object.entries(entry.details ?? {})) if (typeof v !== 'string') kept[k] = v;
  return kept;
}

/** The daily job: every closed programme past its retention period. */
export async function applyRetention(deps: AppDeps): Promise<RetentionResult> {
  const now = deps.clock.now().getTime();
  const result: RetentionResult = { programmes: 0, people: 0, anonymised: 0, deleted: 0 };
  const closed: Stored<Programme>[] = await toArray(
    deps.store.programmes.all(undefined, { where: { phase: 'closed' } }),
  );
  for (const p of closed) {
    const due = retentionDueAt(p);
    if (p.anonymisedAt || !due || due.getTime() > now) continue;
    const c = await retainProgramme(deps, p.id);
    result.programmes++;
    result.people += c.people;
    result.anonymised += c.anonymised;
    result.deleted += c.deleted;
  }
  return result;
}
