import { syncDirectory } from '../../../functions/src/app/directory-sync';
import {
  bookPendingSeries,
  bookSeriesForPair,
  cancelSeriesForPair,
  moveOccurrence,
} from '../../../functions/src/app/book-series';
import { pickAnotherDay } from '../../../functions/src/app/meetings';
import { toArray } from '../../../functions/src/ports/store';
import { utcToZoned } from '../../../functions/src/core/schedule';
import type { CalendarPort } from '../../../functions/src/ports/calendar';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { openHarness, type Harness } from './graph-harness';

let h: Harness;
let mentor: string;
let mentee: string;
const P = 'prog-book';

beforeAll(async () => {
  h = await openHarness({ size: 120, seed: 11 });
  await syncDirectory(h.deps());
  const people = [...h.standIn.directory.users.values()].filter((u) => u.userType === 'Member' && u.accountEnabled);
  mentor = (people.find((u) => u.timeZone === 'Europe/Berlin' && u.level > 3) ?? people[5])!.id;
  mentee = (people.find((u) => u.timeZone === 'America/New_York') ?? people[6])!.id;
  await h.t.store.programmes.create(
    aProgramme({
      id: P,
      phase: 'execution',
      cadence: {
        intervalWeeks: 1,
        weekday: 'tue',
        window: { start: '08:00', end: '18:00' },
        sessionMinutes: 45,
        sessions: 6,
      },
      kickoffAt: '2026-03-02T15:00:00.000Z',
      closingAt: '2026-05-01T15:00:00.000Z',
    }),
  );
  for (const [id, role] of [
    [mentor, 'mentor'],
    [mentee, 'mentee'],
  ] as const)
    await h.t.store.participants.create(anOptedInParticipant({ programmeId: P, id, userId: id, role }));
});
afterAll(async () => h.close());

async function confirmedPair(id: string, a = mentor, b = mentee) {
  await h.t.store.pairs.create(
    aPair({
      id,
      programmeId: P,
      mentorId: a,
      menteeId: b,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }),
  );
}

const eventsOf = (organizer: string) =>
  [...h.standIn.calendar.events.values()].filter((e) => e.organizerId === organizer);

