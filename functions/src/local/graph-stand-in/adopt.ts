/**
 * The local stack's stand-in starts empty at every `npm start`, while the store keeps the series it
 * booked before (and the demo seeds series it never booked there). Adopting them gives the stand-in
 * each booked pair series with its stored ids and times, so the Outlook read-back finds the events
 * Tandem knows instead of taking a missing event for one deleted in Outlook, and a user can move,
 * cancel or decline a demo session "in Outlook" through the stand-in. Local only.
 */
import { TANDEM_KEY_PROPERTY } from '../../adapters/graph/calendar';
import { utcToZoned } from '../../core/schedule';
import type { Store } from '../../ports/store';
import type { GraphStandIn } from './server';
import type { StandInEvent } from './calendar-state';

export async function adoptBookedSeries(standIn: GraphStandIn, store: Store): Promise<number> {
  let adopted = 0;
  for await (const s of store.meetings.all(undefined, { where: { kind: 'pair-series', status: 'booked' } })) {
    if (!s.graphEventId || standIn.calendar.events.has(s.graphEventId)) continue;
    const organizer = standIn.directory.findByIdOrMail(s.organizer);
    const first = s.occurrences[0];
    if (!organizer || !first) continue;
    const attendees = s.attendees
      .map((id) => standIn.directory.findByIdOrMail(id))
      .filter((u) => u !== undefined)
      .map((u) => ({ address: u.mail, name: u.displayName }));
    const start = utcToZoned(Date.parse(first.start), s.timeZone);
    const event: StandInEvent = {
      id: s.graphEventId,
      organizerId: organizer.id,
      subject: 'Tandem',
      startDate: start.date,
      startTime: start.time,
      durationMinutes: Math.round((Date.parse(first.end) - Date.parse(first.start)) / 60_000),
      timeZone: s.timeZone,
      zoneName: s.timeZone,
      attendees,
      recurrence: {
        intervalWeeks: s.intervalWeeks ?? 1,
        weekday: s.weekday ?? start.weekday,
        count: s.occurrences.length,
      },
      transactionId: s.transactionId,
      allowNewTimeProposals: false,
      createdAt: Date.now(),
      properties: { [TANDEM_KEY_PROPERTY.toLowerCase()]: s.transactionId },
      ...(s.joinUrl ? { joinUrl: s.joinUrl } : {}),
      cancelled: new Set(),
      moved: new Map(),
      fixed: s.occurrences
        .filter((o) => o.status !== 'cancelled')
        .map((o) => ({
          id: o.graphId ?? `${s.graphEventId}.occ.${o.index}`,
          start: Date.parse(o.start),
          end: Date.parse(o.end),
        })),
    };
    for (const o of s.occurrences)
      for (const id of o.declinedBy ?? []) {
        const mail = standIn.directory.findByIdOrMail(id)?.mail;
        if (mail && o.graphId) standIn.calendar.answer(event, o.graphId, mail, { response: 'declined' });
      }
    standIn.calendar.events.set(event.id, event);
    adopted++;
  }
  return adopted;
}
