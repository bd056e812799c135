/**
 * What real Graph refuses or quietly does differently, through the stand-in that now behaves the same:
 * time zones (Windows ids only, plus Microsoft's short IANA list), Teams meetings that are not
 * created, mailbox settings Graph will not give, and transactionId's undocumented memory.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { bookPendingSeries, bookSeriesForPair } from '../../../functions/src/app/book-series';
import { InvalidError } from '../../../functions/src/core/errors';
import { utcToZoned, zonedToUtc } from '../../../functions/src/core/schedule';
import type { CalendarPort, NewEvent } from '../../../functions/src/ports/calendar';
import { GRANTED_ROLES } from '../../../functions/src/local/graph-stand-in/permissions';
import type { StandInUser } from '../../../functions/src/local/graph-stand-in/directory-state';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { openHarness, type Harness } from './graph-harness';

let h: Harness;
let people: StandInUser[];
let next = 0;
let log: jest.SpyInstance;
const P = 'prog-rules';
const logged = () => log.mock.calls.flat().join('\n');

// A failed booking is logged with the pair and the reason; the tests read it instead of printing it.
beforeEach(() => (log = jest.spyOn(console, 'error').mockImplementation(() => undefined)));
afterEach(() => log.mockRestore());

beforeAll(async () => {
  // No generated meetings: a slot inside Berlin's and Kolkata's working days always exists.
  h = await openHarness({ size: 160, seed: 23, meetingsPerDay: 0 });
  people = [...h.standIn.directory.users.values()].filter(
    (u) => u.userType === 'Member' && u.accountEnabled && u.timeZone === 'Europe/Berlin',
  );
  // One mentee in India: Exchange reports "India Standard Time", CLDR's zone for it is Asia/Calcutta,
  // which Graph's calendar does not accept.
  h.standIn.directory.updateUser(people[0]!.id, { timeZone: 'Asia/Kolkata' });
  await syncDirectory(h.deps());
  await h.t.store.programmes.create(
    aProgramme({
      id: P,
      phase: 'execution',
      cadence: {
        intervalWeeks: 1,
        weekday: 'wed',
        window: { start: '06:00', end: '20:00' },
        sessionMinutes: 45,
        sessions: 4,
      },
      kickoffAt: '2026-03-02T15:00:00.000Z',
      closingAt: '2026-05-01T15:00:00.000Z',
    }),
  );
});
afterAll(async () => h.close());

/** A confirmed pair of two people not used by another test (the mentee organises). */
async function confirmedPair(id: string, mentee = people[1 + 2 * next]!, mentor = people[2 + 2 * next++]!) {
  for (const [u, role] of [
    [mentor, 'mentor'],
    [mentee, 'mentee'],
  ] as const)
    await h.t.store.participants.create(anOptedInParticipant({ programmeId: P, id: u.id, userId: u.id, role }));
  await h.t.store.pairs.create(
    aPair({
      id,
      programmeId: P,
      mentorId: mentor.id,
      menteeId: mentee.id,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }),
  );
  return { mentor, mentee };
}

const eventsOf = (organizer: string) =>
  [...h.standIn.calendar.events.values()].filter((e) => e.organizerId === organizer);

/** The Graph error a request ends with (status and OData code), or 'created'. */
async function post(path: string, body: unknown): Promise<string> {
  try {
    await h.conn.client.api(path).post(body);
    return 'created';
  } catch (err) {
    return err instanceof GraphError ? `${err.statusCode} ${err.code}: ${err.message}` : String(err);
  }
}

function anEvent(timeZone: string, recurrenceTimeZone = timeZone): Record<string, unknown> {
  return {
    subject: 'zone check',
    start: { dateTime: '2026-03-04T10:00:00', timeZone },
    end: { dateTime: '2026-03-04T10:45:00', timeZone },
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'], firstDayOfWeek: 'monday' },
      range: { type: 'numbered', startDate: '2026-03-04', numberOfOccurrences: 2, recurrenceTimeZone },
    },
  };
}

function aNewEvent(organizer: StandInUser, timeZone: string, key: string): NewEvent {
  return {
    subject: 'Tandem: zones',
    bodyHtml: '<p>x</p>',
    attendees: [{ id: organizer.id, mail: organizer.mail }],
    startDate: '2026-03-04',
    startTime: '10:00',
    durationMinutes: 45,
    timeZone,
    recurrence: { intervalWeeks: 1, weekday: 'wed', count: 2 },
    transactionId: key,
    key,
  };
}