describe('booking pairs through the Graph stand-in', () => {
  it('books one recurring Teams meeting however often the booking is retried, inside both working days across DST', async () => {
    await confirmedPair('pair-a');
    const lostResponse: CalendarPort = {
      ...h.deps().calendar,
      async createEvent(organizer, event) {
        await h.deps().calendar.createEvent(organizer, event);
        throw new Error('socket hang up');
      },
    };
    await expect(bookSeriesForPair({ ...h.deps(), calendar: lostResponse }, P, 'pair-a')).rejects.toThrow(
      'socket hang up',
    );
    h.standIn.faults.throttleRate = 0.3;
    h.standIn.faults.retryAfterSeconds = 0;
    const first = await bookSeriesForPair(h.deps(), P, 'pair-a');
    const again = await bookSeriesForPair(h.deps(), P, 'pair-a');
    await bookPendingSeries(h.deps());
    h.standIn.faults.throttleRate = 0;

    expect(first.outcome).toBe('booked');
    expect(again.outcome).toBe('booked');
    expect(eventsOf(mentee)).toHaveLength(1);
    const event = eventsOf(mentee)[0]!;
    expect(event.recurrence).toEqual({ intervalWeeks: 1, weekday: 'tue', count: 6 });
    expect(event.joinUrl).toBeTruthy();
    const series = await h.t.store.meetings.get(P, 'pair-a-series');
    expect(series.status).toBe('booked');
    expect(series.occurrences).toHaveLength(6);
    for (const o of series.occurrences) {
      for (const tz of ['Europe/Berlin', 'America/New_York']) {
        const start = utcToZoned(Date.parse(o.start), tz);
        const end = utcToZoned(Date.parse(o.end), tz);
        expect(start.weekday).toBe('tue');
        expect(start.minutes).toBeGreaterThanOrEqual(9 * 60);
        expect(end.minutes).toBeLessThanOrEqual(17 * 60);
      }
    }
    expect((await h.t.store.pairs.get(P, 'pair-a')).status).toBe('active');
    const booked = (await toArray(h.t.store.outbox.all(undefined))).filter((m) => m.payload.type === 'series-booked');
    expect(booked.map((m) => m.recipient).sort()).toEqual([mentor, mentee].sort());
  });

  it('moves one session and cancels the rest of a series with a comment', async () => {
    const series = await h.t.store.meetings.get(P, 'pair-a-series');
    const second = series.occurrences[1]!;
    const newStart = new Date(Date.parse(second.start) + 60 * 60_000).toISOString();
    const moved = await moveOccurrence(h.deps(), P, series.id, 1, newStart);
    expect(moved.occurrences[1]).toMatchObject({ start: newStart, status: 'moved' });
    const event = eventsOf(mentee)[0]!;
    expect(h.standIn.calendar.instances(event).some((i) => i.start === Date.parse(newStart))).toBe(true);

    h.clock.set(new Date(Date.parse(series.occurrences[2]!.start) + 3_600_000).toISOString());
    const result = await cancelSeriesForPair(h.deps(), P, 'pair-a', 'The Tandem pair has ended.');
    expect(result.cancelled).toBe(3);
    expect(h.standIn.calendar.instances(event)).toHaveLength(3);
    expect((await h.t.store.meetings.get(P, series.id)).status).toBe('cancelled');
    expect(await cancelSeriesForPair(h.deps(), P, 'pair-a', 'again')).toEqual({ cancelled: 0 });
    h.clock.set('2026-02-20T10:00:00.000Z');
  });

  it('marks a pair without a free slot as no-slot, asks both people, and books nothing', async () => {
    const others = [...h.standIn.directory.users.values()].filter(
      (u) => u.userType === 'Member' && u.accountEnabled && u.id !== mentor && u.id !== mentee,
    );
    const [a, b] = [others[20]!.id, others[21]!.id];
    for (const [id, role] of [
      [a, 'mentor'],
      [b, 'mentee'],
    ] as const)
      await h.t.store.participants.create(anOptedInParticipant({ programmeId: P, id, userId: id, role }));
    await confirmedPair('pair-busy', a, b);
    h.standIn.calendar.block(b, Date.parse('2026-02-01T00:00:00Z'), Date.parse('2026-07-01T00:00:00Z'));

    const result = await bookSeriesForPair(h.deps(), P, 'pair-busy');
    expect(result.outcome).toBe('no-slot');
    expect(eventsOf(b)).toHaveLength(0);
    expect((await h.t.store.pairs.get(P, 'pair-busy')).booking).toBe('no-slot');
    expect((await h.t.store.meetings.get(P, 'pair-busy-series')).status).toBe('no-slot');
    const asked = (await toArray(h.t.store.outbox.all(undefined))).filter((m) => m.payload.type === 'no-slot');
    expect(asked.map((m) => m.recipient).sort()).toEqual([a, b].sort());
    expect((await bookPendingSeries(h.deps())).booked).toBe(0);
  });

  it('books on the day the people picked after no common slot on the programme’s day', async () => {
    const others = [...h.standIn.directory.users.values()].filter(
      (u) => u.userType === 'Member' && u.accountEnabled && u.timeZone === 'Europe/Berlin' && u.id !== mentor,
    );
    const [a, b] = [others[30]!.id, others[31]!.id];
    for (const [id, role] of [
      [a, 'mentor'],
      [b, 'mentee'],
    ] as const)
      await h.t.store.participants.create(anOptedInParticipant({ programmeId: P, id, userId: id, role }));
    await confirmedPair('pair-tuesdays', a, b);
    // The mentee is busy every Tuesday, all day.
    for (let day = Date.parse('2026-02-03T00:00:00Z'); day < Date.parse('2026-07-01T00:00:00Z'); day += 7 * 86_400_000)
      h.standIn.calendar.block(b, day, day + 86_400_000);
    expect((await bookSeriesForPair(h.deps(), P, 'pair-tuesdays')).outcome).toBe('no-slot');

    const deps = await h.app();
    const series = await pickAnotherDay(deps, { userId: a, tenantId: 't', roles: [] }, P, 'pair-tuesdays', {
      weekday: 'thu',
      times: ['afternoon'],
    });
    expect(series).toMatchObject({ status: 'booked', weekday: 'thu', window: { start: '13:00', end: '18:00' } });
    const [event] = eventsOf(b);
    expect(h.standIn.calendar.instances(event!).length).toBe(6);
    for (const o of series.occurrences) {
      const local = utcToZoned(Date.parse(o.start), 'Europe/Berlin');
      expect(new Date(`${local.date}T00:00:00Z`).getUTCDay()).toBe(4);
      expect(local.time >= '13:00' && local.time <= '17:15').toBe(true);
    }
    expect((await h.t.store.pairs.get(P, 'pair-tuesdays')).status).toBe('active');
    const booked = (await toArray(h.t.store.outbox.all(undefined))).filter(
      (m) => m.payload.type === 'series-booked' && [a, b].includes(m.recipient),
    );
    expect(booked).toHaveLength(2);
  });

  it('racing booking runs book one series per pair, leave no pair in booking, and report no failure', async () => {
    const free = [...h.standIn.directory.users.values()].filter(
      (u) => u.userType === 'Member' && u.accountEnabled && u.timeZone === 'Europe/Berlin',
    );
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [a, b] = [free[40 + 2 * i]!.id, free[41 + 2 * i]!.id];
      for (const [id, role] of [
        [a, 'mentor'],
        [b, 'mentee'],
      ] as const)
        await h.t.store.participants.create(anOptedInParticipant({ programmeId: P, id, userId: id, role }));
      await confirmedPair(`pair-race-${i}`, a, b);
      ids.push(`pair-race-${i}`);
    }
    h.standIn.faults.latencyMs = 3;
    try {
      const runs = await Promise.all([
        bookPendingSeries(h.deps()),
        bookPendingSeries(h.deps()),
        bookPendingSeries(h.deps()),
        ...ids.flatMap((id) => [bookSeriesForPair(h.deps(), P, id), bookSeriesForPair(h.deps(), P, id)]),
      ]);
      const tallies = runs.slice(0, 3) as Awaited<ReturnType<typeof bookPendingSeries>>[];
      expect(tallies.map((t) => t.failed)).toEqual([0, 0, 0]);
    } finally {
      h.standIn.faults.latencyMs = 0;
    }
    let booked = 0;
    for (const id of ids) {
      // Booked once, or (calendars full on the programme's day) no slot and nothing booked: never
      // left in booking, never failed, never two events.
      const pair = await h.t.store.pairs.get(P, id);
      const series = await h.t.store.meetings.get(P, `${id}-series`);
      const events = [...h.standIn.calendar.events.values()].filter((e) => e.transactionId === series.transactionId);
      expect(series.lease).toBeUndefined();
      if (series.status === 'booked') {
        booked++;
        expect([id, pair.status, pair.booking, events.length]).toEqual([id, 'active', 'booked', 1]);
      } else {
        expect([id, series.status, pair.status, pair.booking, events.length]).toEqual([
          id,
          'no-slot',
          'confirmed',
          'no-slot',
          0,
        ]);
      }
    }
    expect(booked).toBeGreaterThanOrEqual(3);
  });
});
