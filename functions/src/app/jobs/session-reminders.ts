/**
 * Daily jobs around sessions: a reminder the day before each session, a feedback request after it.
 * Idempotent and resumable: each session carries `remindedAt` / `feedbackRequestedAt`, and the
 * notification's dedupe key makes a re-run after a crash (between sending and marking) send nothing twice.
 */
import { calledOff, type MeetingSeries, type Occurrence, type Programme } from '../../core/model';
import { toArray } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { Notification } from '../../ports/messenger';
import type { AppDeps } from '../deps';
import { update } from '../support/update';

const DAY = 24 * 3600 * 1000;
/** Sessions that ended longer ago than this get no feedback request any more (e.g. after an outage). */
const FEEDBACK_WINDOW_MS = 14 * DAY;

async function bookedSeries(deps: AppDeps): Promise<{ programme: Programme; series: MeetingSeries }[]> {
  const out: { programme: Programme; series: MeetingSeries }[] = [];
  for await (const programme of deps.store.programmes.all(undefined, { where: { phase: ['execution', 'steering'] } })) {
    const series = await toArray(
      deps.store.meetings.all(programme.id, { where: { kind: 'pair-series', status: 'booked' } }),
    );
    for (const s of series) out.push({ programme, series: s });
  }
  return out;
}

async function mark(
  deps: AppDeps,
  series: MeetingSeries,
  indexes: Set<number>,
  field: 'remindedAt' | 'feedbackRequestedAt',
): Promise<void> {
  const at = nowIso(deps.clock);
  await update(deps.store.meetings, series.programmeId, series.id, (s) => ({
    ...s,
    occurrences: s.occurrences.map((o) => (indexes.has(o.index) && !o[field] ? { ...o, [field]: at } : o)),
  }));
}

async function run(
  deps: AppDeps,
  field: 'remindedAt' | 'feedbackRequestedAt',
  due: (o: Occurrence, now: number) => boolean,
  notify: (series: MeetingSeries, o: Occurrence, recipient: string) => Notification,
): Promise<number> {
  const now = deps.clock.now().getTime();
  let sent = 0;
  for (const { series } of await bookedSeries(deps)) {
    // Cancelled or declined (Outlook read-back): the session will not take place, so no reminder or request.
    const todo = series.occurrences.filter((o) => !o[field] && !calledOff(o) && due(o, now));
    if (!todo.length) continue;
    const result = await deps.messenger.send(todo.flatMap((o) => series.attendees.map((r) => notify(series, o, r))));
    sent += result.queued;
    await mark(deps, series, new Set(todo.map((o) => o.index)), field);
  }
  return sent;
}

/** Reminds both people of every session that starts before the end of tomorrow (UTC). */
export function sendSessionReminders(deps: AppDeps): Promise<number> {
  const endOfTomorrow = (now: number) => {
    const d = new Date(now);
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime() + 2 * DAY;
  };
  return run(
    deps,
    'remindedAt',
    (o, now) => Date.parse(o.start) > now && Date.parse(o.start) < endOfTomorrow(now),
    (series, o, recipient) => ({
      type: 'session-reminder',
      recipient,
      programmeId: series.programmeId,
      params: {
        programmeId: series.programmeId,
        pairId: series.pairId ?? null,
        seriesId: series.id,
        occurrenceIndex: o.index,
        start: o.start,
        joinUrl: series.joinUrl ?? null,
      },
      dedupeKey: `reminder:${series.id}:${o.index}:${o.start}:${recipient}`,
    }),
  );
}

/** Asks both people for feedback on every session that has ended (within the last two weeks). */
export function sendFeedbackRequests(deps: AppDeps): Promise<number> {
  return run(
    deps,
    'feedbackRequestedAt',
    (o, now) => Date.parse(o.end) <= now && Date.parse(o.end) > now - FEEDBACK_WINDOW_MS,
    (series, o, recipient) => ({
      type: 'feedback-request',
      recipient,
      programmeId: series.programmeId,
      params: {
        programmeId: series.programmeId,
        pairId: series.pairId ?? null,
        seriesId: series.id,
        occurrenceIndex: o.index,
      },
      dedupeKey: `feedback-request:${series.id}:${o.index}:${recipient}`,
    }),
  );
}
