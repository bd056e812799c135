/**
 * Why a pair's series could not be booked, in words a programme manager can act on, and recording
 * it: the series keeps `problem` (shown per pair in the console), the pair's booking becomes
 * `failed`, the lease is given back so the booking run and the reconciler try again (the cause is
 * usually fixed outside Tandem: a permission, a licence, an Outlook setting).
 */
import { seriesIdOf, type MeetingSeries, type Pair } from '../core/model';
import type { CalendarPerson, GraphRefusal, MailboxInfo, OnlineMeetingSupport } from '../ports/calendar';
import type { Stored } from '../ports/store';
import { update } from './support/update';
import { withoutLease } from './support/lease';
import type { BookingDeps } from './graph-booking-support';

export const TEAMS = 'teamsForBusiness';

/** What one booking run shares between pairs: mailbox settings read up front, each organiser's Teams support. */
export interface BookingRun {
  mailboxes?: Map<string, MailboxInfo>;
  teams?: Map<string, Promise<OnlineMeetingSupport>>;
}

/** The organiser's allowed online meeting providers, asked once per run. */
export function teamsSupportOf(deps: BookingDeps, organizer: string, run: BookingRun): Promise<OnlineMeetingSupport> {
  const known = run.teams?.get(organizer);
  if (known) return known;
  const asked = deps.calendar.onlineMeetingProviders(organizer);
  run.teams?.set(organizer, asked);
  // A failed question is not remembered: the next pair asks again.
  asked.catch(() => run.teams?.delete(organizer));
  return asked;
}

const who = (id: string, people?: Map<string, CalendarPerson>) => {
  const name = people?.get(id)?.name;
  return name ? `${name} (${id})` : id;
};

/** Graph refused the mailbox settings of one of the two (403/404): the zone and hours would be guesses. */
export function mailboxRefusal(
  ids: string[],
  mailboxes: Map<string, MailboxInfo>,
  people?: Map<string, CalendarPerson>,
): string | undefined {
  const refused = ids
    .map((id) => [id, mailboxes.get(id)?.refused] as const)
    .filter((e): e is readonly [string, GraphRefusal] => Boolean(e[1]));
  if (!refused.length) return undefined;
  const list = refused
    .map(([id, r]) => `${who(id, people)}: ${r.status}${r.code ? ` ${r.code}` : ''} — ${r.message}`)
    .join('; ');
  return (
    `Microsoft Graph refused the mailbox settings of ${list}. Tandem needs them for the time zone and ` +
    'working hours, so nothing was booked rather than booking at a guessed time. 403: grant the app ' +
    'MailboxSettings.Read and include the mailbox in its Exchange scope; 404: the person has no mailbox. ' +
    'The booking is tried again automatically.'
  );
}

export function noTeamsAllowed(organizer: string, support: OnlineMeetingSupport, people?: Map<string, CalendarPerson>) {
  return (
    `The organiser's calendar (${who(organizer, people)}) does not allow Teams meetings ` +
    `(allowedOnlineMeetingProviders: ${support.allowed.join(', ') || 'none'}), so nothing was booked. ` +
    'Enable Teams meetings for that mailbox (Teams licence, Outlook online-meeting settings) or let a ' +
    'programme mailbox that allows them organise; the booking is tried again automatically.'
  );
}

export const EVENT_WITHOUT_TEAMS =
  'The meeting series is in both calendars, but Microsoft Graph created it without a Teams meeting ' +
  '(isOnlineMeeting false) and adding one afterwards did not work either. Check the organiser’s Teams ' +
  'licence and online-meeting settings; Tandem keeps trying to add the Teams meeting, and the pair counts ' +
  'as booked only once it has one.';

/** Records a booking that could not be completed; returns the `failed` outcome. */
export async function markFailed(
  deps: BookingDeps,
  pair: Pair,
  owner: string | undefined,
  problem: string,
  /** False when the caller logs it (an unexpected error, thrown on). */
  log = true,
): Promise<{ outcome: 'failed'; series: Stored<MeetingSeries>; problem: string }> {
  const now = deps.clock.now().toISOString();
  if (log) console.error(`booking ${pair.programmeId}/${pair.id} failed: ${problem}`);
  const series = await update(deps.store.meetings, pair.programmeId, seriesIdOf(pair.id), (s) =>
    s.status !== 'pending' ? s : { ...(s.lease?.owner === owner ? withoutLease(s) : s), problem, updatedAt: now },
  );
  await update(deps.store.pairs, pair.programmeId, pair.id, (p): Pair =>
    p.booking === 'booked' || (p.status !== 'confirmed' && p.status !== 'active')
      ? p
      : { ...p, booking: 'failed', updatedAt: now },
  );
  return { outcome: 'failed', series, problem };
}
