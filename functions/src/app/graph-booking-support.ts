/** Helpers of the booking use cases: who is who in the calendar, working hours, the invitation body. */
import type { Locale, Participant, Programme, Weekday } from '../core/model';
import { localeOf, topicName } from '../core/model';
import { NotFoundError } from '../core/errors';
import type { WorkingHours } from '../core/schedule';
import type { CalendarPerson, CalendarPort, MailboxInfo } from '../ports/calendar';
import type { DirectoryReader } from '../ports/directory';
import type { Store } from '../ports/store';
import type { Clock } from '../ports/clock';
import type { Messenger } from '../ports/messenger';

/** What the booking use cases need (a subset of Services). */
export interface BookingDeps {
  store: Store;
  clock: Clock;
  messenger: Messenger;
  calendar: CalendarPort;
  directory: DirectoryReader;
}

const WORKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Calendar addresses of people from the directory; someone missing there cannot be booked. */
export async function calendarPeople(directory: DirectoryReader, ids: string[]): Promise<Map<string, CalendarPerson>> {
  const users = await directory.getUsers(ids);
  const people = new Map<string, CalendarPerson>();
  for (const u of users) {
    const mail = u.mail ?? u.userPrincipalName;
    if (mail) people.set(u.id, { id: u.id, mail, name: u.displayName });
  }
  const missing = ids.filter((id) => !people.has(id));
  if (missing.length) throw new NotFoundError(`Not in the directory (or without a mailbox): ${missing.join(', ')}.`);
  return people;
}

/** The mailbox's working hours, else Monday–Friday 09:00–17:00 in the best known zone. */
export function workingHoursOf(info: MailboxInfo | undefined, participant: Participant | undefined): WorkingHours {
  if (info?.workingHours) return info.workingHours;
  const timeZone = info?.timeZone ?? participant?.timeZone ?? 'UTC';
  return { days: WORKDAYS, start: '09:00', end: '17:00', timeZone };
}

export async function mailboxesOf(
  calendar: CalendarPort,
  ids: string[],
  prefetched?: Map<string, MailboxInfo>,
): Promise<Map<string, MailboxInfo>> {
  const missing = ids.filter((id) => !prefetched?.has(id));
  const fetched = missing.length ? await calendar.mailboxSettings(missing) : new Map<string, MailboxInfo>();
  const out = new Map<string, MailboxInfo>();
  for (const id of ids) {
    const info = prefetched?.get(id) ?? fetched.get(id);
    if (info) out.set(id, info);
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const INTRO: Record<Locale, string> = {
  en: 'Your Tandem reverse-mentoring session. Suggested guide for this topic:',
  de: 'Eure Tandem-Reverse-Mentoring-Sitzung. Vorschlag für dieses Thema:',
};

/** The invitation body: the session guide of the pair's topic in each attendee's language. */
export function sessionBody(programme: Programme, topicId: string | undefined, locales: Locale[]): string {
  const topic = programme.topics.find((t) => t.id === topicId) ?? programme.topics[0];
  const sections = [...new Set(locales)].map((locale) => {
    const guide = topic?.guide?.[locale] ?? '';
    const title = topic ? `<h3>${escapeHtml(topicName(topic, locale))}</h3>` : '';
    return `<div lang="${locale}"><p>${INTRO[locale]}</p>${title}<p>${escapeHtml(guide)}</p></div>`;
  });
  return `<div><p><b>${escapeHtml(programme.name)}</b></p>${sections.join('<hr/>')}</div>`;
}

export function localeOfParticipant(p: Participant | undefined): Locale {
  return p?.locale ?? localeOf(undefined);
}
