import type { LocalTime, TimeOfDay } from '../model';
import { minutesOf } from '../model';

/** What "morning", "midday" and "afternoon" mean in a person's local time. */
export const TIME_OF_DAY_WINDOWS: Readonly<Record<TimeOfDay, { start: LocalTime; end: LocalTime }>> = {
  morning: { start: '08:00', end: '12:00' },
  midday: { start: '11:00', end: '14:00' },
  afternoon: { start: '13:00', end: '18:00' },
};

function hhmm(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The programme's session window narrowed to the chosen times of day (from the earliest start to the
 * latest end among them); the whole window when none is chosen. Undefined when what is left is
 * shorter than one session.
 */
export function narrowWindow(
  window: { start: LocalTime; end: LocalTime },
  times: readonly TimeOfDay[],
  sessionMinutes: number,
): { start: LocalTime; end: LocalTime } | undefined {
  let start = minutesOf(window.start);
  let end = minutesOf(window.end);
  if (times.length) {
    start = Math.max(start, Math.min(...times.map((t) => minutesOf(TIME_OF_DAY_WINDOWS[t].start))));
    end = Math.min(end, Math.max(...times.map((t) => minutesOf(TIME_OF_DAY_WINDOWS[t].end))));
  }
  return end - start >= sessionMinutes ? { start: hhmm(start), end: hhmm(end) } : undefined;
}
