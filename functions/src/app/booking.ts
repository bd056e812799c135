/**
 * What the use cases need from calendar booking (app/book-series.ts implements it with Graph).
 * Kept as a small interface so use cases and their tests do not depend on the calendar adapter.
 */
import type { MeetingSeries, Programme } from '../core/model';
import type { FreeSlot } from '../core/schedule';

export interface Booking {
  /** Books the series of every confirmed pair that has none yet (idempotent). */
  bookPendingSeries(): Promise<unknown>;
  /** Cancels the pair's future sessions in both calendars (idempotent). */
  cancelSeriesForPair(programmeId: string, pairId: string, comment: string): Promise<unknown>;
  /** Moves one session of a series to a new start; returns the series as stored. */
  moveOccurrence(programmeId: string, seriesId: string, index: number, newStartIso: string): Promise<MeetingSeries>;
  /** Cancels these future sessions of a booked series in the organiser's calendar (idempotent). */
  cancelOccurrences(programmeId: string, seriesId: string, indices: number[], comment: string): Promise<MeetingSeries>;
  /** Times in a session's week when both people are free (getSchedule), to move that session to. */
  freeSlots(programme: Pick<Programme, 'id' | 'cadence'>, seriesId: string, index: number): Promise<FreeSlot[]>;
  /** Books one confirmed pair's series now, or finds it booked (idempotent). */
  bookSeriesForPair(programmeId: string, pairId: string): Promise<{ outcome: string }>;
  /** Books the programme's kick-off and closing (one Teams meeting each) for everyone in a published pair, or brings them up to date (idempotent). */
  bookProgrammeEvents(programmeId: string): Promise<unknown>;
}
