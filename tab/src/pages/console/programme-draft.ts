/** The programme form's state, its checks, and turning it into the API's create / update input. */
import type { Programme, Weekday } from '../../api/types';
import { utcToZoned, zonedToUtc } from '@tandem/core/schedule';
import { RETENTION_MONTHS } from '@tandem/core/model/programme';

export interface TopicDraft {
  id: string;
  /** The name in English, and in every language without its own. */
  name: string;
  /** The name in German, if it differs. */
  nameDe?: string;
  guideEn: string;
  guideDe: string;
}

export interface ProgrammeDraft {
  name: string;
  description: string;
  topics: TopicDraft[];
  intervalWeeks: number;
  weekday: Weekday;
  windowStart: string;
  windowEnd: string;
  sessionMinutes: number;
  sessions: number;
  /** yyyy-mm-dd, local; empty when not decided yet. */
  kickoffDate: string;
  closingDate: string;
  /** hh:mm, in `timeZone`, and length in minutes of the kick-off and the closing meeting. */
  kickoffTime: string;
  closingTime: string;
  kickoffMinutes: number;
  closingMinutes: number;
  /** The programme's IANA time zone: the events are at these wall-clock times there, for everyone. */
  timeZone: string;
  mentorCapacity: 1 | 2;
  trainingRequired: boolean;
  anonymityThreshold: number;
  organizerKind: 'mentee' | 'mailbox';
  organizerAddress: string;
  /** Months the personal data is kept after the programme closes (1–36). */
  retentionMonths: number;
  /** Whether managers are told when a pair may need attention. */
  pairHealthNotices: boolean;
}

export type DraftField = keyof ProgrammeDraft | `topics.${number}`;
export type DraftErrors = Partial<Record<DraftField, string>>;

export function emptyDraft(): ProgrammeDraft {
  return {
    name: '',
    description: '',
    topics: [{ id: '', name: '', guideEn: '', guideDe: '' }],
    intervalWeeks: 2,
    weekday: 'tue',
    windowStart: '09:00',
    windowEnd: '17:00',
    sessionMinutes: 45,
    sessions: 6,
    kickoffDate: '',
    closingDate: '',
    kickoffTime: '10:00',
    closingTime: '15:00',
    kickoffMinutes: 60,
    closingMinutes: 60,
    timeZone: browserTimeZone(),
    mentorCapacity: 1,
    trainingRequired: true,
    anonymityThreshold: 5,
    organizerKind: 'mentee',
    organizerAddress: '',
    retentionMonths: RETENTION_MONTHS.default,
    pairHealthNotices: true,
  };
}

/** The zone the browser runs in (the manager's), as the default for a new programme. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Date and time of an instant in the programme's zone, for the form. */
function localOf(iso: string | undefined, zone: string): { date: string; time: string } | undefined {
  return iso ? utcToZoned(Date.parse(iso), zone) : undefined;
}

export function draftOfProgramme(p: Programme): ProgrammeDraft {
  return {
    name: p.name,
    description: p.description,
    topics: p.topics.map((t) => ({
      id: t.id,
      name: t.names?.en?.trim() || t.name,
      nameDe: t.names?.de ?? '',
      guideEn: t.guide?.en ?? '',
      guideDe: t.guide?.de ?? '',
    })),
    intervalWeeks: p.cadence.intervalWeeks,
    weekday: p.cadence.weekday,
    windowStart: p.cadence.window.start,
    windowEnd: p.cadence.window.end,
    sessionMinutes: p.cadence.sessionMinutes,
    sessions: p.cadence.sessions,
    kickoffDate: localOf(p.kickoffAt, p.timeZone ?? 'UTC')?.date ?? '',
    closingDate: localOf(p.closingAt, p.timeZone ?? 'UTC')?.date ?? '',
    kickoffTime: localOf(p.kickoffAt, p.timeZone ?? 'UTC')?.time ?? '10:00',
    closingTime: localOf(p.closingAt, p.timeZone ?? 'UTC')?.time ?? '15:00',
    kickoffMinutes: p.kickoffMinutes ?? 60,
    closingMinutes: p.closingMinutes ?? 60,
    timeZone: p.timeZone ?? 'UTC',
    mentorCapacity: p.mentorCapacity,
    trainingRequired: p.trainingRequired,
    anonymityThreshold: p.anonymityThreshold,
    organizerKind: p.organizer.kind,
    organizerAddress: p.organizer.kind === 'mailbox' ? p.organizer.address : '',
    retentionMonths: p.retentionMonths ?? RETENTION_MONTHS.default,
    pairHealthNotices: p.pairHealthNotices ?? true,
  };
}

