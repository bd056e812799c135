import { pairHealth, type HealthFrame } from '../../../functions/src/core/reports';
import type { Occurrence } from '../../../functions/src/core/model';

const NOW = '2026-03-01T12:00:00.000Z';
const HOUR = 3600 * 1000;
const weeksAgo = (w: number) => new Date(Date.parse(NOW) - w * 7 * 24 * HOUR).toISOString();
const occ = (index: number, w: number, status: Occurrence['status']): Occurrence => ({
  index,
  start: weeksAgo(w),
  end: new Date(Date.parse(weeksAgo(w)) + 0.75 * HOUR).toISOString(),
  status,
});
const execution: HealthFrame = { cadence: { intervalWeeks: 2 }, phase: 'execution' };
const active = { status: 'active' as const };

describe('pair health and a pause the pair agreed on', () => {
  // Held five weeks ago, then two sessions cancelled by a pause; one more to come.
  const occurrences = [occ(0, 5, 'held'), occ(1, 3, 'cancelled'), occ(2, 1, 'cancelled'), occ(3, -1, 'planned')];

  it('does not flag a pair as not meeting while its sessions are paused', () => {
    const pause = { by: 'mentee-1', until: weeksAgo(-1).slice(0, 10), at: weeksAgo(4) };
    expect(pairHealth(active, { occurrences, pause }, [], execution, NOW).flags).toEqual([]);
  });

  it('counts from the end of the pause once it is over', () => {
    const recent = { by: 'mentee-1', until: weeksAgo(1).slice(0, 10), at: weeksAgo(4) };
    expect(pairHealth(active, { occurrences, pause: recent }, [], execution, NOW).flags).toEqual([]);
    const long = { by: 'mentee-1', until: weeksAgo(4.5).slice(0, 10), at: weeksAgo(5) };
    expect(pairHealth(active, { occurrences, pause: long }, [], execution, NOW).flags).toEqual(['no-recent-meeting']);
  });

  it('flags the same sessions without a pause (cancelled ones are not meetings)', () => {
    expect(pairHealth(active, { occurrences }, [], execution, NOW).flags).toEqual(['no-recent-meeting']);
  });
});
