import { freeSlots, type SlotPerson } from '../../../functions/src/core/schedule';

const day = (iso: string) => Date.parse(iso);
const hours = (tz: string) => ({
  days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
  start: '09:00',
  end: '17:00',
  timeZone: tz,
});

/** Free/busy in 15-minute steps from Monday 00:00 UTC, all free except the given [from, to) hours of Tuesday. */
function view(busyTuesday?: [number, number]): { start: string; intervalMinutes: number; view: string } {
  const slots = Array.from({ length: 7 * 96 }, (_, i) => {
    if (!busyTuesday) return '0';
    const hour = (i - 96) / 4;
    return hour >= busyTuesday[0] && hour < busyTuesday[1] ? '2' : '0';
  });
  return { start: '2026-03-09T00:00:00.000Z', intervalMinutes: 15, view: slots.join('') };
}

function person(id: string, busyTuesday?: [number, number]): SlotPerson {
  return { id, workingHours: { ...hours('UTC'), days: [...hours('UTC').days] }, availability: view(busyTuesday) };
}

describe('free slots to move one session to', () => {
  it('offers only times free in both calendars and inside both working days and the window', () => {
    const slots = freeSlots({
      people: [person('a', [9, 12]), person('b', [13, 17])],
      window: { start: '09:00', end: '17:00' },
      sessionMinutes: 45,
      from: day('2026-03-10T00:00:00Z'),
      to: day('2026-03-11T00:00:00Z'),
      limit: 50,
    });
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual(['12:00']);
  });

  it('never offers a time before `from`, past the end of the working day or on the weekend', () => {
    const slots = freeSlots({
      people: [person('a'), person('b')],
      window: { start: '09:00', end: '17:00' },
      sessionMinutes: 60,
      from: day('2026-03-13T15:10:00Z'),
      to: day('2026-03-20T00:00:00Z'),
      limit: 50,
    });
    // Friday 15:30 and 16:00 are the only starts left that week: the weekend is not a working day.
    expect(slots.map((s) => s.start)).toEqual(['2026-03-13T15:30:00.000Z', '2026-03-13T16:00:00.000Z']);
  });

  it('spreads a long offer over the week instead of listing one morning', () => {
    const slots = freeSlots({
      people: [person('a'), person('b')],
      window: { start: '09:00', end: '17:00' },
      sessionMinutes: 30,
      from: day('2026-03-09T00:00:00Z'),
      to: day('2026-03-14T00:00:00Z'),
      limit: 5,
    });
    expect(slots).toHaveLength(5);
    expect(new Set(slots.map((s) => s.start.slice(0, 10))).size).toBe(5);
  });
});
