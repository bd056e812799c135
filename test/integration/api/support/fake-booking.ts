/**
 * A booking stand-in for API tests that do not need Graph: it books every confirmed pair of a
 * programme in execution with a weekly series starting at `firstStart`, as the Graph booking does.
 */
import { activate, seriesTransactionId, type MeetingSeries } from '../../../../functions/src/core/model';
import type { Booking } from '../../../../functions/src/app/booking';
import type { Store } from '../../../../functions/src/ports/store';
import { toArray } from '../../../../functions/src/ports/store';
import type { Clock } from '../../../../functions/src/ports/clock';
import { update } from '../../../../functions/src/app/support/update';

export interface FakeBooking extends Booking {
  cancelled: string[];
  moved: { seriesId: string; index: number; start: string }[];
  cancelledSessions: { seriesId: string; indices: number[] }[];
  /** When the first session of newly booked series starts. */
  firstStart: () => Date;
}

export function fakeBooking(store: Store, clock: Clock): FakeBooking {
  const booking: FakeBooking = {
    cancelled: [],
    moved: [],
    cancelledSessions: [],
    firstStart: () => new Date(clock.now().getTime() + 7 * 24 * 3600 * 1000),
    async bookSeriesForPair() {
      await booking.bookPendingSeries();
      return { outcome: 'booked' };
    },
    async bookPendingSeries() {
      let booked = 0;
      for (const programme of await toArray(store.programmes.all(undefined, { where: { phase: 'execution' } }))) {
        for (const pair of await toArray(store.pairs.all(programme.id, { where: { status: 'confirmed' } }))) {
          const now = clock.now().toISOString();
          const first = booking.firstStart().getTime();
          const c = programme.cadence;
          const series: MeetingSeries = {
            id: `${pair.id}-series`,
            schemaVersion: 1,
            programmeId: programme.id,
            kind: 'pair-series',
            pairId: pair.id,
            organizer: pair.menteeId,
            attendees: [pair.mentorId, pair.menteeId],
            transactionId: seriesTransactionId(programme.id, pair.id),
            status: 'booked',
            graphEventId: `event-${pair.id}`,
            weekday: c.weekday,
            intervalWeeks: c.intervalWeeks,
            timeZone: 'Europe/Berlin',
            occurrences: Array.from({ length: c.sessions }, (_, index) => {
              const start = first + index * c.intervalWeeks * 7 * 24 * 3600 * 1000;
              return {
                index,
                start: new Date(start).toISOString(),
                end: new Date(start + c.sessionMinutes * 60_000).toISOString(),
                status: 'planned' as const,
              };
            }),
            createdAt: now,
            updatedAt: now,
          };
          await store.meetings.upsert(series);
          // As the Graph booking does: the pair may have moved on meanwhile; only a confirmed one activates.
          await update(store.pairs, programme.id, pair.id, (p) => (p.status === 'confirmed' ? activate(p, now) : p));
          booked++;
        }
      }
      return { booked };
    },
    async cancelSeriesForPair(programmeId, pairId) {
      booking.cancelled.push(pairId);
      const series = await store.meetings.find(programmeId, `${pairId}-series`);
      if (series) {
        const { etag, ...doc } = series;
        const now = clock.now().getTime();
        await store.meetings.replace(
          {
            ...doc,
            status: 'cancelled',
            occurrences: doc.occurrences.map((o) =>
              Date.parse(o.start) > now ? { ...o, status: 'cancelled' as const } : o,
            ),
          },
          etag,
        );
      }
      return { cancelled: 1 };
    },
    async moveOccurrence(programmeId, seriesId, index, start) {
      booking.moved.push({ seriesId, index, start });
      const series = await store.meetings.get(programmeId, seriesId);
      const { etag, ...doc } = series;
      return store.meetings.replace(
        {
          ...doc,
          occurrences: doc.occurrences.map((o) => (o.index === index ? { ...o, start, status: 'moved' as const } : o)),
        },
        etag,
      );
    },
    async bookProgrammeEvents() {
      return { booked: 0 };
    },
    async cancelOccurrences(programmeId, seriesId, indices) {
      booking.cancelledSessions.push({ seriesId, indices });
      const series = await store.meetings.get(programmeId, seriesId);
      const { etag, ...doc } = series;
      return store.meetings.replace(
        {
          ...doc,
          occurrences: doc.occurrences.map((o) =>
            indices.includes(o.index) ? { ...o, status: 'cancelled' as const } : o,
          ),
        },
        etag,
      );
    },
    async freeSlots(programme, seriesId, index) {
      // Two free times the day after the session, at 10:00 and 14:00 UTC.
      const series = await store.meetings.get(programme.id, seriesId);
      const o = series.occurrences.find((x) => x.index === index);
      if (!o) return [];
      const day = o.start.slice(0, 10);
      const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
      const minutes = programme.cadence.sessionMinutes * 60_000;
      return ['10:00', '14:00'].map((t) => {
        const start = `${next}T${t}:00.000Z`;
        return { start, end: new Date(Date.parse(start) + minutes).toISOString() };
      });
    },
  };
  return booking;
}
