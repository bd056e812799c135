import {
  findSeriesSlot,
  utcToZoned,
  weeklyOccurrences,
  zonedToUtc,
  type SlotPerson,
  type SlotRequest,
} from '../../../functions/src/core/schedule';

const WEEKDAYS_ONLY = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const berlin: SlotPerson = {
  id: 'anna',
  workingHours: { days: [...WEEKDAYS_ONLY], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' },
};
const newYork: SlotPerson = {
  id: 'james',
  workingHours: { days: [...WEEKDAYS_ONLY], start: '09:00', end: '17:00', timeZone: 'America/New_York' },
};

/** Tuesdays from 3 March 2026: the US moves to summer time on 8 March, Europe only on 29 March. */
const acrossDst: SlotRequest = {
  people: [berlin, newYork],
  timeZone: 'Europe/Berlin',
  weekday: 'tue',
  intervalWeeks: 1,
  sessions: 6,
  sessionMinutes: 60,
  window: { start: '08:00', end: '18:00' },
  earliestDate: '2026-03-02',
};

function localMinutes(iso: string, tz: string): { weekday: string; minutes: number } {
  const r = utcToZoned(Date.parse(iso), tz);
  return { weekday: r.weekday, minutes: r.minutes };
}

describe('findSeriesSlot', () => {
  it('gives a Berlin + New York pair a slot inside both working days on every session across both DST changes', () => {
    const result = findSeriesSlot(acrossDst);
    if (!result.found) throw new Error(result.reason);
    expect(result.slot.occurrences).toHaveLength(6);
    expect(result.slot.firstDate).toBe('2026-03-03');
    for (const o of result.slot.occurrences) {
      for (const tz of ['Europe/Berlin', 'America/New_York']) {
        const start = localMinutes(o.start, tz);
        const end = localMinutes(o.end, tz);
        expect(start.weekday).toBe('tue');
        expect(start.minutes).toBeGreaterThanOrEqual(9 * 60);
        expect(end.minutes).toBeLessThanOrEqual(17 * 60);
      }
    }
    // The wall-clock time stays fixed in the organiser's zone; the UTC instant follows Berlin's DST.
    expect(new Set(result.slot.occurrences.map((o) => utcToZoned(Date.parse(o.start), 'Europe/Berlin').time))).toEqual(
      new Set([result.slot.startTime]),
    );
  });

  it('does not choose a time that only fits the weeks between the two DST changes', () => {
    // 14:00 in Berlin is 09:00 in New York only while the US is already on summer time.
    const result = findSeriesSlot(acrossDst);
    expect(result.found && result.slot.startTime).toBe('15:00');
  });

  it('moves the slot past a busy block in one calendar', () => {
    const start = '2026-03-03T00:00:00.000Z';
    const view = Array.from({ length: 96 }, (_, i) => (i >= 56 && i < 60 ? '2' : '0')).join(''); // 14:00-15:00 UTC
    const result = findSeriesSlot({
      ...acrossDst,
      people: [{ ...berlin, availability: { start, intervalMinutes: 15, view } }, newYork],
    });
    expect(result.found && result.slot.startTime).toBe('16:00');
  });

  it('tries the next weeks when the first week is fully busy', () => {
    const start = '2026-03-03T00:00:00.000Z';
    const view = '2'.repeat(96);
    const result = findSeriesSlot({
      ...acrossDst,
      sessions: 1,
      people: [berlin, { ...newYork, availability: { start, intervalMinutes: 15, view } }],
    });
    expect(result.found && result.slot.firstDate).toBe('2026-03-10');
  });

  it('reports no slot when the working days do not overlap', () => {
    const result = findSeriesSlot({
      ...acrossDst,
      people: [
        { ...berlin, workingHours: { ...berlin.workingHours, end: '13:00' } },
        { ...newYork, workingHours: { ...newYork.workingHours, start: '09:00' } },
      ],
    });
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/working hours/);
  });

  it('reports no slot when every common time is busy', () => {
    const view = '2'.repeat(4 * 24 * 40);
    const result = findSeriesSlot({
      ...acrossDst,
      people: [{ ...berlin, availability: { start: '2026-03-01T00:00:00.000Z', intervalMinutes: 15, view } }, newYork],
    });
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/busy/);
  });
});

describe('zoned time and weekly recurrence', () => {
  it('converts wall-clock time to UTC on both sides of a DST change', () => {
    expect(new Date(zonedToUtc('2026-03-28', '10:00', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(new Date(zonedToUtc('2026-03-30', '10:00', 'Europe/Berlin')).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(new Date(zonedToUtc('2026-11-02', '09:00', 'America/New_York')).toISOString()).toBe(
      '2026-11-02T14:00:00.000Z',
    );
  });

  it('moves a time skipped by spring-forward to the first time after the gap', () => {
    expect(new Date(zonedToUtc('2026-03-29', '02:30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps every occurrence at the same local time, every N weeks, on the weekday', () => {
    const list = weeklyOccurrences({
      startDate: '2026-03-19',
      weekday: 'tue',
      startTime: '10:00',
      timeZone: 'Europe/Berlin',
      intervalWeeks: 2,
      count: 3,
      durationMinutes: 45,
    });
    expect(list.map((o) => o.date)).toEqual(['2026-03-24', '2026-04-07', '2026-04-21']);
    expect(list.map((o) => o.start)).toEqual([
      '2026-03-24T09:00:00.000Z',
      '2026-04-07T08:00:00.000Z',
      '2026-04-21T08:00:00.000Z',
    ]);
    expect(list[0]?.end).toBe('2026-03-24T09:45:00.000Z');
  });
});
