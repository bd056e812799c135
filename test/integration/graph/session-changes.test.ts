/**
 * Moving and pausing sessions through the real calendar adapter against the Graph stand-in: the
 * free times of both people in one session's week (getSchedule), a pause that cancels only the
 * instances in its window in the organiser's calendar (so both calendars lose them), and the rest of
 * the series moved occurrence by occurrence, the series staying one event.
 */
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { bookSeriesForPair } from '../../../functions/src/app/book-series';
import { moveRestOfSeries, pauseSessionsUntil, slotsToMoveTo } from '../../../functions/src/app/session-actions';
import { utcToZoned } from '../../../functions/src/core/schedule';
import type { AppDeps } from '../../../functions/src/app/deps';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { openHarness, type Harness } from './graph-harness';

let h: Harness;
let mentor: string;
let mentee: string;
const P = 'prog-sessions';

let app: AppDeps;
const appDeps = (): AppDeps => app;

beforeAll(async () => {
  h = await openHarness({ size: 80, seed: 7, now: '2026-02-20T10:00:00.000Z' });
  await syncDirectory(h.deps());
  app = await h.app();
  const people = [...h.standIn.directory.users.values()].filter((u) => u.userType === 'Member' && u.accountEnabled);
  const berlin = people.filter((u) => u.timeZone === 'Europe/Berlin');
  mentor = (berlin[3] ?? people[3])!.id;
  mentee = (berlin[4] ?? people[4])!.id;
  await h.t.store.programmes.create(
    aProgramme({
      id: P,
      phase: 'execution',
      cadence: {
        intervalWeeks: 1,
        weekday: 'tue',
        window: { start: '09:00', end: '17:00' },
        sessionMinutes: 45,
        sessions: 6,
      },
    }),
  );
  for (const [id, role] of [
    [mentor, 'mentor'],
    [mentee, 'mentee'],
  ] as const)
    await h.t.store.participants.create(anOptedInParticipant({ programmeId: P, id, userId: id, role }));
  await h.t.store.pairs.create(
    aPair({
      id: 'pair-s',
      programmeId: P,
      mentorId: mentor,
      menteeId: mentee,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }),
  );
  expect((await bookSeriesForPair(h.deps(), P, 'pair-s')).outcome).toBe('booked');
});
afterAll(async () => h.close());

const caller = (userId: string) => ({ userId, tenantId: 'tenant-graph', roles: [] });
const master = () => [...h.standIn.calendar.events.values()].find((e) => e.organizerId === mentee)!;

describe('sessions changed from Tandem through the Graph stand-in', () => {
  it('offers only times in that week when both calendars are free, inside the window', async () => {
    const series = await h.t.store.meetings.get(P, 'pair-s-series');
    const second = series.occurrences[1]!;
    const local = utcToZoned(Date.parse(second.start), series.timeZone);
    // The mentor is busy the whole Wednesday of that week.
    const wednesday = Date.parse(second.start) + 24 * 3600_000;
    h.standIn.calendar.block(mentor, wednesday - 12 * 3600_000, wednesday + 12 * 3600_000);
    const { slots } = await slotsToMoveTo(appDeps(), caller(mentee), P, series.id, 1);
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      const start = utcToZoned(Date.parse(slot.start), series.timeZone);
      expect(Math.abs(Date.parse(slot.start) - Date.parse(second.start))).toBeLessThan(7 * 24 * 3600_000);
      expect(start.minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(start.minutes + 45).toBeLessThanOrEqual(17 * 60);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(45 * 60_000);
      expect(Math.abs(Date.parse(slot.start) - wednesday)).toBeGreaterThanOrEqual(12 * 3600_000);
      expect(slot.start).not.toBe(second.start);
    }
    expect(local.weekday).toBe('tue');
    await expect(slotsToMoveTo(appDeps(), caller('someone-else'), P, series.id, 1)).rejects.toThrow(/Only the two/);
  });

  it('a pause cancels only the instances before the date in the organiser’s calendar; the series goes on', async () => {
    const series = await h.t.store.meetings.get(P, 'pair-s-series');
    const before = h.standIn.calendar.instances(master()).length;
    const third = series.occurrences[2]!;
    const until = utcToZoned(Date.parse(third.start) - 24 * 3600_000, series.timeZone).date;
    const result = await pauseSessionsUntil(appDeps(), caller(mentor), P, until);
    expect(result.series[0]?.cancelled).toEqual([0, 1]);
    const instances = h.standIn.calendar.instances(master());
    expect(instances).toHaveLength(before - 2);
    expect(instances.map((i) => new Date(i.start).toISOString())).toEqual(
      series.occurrences.slice(2).map((o) => o.start),
    );
    const after = await h.t.store.meetings.get(P, series.id);
    expect(after.status).toBe('booked');
    expect(after.occurrences.map((o) => o.status)).toEqual([
      'cancelled',
      'cancelled',
      'planned',
      'planned',
      'planned',
      'planned',
    ]);
    expect((await h.t.store.pairs.get(P, 'pair-s')).status).toBe('active');
  });

  it('moves the rest of the series to Thursday 15:00, occurrence by occurrence, still one event in Outlook', async () => {
    const events = () => [...h.standIn.calendar.events.values()].filter((e) => e.organizerId === mentee);
    expect(events()).toHaveLength(1);
    const moved = await moveRestOfSeries(appDeps(), caller(mentee), P, 'pair-s-series', {
      weekday: 'thu',
      time: '15:00',
    });
    const live = moved.occurrences.filter((o) => o.status !== 'cancelled');
    expect(live).toHaveLength(4);
    for (const o of live) {
      const local = utcToZoned(Date.parse(o.start), moved.timeZone);
      expect([local.weekday, local.time]).toEqual(['thu', '15:00']);
      expect(o.status).toBe('moved');
    }
    expect(events()).toHaveLength(1);
    const starts = h.standIn.calendar.instances(master()).map((i) => new Date(i.start).toISOString());
    expect(starts).toEqual(live.map((o) => o.start));
  });
});
