/**
 * Times to move one session to: starts inside both people's working day and the session window, free
 * in both calendars (Graph free/busy; a slot outside the known view is not offered), between two
 * instants. Pure: the caller reads free/busy and passes it in.
 */
import type { IsoDateTime, LocalTime } from '../model';
import { freeIn, insideDay, type SlotPerson } from './find-slot';

export interface FreeSlotRequest {
  people: SlotPerson[];
  window: { start: LocalTime; end: LocalTime };
  sessionMinutes: number;
  /** No start before this instant, none after `to` (the end of the week). */
  from: number;
  to: number;
  /** Candidate starts every N minutes, aligned to the hour (default 30). */
  stepMinutes?: number;
  /** At most this many slots, spread over the days (default 12). */
  limit?: number;
}

export interface FreeSlot {
  start: IsoDateTime;
  end: IsoDateTime;
}

const MINUTE = 60_000;

export function freeSlots(req: FreeSlotRequest): FreeSlot[] {
  const step = (req.stepMinutes ?? 30) * MINUTE;
  const length = req.sessionMinutes * MINUTE;
  const limit = req.limit ?? 12;
  const found: FreeSlot[] = [];
  for (let s = Math.ceil(req.from / step) * step; s + length <= req.to; s += step) {
    const e = s + length;
    const fits = req.people.every((p) => insideDay(p, s, e, req.window) && freeIn(p.availability, s, e) === 'free');
    if (fits) found.push({ start: new Date(s).toISOString(), end: new Date(e).toISOString() });
  }
  if (found.length <= limit) return found;
  // Spread the offer over the week instead of listing one morning's half hours.
  const every = found.length / limit;
  return Array.from({ length: limit }, (_, i) => found[Math.floor(i * every)] as FreeSlot);
}
