/**
 * Reading Tandem's own events back from Outlook, by id only (the series master and its instances):
 * what people did there (moved, cancelled, declined, proposed another time) is applied to the series
 * (core/model/outlook-read-back.ts). Run for one series when a change notification names it, and for
 * every booked series on a schedule: the only path where a mentee organises (Tandem never subscribes
 * to a person's calendar), and the safety net for notifications that were missed or dropped.
 */
import { applyOutlookView, type MeetingSeries, type OutlookInstance, type OutlookView } from '../../core/model';
import type { EventState } from '../../ports/calendar-watch';
import { toArray, type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { update } from '../support/update';
import { audit } from '../support/audit';

const DAY = 86_400_000;
/** Sessions ended longer ago than this are settled: the schedule reads a series back until then. */
export const READ_BACK_AFTER_END_MS = 14 * DAY;
/** How far past the last session a moved occurrence is still looked for. */
const LOOK_AHEAD_MS = 120 * DAY;
export const OUTLOOK_ACTOR = 'outlook';

export interface ReadBackResult {
  /** Series read back. */
  read: number;
  /** Series whose sessions changed. */
  changed: number;
  failed: number;
}

/** Mail (and UPN) of the pair's people → their user id, from the directory. */
async function addressesOf(deps: AppDeps, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const u of await deps.directory.getUsers([...ids]))
    for (const a of [u.mail, u.userPrincipalName]) if (a) out.set(a.toLowerCase(), u.id);
  return out;
}

function toInstance(e: EventState, people: Map<string, string>): OutlookInstance {
  return {
    id: e.id,
    start: e.start,
    end: e.end,
    isCancelled: e.isCancelled,
    allowNewTimeProposals: e.allowNewTimeProposals,
    answers: e.attendees.flatMap((a) => {
      const userId = people.get(a.address);
      return userId
        ? [{ userId, response: a.response, ...(a.proposedNewTime ? { proposedNewTime: a.proposedNewTime } : {}) }]
        : [];
    }),
  };
}

/**
 * Reads one booked series back from Outlook and stores what changed; returns whether anything did.
 * Two calls to Graph: the master (gone or cancelled → every open session is cancelled) and its instances.
 */
export async function readBackSeries(deps: AppDeps, series: MeetingSeries): Promise<boolean> {
  const watch = deps.outlook?.watch;
  if (!watch || series.kind !== 'pair-series' || series.status !== 'booked' || !series.graphEventId) return false;
  const now = deps.clock.now().getTime();
  const starts = series.occurrences.map((o) => Date.parse(o.start));
  const ends = series.occurrences.map((o) => Date.parse(o.end));
  const from = new Date((starts.length ? Math.min(...starts) : now) - DAY).toISOString();
  const to = new Date(Math.max(now, ...ends) + LOOK_AHEAD_MS).toISOString();
  const master = await watch.readEvent(series.organizer, series.graphEventId);
  const seriesGone = !master || master.isCancelled;
  const people = await addressesOf(deps, series.attendees);
  const single = master?.type === 'singleInstance';
  const instances = seriesGone
    ? []
    : single
      ? [master]
      : await watch.readInstances(series.organizer, series.graphEventId, from, to);
  const view: OutlookView = { seriesGone, instances: instances.map((i) => toInstance(i, people)), from, to };
  const at = nowIso(deps.clock);
  const first = applyOutlookView(series, view, at);
  // Nothing to change: no write (every write to a programme's meetings invalidates its report snapshot).
  if (!first.changes.length) return false;
  // NOTE: sessions changed in the store since they were read (moved or paused in Tandem while Graph was
  // being read) would be undone by this older view of Outlook: then nothing is written, and the next
  // read-back (the least recently read series go first) applies Outlook to the sessions as they are.
  let written = false;
  const stored = await update(deps.store.meetings, series.programmeId, series.id, (s) => {
    written = false;
    if (s.status !== 'booked' || JSON.stringify(s.occurrences) !== JSON.stringify(series.occurrences)) return s;
    written = true;
    const applied = applyOutlookView(s, view, at);
    return {
      ...s,
      occurrences: applied.occurrences,
      readBackAt: at,
      ...(applied.changes.some((c) => c.kind !== 'took-place') ? { updatedAt: at } : {}),
    };
  });
  if (!written) return false;
  for (const c of first.changes) {
    if (c.kind === 'took-place') continue;
    const details: Record<string, string | number> = { index: c.index, change: c.kind };
    if (c.kind === 'moved') details.to = c.to;
    await audit(deps, series.programmeId, OUTLOOK_ACTOR, 'meeting.outlook-changed', series.id, details);
  }
  return stored.status === 'booked' && first.changes.some((c) => c.kind !== 'took-place');
}

/** The booked pair series that may still change: a session not yet long over. */
async function seriesToWatch(deps: AppDeps): Promise<Stored<MeetingSeries>[]> {
  const cutoff = deps.clock.now().getTime() - READ_BACK_AFTER_END_MS;
  const out: Stored<MeetingSeries>[] = [];
  for await (const programme of deps.store.programmes.all(undefined, { where: { phase: ['execution', 'steering'] } })) {
    for (const s of await toArray(
      deps.store.meetings.all(programme.id, { where: { kind: 'pair-series', status: 'booked' } }),
    ))
      if (s.occurrences.some((o) => Date.parse(o.end) > cutoff)) out.push(s);
  }
  return out.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

const keyOf = (s: MeetingSeries) => `${s.programmeId}/${s.id}`;
/** Where the last scheduled run stopped (`state`), so a run cut short by its budget is continued next time. */
export const READ_BACK_CURSOR = 'outlook-read-back';

/**
 * The scheduled read-back of every booked series (mentee organisers and programme mailboxes alike),
 * one series at a time, until `budgetMs` of wall time is used; one failing series does not stop the rest.
 */
export async function readBackAll(
  deps: AppDeps,
  budgetMs = 8 * 60_000,
  filter?: (s: MeetingSeries) => boolean,
): Promise<ReadBackResult> {
  const result: ReadBackResult = { read: 0, changed: 0, failed: 0 };
  if (!deps.outlook) return result;
  const deadline = Date.now() + budgetMs;
  const all = await seriesToWatch(deps);
  // The scheduled run goes round: it starts after the series the last run ended with.
  const cursor = filter ? undefined : await deps.store.state.find(READ_BACK_CURSOR, READ_BACK_CURSOR);
  const after = typeof cursor?.value === 'string' ? cursor.value : '';
  const start = all.findIndex((s) => keyOf(s) > after);
  const ordered = start > 0 ? [...all.slice(start), ...all.slice(0, start)] : all;
  let last = '';
  for (const series of ordered) {
    if (Date.now() > deadline) break;
    if (filter && !filter(series)) continue;
    last = keyOf(series);
    try {
      if (await readBackSeries(deps, series)) result.changed++;
      result.read++;
    } catch (err) {
      result.failed++;
      console.error(`read-back of ${series.programmeId}/${series.id} failed: ${(err as Error).message}`);
    }
  }
  if (!filter) {
    const end = ordered.at(-1);
    const done = !end || last === keyOf(end);
    await deps.store.state.upsert({
      id: READ_BACK_CURSOR,
      schemaVersion: 1,
      value: done ? '' : last,
      updatedAt: nowIso(deps.clock),
    });
  }
  return result;
}