describe('time zones: Graph takes Windows ids and a listed few IANA names', () => {
  it('the stand-in refuses any other zone with TimeZoneNotSupportedException, as Graph does', async () => {
    const organizer = people[40]!;
    const events = `/users/${organizer.id}/events`;
    for (const zone of ['Asia/Calcutta', 'Etc/UTC', 'Europe/Vienna', 'Asia/Katmandu', 'Pacific Standard'])
      expect(await post(events, anEvent(zone))).toBe(
        `400 TimeZoneNotSupportedException: A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
      );
    expect(await post(events, anEvent('W. Europe Standard Time', 'Europe/Zurich'))).toMatch(
      /^400 TimeZoneNotSupportedException: .*'Europe\/Zurich'/,
    );
    expect(
      await post(`/users/${organizer.id}/calendar/getSchedule`, {
        schedules: [organizer.mail],
        startTime: { dateTime: '2026-03-02T00:00:00', timeZone: 'Etc/UTC' },
        endTime: { dateTime: '2026-03-03T00:00:00', timeZone: 'Etc/UTC' },
      }),
    ).toMatch(/^400 TimeZoneNotSupportedException/);
    for (const zone of ['W. Europe Standard Time', 'India Standard Time', 'UTC', 'Europe/Berlin', 'Asia/Kolkata'])
      expect([zone, await post(events, anEvent(zone))]).toEqual([zone, 'created']);
  });

  it('the calendar adapter sends the Windows id of any IANA zone, at the same wall-clock time', async () => {
    const organizer = people[41]!;
    const cases: [string, string][] = [
      ['Asia/Calcutta', 'India Standard Time'],
      ['Etc/UTC', 'UTC'],
      ['Europe/Vienna', 'W. Europe Standard Time'],
      ['Europe/Kiev', 'FLE Standard Time'],
      ['America/Buenos_Aires', 'Argentina Standard Time'],
    ];
    for (const [iana, windows] of cases) {
      const created = await h.deps().calendar.createEvent(organizer.id, aNewEvent(organizer, iana, `zone-${iana}`));
      const event = h.standIn.calendar.events.get(created.id)!;
      expect([iana, event.zoneName]).toEqual([iana, windows]);
      expect(h.standIn.calendar.instances(event)[0]?.start).toBe(zonedToUtc('2026-03-04', '10:00', iana));
    }
  });

  it('a zone without a Windows id fails clearly before anything is sent', async () => {
    const organizer = people[42]!;
    const before = h.standIn.counts.eventsCreated;
    const attempt = h.deps().calendar.createEvent(organizer.id, aNewEvent(organizer, 'America/Ciudad_Juarez', 'cj'));
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    await expect(attempt).rejects.toThrow(/"America\/Ciudad_Juarez" has no Windows equivalent/);
    expect(h.standIn.counts.eventsCreated).toBe(before);
  });

  it('books a mentee whose Outlook zone is India Standard Time, in her working hours', async () => {
    const mentee = people[0]!;
    const { mentor } = await confirmedPair('pair-india', mentee, people[43]!);
    const result = await bookSeriesForPair(h.deps(), P, 'pair-india');
    expect(result).toMatchObject({ outcome: 'booked' });
    const [event] = eventsOf(mentee.id);
    expect(event?.zoneName).toBe('India Standard Time');
    const series = await h.t.store.meetings.get(P, 'pair-india-series');
    expect(series.timeZone).toBe('Asia/Calcutta');
    for (const o of series.occurrences)
      for (const tz of ['Asia/Kolkata', mentor.timeZone]) {
        const start = utcToZoned(Date.parse(o.start), tz);
        const end = utcToZoned(Date.parse(o.end), tz);
        expect([tz, start.minutes >= 9 * 60, end.minutes <= 17 * 60]).toEqual([tz, true, true]);
      }
  });
});

describe('Teams meetings: Graph says 201 even when it made none', () => {
  it('books nothing for an organiser whose calendar does not allow Teams, says why, and books once it does', async () => {
    const { mentee } = await confirmedPair('pair-no-teams');
    h.standIn.calendar.setOnlineMeetingProviders(mentee.id, []);
    const result = await bookSeriesForPair(h.deps(), P, 'pair-no-teams');
    expect(result.outcome).toBe('failed');
    expect(result.problem).toMatch(/does not allow Teams meetings \(allowedOnlineMeetingProviders: none\)/);
    expect(logged()).toContain(`booking ${P}/pair-no-teams failed: `);
    expect(eventsOf(mentee.id)).toHaveLength(0);
    expect((await h.t.store.pairs.get(P, 'pair-no-teams')).booking).toBe('failed');
    const series = await h.t.store.meetings.get(P, 'pair-no-teams-series');
    expect(series).toMatchObject({ status: 'pending', problem: result.problem });
    expect(series.lease).toBeUndefined();

    h.standIn.calendar.setOnlineMeetingProviders(mentee.id, ['teamsForBusiness', 'skypeForBusiness']);
    await bookPendingSeries(h.deps());
    const booked = await h.t.store.meetings.get(P, 'pair-no-teams-series');
    expect(booked.status).toBe('booked');
    expect(booked.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(booked.problem).toBeUndefined();
    expect((await h.t.store.pairs.get(P, 'pair-no-teams')).status).toBe('active');
  });

  it('an event that came back without a Teams meeting is not booked: it is flagged, and the meeting added later', async () => {
    const { mentee } = await confirmedPair('pair-lost-teams');
    // The run checked the organiser's calendar while it still allowed Teams; it no longer does.
    const run = { teams: new Map([[mentee.id, Promise.resolve({ allowed: ['teamsForBusiness'] })]]) };
    h.standIn.calendar.setOnlineMeetingProviders(mentee.id, ['skypeForBusiness']);
    const result = await bookSeriesForPair(h.deps(), P, 'pair-lost-teams', run);
    expect(result.outcome).toBe('failed');
    expect(result.problem).toMatch(/without a Teams meeting/);
    expect(eventsOf(mentee.id)).toHaveLength(1);
    expect(eventsOf(mentee.id)[0]?.joinUrl).toBeUndefined();
    expect((await h.t.store.pairs.get(P, 'pair-lost-teams')).status).toBe('confirmed');
    expect((await h.t.store.meetings.get(P, 'pair-lost-teams-series')).status).toBe('pending');

    h.standIn.calendar.setOnlineMeetingProviders(mentee.id, ['teamsForBusiness']);
    expect((await bookSeriesForPair(h.deps(), P, 'pair-lost-teams')).outcome).toBe('booked');
    expect(eventsOf(mentee.id)).toHaveLength(1);
    expect((await h.t.store.meetings.get(P, 'pair-lost-teams-series')).joinUrl).toBe(eventsOf(mentee.id)[0]?.joinUrl);
  });
});

describe('mailbox settings Graph will not give', () => {
  it('a 403 on mailbox settings fails the booking with the person and the reason, and books nothing', async () => {
    const { mentor, mentee } = await confirmedPair('pair-403');
    const refused = h.connectAs(GRANTED_ROLES.filter((r) => r !== 'MailboxSettings.Read'));
    const result = await bookSeriesForPair({ ...h.deps(), calendar: refused.calendar }, P, 'pair-403');
    expect(result.outcome).toBe('failed');
    for (const id of [mentor.id, mentee.id]) expect(result.problem).toContain(`(${id}): 403 ErrorAccessDenied`);
    expect(result.problem).toMatch(/MailboxSettings\.Read/);
    expect(logged()).toContain(`booking ${P}/pair-403 failed: `);
    expect(logged()).toContain(`(${mentee.id}): 403 ErrorAccessDenied`);
    expect(eventsOf(mentee.id)).toHaveLength(0);
    expect((await h.t.store.pairs.get(P, 'pair-403')).booking).toBe('failed');
    expect((await h.t.store.meetings.get(P, 'pair-403-series')).problem).toMatch(/403 ErrorAccessDenied/);
  });

  it('a 404 (no mailbox) fails the booking naming that person', async () => {
    const { mentor, mentee } = await confirmedPair('pair-404');
    h.standIn.directory.removeUser(mentor.id);
    const result = await bookSeriesForPair(h.deps(), P, 'pair-404');
    expect(result.outcome).toBe('failed');
    expect(result.problem).toContain(`(${mentor.id}): 404`);
    expect(result.problem).not.toContain(`(${mentee.id})`);
    expect(logged()).toContain(`(${mentor.id}): 404`);
    expect(eventsOf(mentee.id)).toHaveLength(0);
  });

  it('only a transient failure falls back to the enrolment zone and 09:00–17:00', async () => {
    const { mentee } = await confirmedPair('pair-transient');
    // What the adapter returns when the batch stayed throttled or unavailable: nobody's settings.
    const unavailable: CalendarPort = { ...h.deps().calendar, mailboxSettings: async () => new Map() };
    const result = await bookSeriesForPair({ ...h.deps(), calendar: unavailable }, P, 'pair-transient');
    expect(result.outcome).toBe('booked');
    expect(eventsOf(mentee.id)[0]?.zoneName).toBe('W. Europe Standard Time');
  });
});

describe('transactionId is not the safety net', () => {
  it('a retry after a lost answer finds the event by our key even when Graph no longer remembers the transactionId', async () => {
    const { mentee } = await confirmedPair('pair-forgotten');
    h.standIn.calendar.transactionIdMemoryMs = 0;
    try {
      const lostAnswer: CalendarPort = {
        ...h.deps().calendar,
        async createEvent(organizer, event) {
          await h.deps().calendar.createEvent(organizer, event);
          throw new Error('socket hang up');
        },
      };
      await expect(bookSeriesForPair({ ...h.deps(), calendar: lostAnswer }, P, 'pair-forgotten')).rejects.toThrow(
        'socket hang up',
      );
      expect((await h.t.store.meetings.get(P, 'pair-forgotten-series')).problem).toBe('socket hang up');
      expect((await bookSeriesForPair(h.deps(), P, 'pair-forgotten')).outcome).toBe('booked');
      expect(eventsOf(mentee.id)).toHaveLength(1);
      // What the lookup protects against: a POST repeated after Graph forgot its transactionId is a second event.
      const again = aNewEvent(mentee, 'Europe/Berlin', 'tx-forgotten');
      const first = await h.deps().calendar.createEvent(mentee.id, again);
      expect((await h.deps().calendar.createEvent(mentee.id, again)).id).not.toBe(first.id);
    } finally {
      h.standIn.calendar.transactionIdMemoryMs = Number.POSITIVE_INFINITY;
    }
  });
});
