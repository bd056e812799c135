/** Programme use cases: create, read, list and change the frame of a programme. */
import { ConflictError, InvalidError } from '../core/errors';
import {
  DEFAULT_ANONYMITY_FLOOR,
  DEFAULT_ANONYMITY_THRESHOLD,
  DEFAULT_CADENCE,
  thresholdChangeError,
  PROGRAMME_SCHEMA_VERSION,
  assertValidProgramme,
  consentTextOf,
  STANDARD_CONSENT_TEXT,
  type Programme,
} from '../core/model';
import { type Page, type Stored } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, canReadReports, isManager, type Caller } from './caller';
import type { CreateProgrammeInput, PageQuery, UpdateProgrammeInput } from './schemas';
import { loadProgramme, loadVisibleProgramme } from './support/access';
import { audit } from './support/audit';
import { newId } from './support/ids';
import { assertIfMatch, update } from './support/update';
import { bookEventsWithin } from './book-soon';

const EVENT_FIELDS = ['kickoffAt', 'closingAt', 'timeZone', 'kickoffMinutes', 'closingMinutes'] as const;

/** The organisation's floor for anonymity thresholds. */
export function anonymityFloor(deps: Pick<AppDeps, 'policy'>): number {
  return deps.policy?.anonymityFloor ?? DEFAULT_ANONYMITY_FLOOR;
}

function assertThreshold(current: number | undefined, next: number, floor: number, anyoneOptedIn: boolean): void {
  const why = thresholdChangeError(current, next, floor, anyoneOptedIn);
  if (!why) return;
  if (anyoneOptedIn && current !== undefined && next >= floor)
    throw new ConflictError(`The anonymity threshold ${why}.`);
  throw new InvalidError(`The anonymity threshold ${why}.`, { anonymityThreshold: [why] });
}

export async function createProgramme(
  deps: AppDeps,
  caller: Caller,
  input: CreateProgrammeInput,
): Promise<Stored<Programme>> {
  assertManager(caller);
  const floor = anonymityFloor(deps);
  const threshold = input.anonymityThreshold ?? Math.max(DEFAULT_ANONYMITY_THRESHOLD, floor);
  assertThreshold(undefined, threshold, floor, false);
  const now = nowIso(deps.clock);
  const programme: Programme = {
    id: newId('prog'),
    schemaVersion: PROGRAMME_SCHEMA_VERSION,
    name: input.name,
    description: input.description ?? '',
    topics: input.topics,
    phase: 'draft',
    cadence: input.cadence ?? { ...DEFAULT_CADENCE },
    ...(input.kickoffAt ? { kickoffAt: new Date(input.kickoffAt).toISOString() } : {}),
    ...(input.closingAt ? { closingAt: new Date(input.closingAt).toISOString() } : {}),
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    ...(input.kickoffMinutes ? { kickoffMinutes: input.kickoffMinutes } : {}),
    ...(input.closingMinutes ? { closingMinutes: input.closingMinutes } : {}),
    mentorCapacity: input.mentorCapacity ?? 1,
    trainingRequired: input.trainingRequired ?? true,
    ...(input.trainingModules?.length ? { trainingModules: input.trainingModules } : {}),
    anonymityThreshold: threshold,
    organizer: input.organizer ?? { kind: 'mentee' },
    ...(input.weights ? { weights: input.weights } : {}),
    ...(input.retentionMonths ? { retentionMonths: input.retentionMonths } : {}),
    ...(input.pairHealthNotices === false ? { pairHealthNotices: false } : {}),
    consentTextVersion: input.consentTextVersion ?? '1',
    consentTexts: [
      { version: input.consentTextVersion ?? '1', ...(input.consentText ?? STANDARD_CONSENT_TEXT), at: now },
    ],
    createdBy: caller.userId,
    createdAt: now,
    updatedAt: now,
    phaseChangedAt: now,
  };
  assertValidProgramme(programme);
  const stored = await deps.store.programmes.create(programme);
  await audit(deps, programme.id, caller.userId, 'programme.created', undefined, {
    anonymityThreshold: threshold,
  });
  return stored;
}

/** A programme the caller may see: managers and HR see every one, anyone else those they were invited to. */
export async function getProgramme(
  deps: Pick<AppDeps, 'store'>,
  caller: Caller,
  id: string,
): Promise<Stored<Programme>> {
  return (await loadVisibleProgramme(deps, caller, id)).programme;
}

/**
 * A programme as its invitations and announcements present it (name, phase, consent text, training
 * modules): readable by anyone who received one, because an announcement reaches people who are not
 * part of the programme yet (and an invitation people who have not opted in).
 */
export function getAnnouncedProgramme(deps: Pick<AppDeps, 'store'>, id: string): Promise<Stored<Programme>> {
  return loadProgramme(deps, id);
}

/** Managers and HR list every programme (newest first); anyone else the programmes they were invited to. */
export async function listProgrammes(deps: AppDeps, caller: Caller, page: PageQuery): Promise<Page<Stored<Programme>>> {
  if (isManager(caller) || canReadReports(caller)) {
    return deps.store.programmes.list(undefined, {
      orderBy: 'createdAt',
      descending: true,
      ...(page.pageSize ? { pageSize: page.pageSize } : {}),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    });
  }
  const enrollments = await deps.store.participants.list(undefined, {
    where: { userId: caller.userId },
    orderBy: 'invitedAt',
    descending: true,
    ...(page.pageSize ? { pageSize: page.pageSize } : {}),
    ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
  });
  const items = await Promise.all(
    enrollments.items.map((e) => deps.store.programmes.find(e.programmeId, e.programmeId)),
  );
  return {
    items: items.filter((p): p is Stored<Programme> => p !== undefined),
    ...(enrollments.continuationToken ? { continuationToken: enrollments.continuationToken } : {}),
  };
}