/** A topic id from its name: lower-case letters, digits and dashes, unique within the programme. */
export function topicId(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || 'topic';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Message keys per field; empty when the draft can be sent. */
/**
 * The errors shown once (after Next or Save) that still apply to the draft as it is now: an error
 * goes away as soon as its field is fixed, and no new one appears before the next check.
 */
export function remainingErrors(shown: DraftErrors, d: ProgrammeDraft): DraftErrors {
  const now = programmeDraftErrors(d);
  const out: DraftErrors = {};
  for (const key of Object.keys(shown) as (keyof DraftErrors)[]) if (now[key]) out[key] = now[key];
  return out;
}

export function programmeDraftErrors(d: ProgrammeDraft): DraftErrors {
  const e: DraftErrors = {};
  if (!d.name.trim()) e.name = 'programmeForm.error.name';
  if (!d.topics.some((t) => t.name.trim())) e.topics = 'programmeForm.error.topics';
  d.topics.forEach((t, i) => {
    if (!t.name.trim() && (t.guideEn || t.guideDe)) e[`topics.${i}`] = 'programmeForm.error.topicName';
  });
  if (
    !/^\d\d:\d\d$/.test(d.windowStart) ||
    !/^\d\d:\d\d$/.test(d.windowEnd) ||
    minutes(d.windowEnd) - minutes(d.windowStart) < d.sessionMinutes
  )
    e.windowEnd = 'programmeForm.error.window';
  if (!(d.sessionMinutes >= 15 && d.sessionMinutes <= 240)) e.sessionMinutes = 'programmeForm.error.sessionMinutes';
  if (!(d.sessions >= 1 && d.sessions <= 52)) e.sessions = 'programmeForm.error.sessions';
  if (!(d.intervalWeeks >= 1 && d.intervalWeeks <= 8)) e.intervalWeeks = 'programmeForm.error.interval';
  if (d.kickoffDate && d.closingDate && d.closingDate <= d.kickoffDate) e.closingDate = 'programmeForm.error.closing';
  for (const key of ['kickoffTime', 'closingTime'] as const)
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d[key])) e[key] = 'programmeForm.error.eventTime';
  for (const key of ['kickoffMinutes', 'closingMinutes'] as const)
    if (!(Number.isInteger(d[key]) && d[key] >= 15 && d[key] <= 480)) e[key] = 'programmeForm.error.eventMinutes';
  if (!validZone(d.timeZone)) e.timeZone = 'programmeForm.error.timeZone';
  if (!(d.anonymityThreshold >= 2 && d.anonymityThreshold <= 100))
    e.anonymityThreshold = 'programmeForm.error.threshold';
  if (!(
    Number.isInteger(d.retentionMonths) &&
    d.retentionMonths >= RETENTION_MONTHS.min &&
    d.retentionMonths <= RETENTION_MONTHS.max
  ))
    e.retentionMonths = 'programmeForm.error.retention';
  if (d.organizerKind === 'mailbox' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(d.organizerAddress))
    e.organizerAddress = 'programmeForm.error.mailbox';
  return e;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** Kick-off and closing: the day and time in the programme's zone, sent as the instant they are there. */
function instant(date: string, time: string, zone: string): string {
  return new Date(zonedToUtc(date, time, zone)).toISOString();
}

export function programmeInput(d: ProgrammeDraft) {
  const taken: string[] = [];
  const topics = d.topics
    .filter((t) => t.name.trim())
    .map((t) => {
      const id = t.id || topicId(t.name, taken);
      taken.push(id);
      const guide =
        t.guideEn.trim() || t.guideDe.trim() ? { guide: { en: t.guideEn.trim(), de: t.guideDe.trim() } } : {};
      const de = t.nameDe?.trim();
      return { id, name: t.name.trim(), ...(de ? { names: { en: t.name.trim(), de } } : {}), ...guide };
    });
  return {
    name: d.name.trim(),
    description: d.description.trim(),
    topics,
    cadence: {
      intervalWeeks: d.intervalWeeks,
      weekday: d.weekday,
      window: { start: d.windowStart, end: d.windowEnd },
      sessionMinutes: d.sessionMinutes,
      sessions: d.sessions,
    },
    ...(d.kickoffDate ? { kickoffAt: instant(d.kickoffDate, d.kickoffTime, d.timeZone) } : {}),
    ...(d.closingDate ? { closingAt: instant(d.closingDate, d.closingTime, d.timeZone) } : {}),
    timeZone: d.timeZone,
    kickoffMinutes: d.kickoffMinutes,
    closingMinutes: d.closingMinutes,
    mentorCapacity: d.mentorCapacity,
    trainingRequired: d.trainingRequired,
    anonymityThreshold: d.anonymityThreshold,
    retentionMonths: d.retentionMonths,
    pairHealthNotices: d.pairHealthNotices,
    organizer:
      d.organizerKind === 'mailbox'
        ? { kind: 'mailbox' as const, address: d.organizerAddress.trim() }
        : { kind: 'mentee' as const },
  };
}

/** Fields that are fixed once pairs meet (the API refuses them after matching). */
export const FRAME_FIELDS = ['topics', 'cadence', 'mentorCapacity', 'trainingRequired'] as const;

export function frameEditable(phase: Programme['phase']): boolean {
  return phase === 'draft' || phase === 'preparation' || phase === 'matching';
}