/** Which fields may still change in each phase: the frame is fixed once pairs meet. */
const FRAME_FIELDS = [
  'topics',
  'cadence',
  'mentorCapacity',
  'trainingRequired',
  'trainingModules',
  'weights',
  'consentTextVersion',
  'consentText',
];

/** Keeps the wording of the programme's consent text version; a version's wording never changes (409). */
function recordConsentText(p: Programme, wording: UpdateProgrammeInput['consentText'], now: string): void {
  const version = p.consentTextVersion;
  const existing = consentTextOf(p, version);
  if (existing && wording && (existing.de !== wording.de || existing.en !== wording.en))
    throw new ConflictError(
      `Consent text version ${version} already has its wording; give the new wording a new version.`,
    );
  if (!existing)
    p.consentTexts = [...(p.consentTexts ?? []), { version, ...(wording ?? STANDARD_CONSENT_TEXT), at: now }];
}

export async function updateProgramme(
  deps: AppDeps,
  caller: Caller,
  id: string,
  input: UpdateProgrammeInput,
  ifMatch?: string,
): Promise<Stored<Programme>> {
  assertManager(caller);
  const current = await loadVisibleProgramme(deps, caller, id);
  assertIfMatch(current.programme, ifMatch, `programmes/${id}`);
  // Only the retention period may change after the close, until the retention job has run.
  const onlyRetention = Object.keys(input).every((k) => k === 'retentionMonths');
  if (current.programme.phase === 'closed' && (!onlyRetention || current.programme.anonymisedAt))
    throw new ConflictError('A closed programme cannot change.');
  const frozen = FRAME_FIELDS.filter((f) => f in input);
  if (frozen.length && !['draft', 'preparation', 'matching'].includes(current.programme.phase))
    throw new ConflictError(`${frozen.join(', ')} cannot change once the programme is in ${current.programme.phase}.`);
  if (input.topics)
    await assertTopicsStillCover(
      deps,
      id,
      input.topics.map((t) => t.id),
    );
  const threshold = input.anonymityThreshold;
  // Programmes from before `optedInSince` existed: their participants tell whether anyone opted in.
  const optedInBefore =
    threshold !== undefined && !current.programme.optedInSince && (await anyoneEverOptedIn(deps, id));
  const floor = anonymityFloor(deps);
  let previousThreshold = current.programme.anonymityThreshold;
  const now = nowIso(deps.clock);
  const stored = await update(
    deps.store.programmes,
    id,
    id,
    (p) => {
      // Checked on the version written: an opt-in marks the programme first, so the two cannot cross.
      if (threshold !== undefined)
        assertThreshold(p.anonymityThreshold, threshold, floor, Boolean(p.optedInSince) || optedInBefore);
      previousThreshold = p.anonymityThreshold;
      const next: Programme = { ...p, updatedAt: now };
      for (const [key, value] of Object.entries(input)) {
        if (value === undefined || key === 'consentText') continue;
        if (value === null) delete (next as unknown as Record<string, unknown>)[key];
        else if (key === 'kickoffAt' || key === 'closingAt') next[key] = new Date(value as string).toISOString();
        else (next as unknown as Record<string, unknown>)[key] = value;
      }
      if (input.consentText || input.consentTextVersion !== undefined) recordConsentText(next, input.consentText, now);
      assertValidProgramme(next);
      return next;
    },
    ifMatch,
  );
  await audit(deps, id, caller.userId, 'programme.updated', undefined, { fields: Object.keys(input).join(',') });
  // A new time (or length, or zone) of the kick-off or closing reaches every calendar now.
  if (stored.publishedAt && EVENT_FIELDS.some((k) => input[k] !== undefined && current.programme[k] !== stored[k]))
    await bookEventsWithin(deps, id);
  if (stored.anonymityThreshold !== previousThreshold)
    await audit(deps, id, caller.userId, 'programme.anonymity-threshold', undefined, {
      from: previousThreshold,
      to: stored.anonymityThreshold,
    });
  return stored;
}

/** Whether anyone ever opted in to the programme (also those who paused or left since). */
async function anyoneEverOptedIn(deps: AppDeps, programmeId: string): Promise<boolean> {
  for await (const p of deps.store.participants.all(programmeId, { where: { status: ['opted-in', 'paused', 'left'] } }))
    if (p.optedInAt) return true;
  return false;
}

/** A topic that someone chose when opting in cannot be removed under their feet. */
async function assertTopicsStillCover(deps: AppDeps, programmeId: string, topicIds: string[]): Promise<void> {
  const keep = new Set(topicIds);
  for await (const p of deps.store.participants.all(programmeId, { where: { status: ['opted-in', 'paused'] } })) {
    const used = [...(p.teachTopics ?? []), ...(p.learnTopics ?? [])].find((t) => !keep.has(t));
    if (used) throw new ConflictError(`Topic "${used}" is chosen by participants and cannot be removed.`);
  }
}
