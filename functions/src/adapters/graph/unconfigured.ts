import { UnavailableError } from '../../core/errors';
import type { CalendarPort } from '../../ports/calendar';

/** The calendar when Graph is not configured: every call says so instead of failing obscurely. */
export function unconfiguredCalendar(reason: string): CalendarPort {
  const fail = async (): Promise<never> => {
    throw new UnavailableError(reason);
  };
  return {
    mailboxSettings: fail,
    onlineMeetingProviders: fail,
    getSchedule: fail,
    findEvent: fail,
    createEvent: fail,
    addTeamsMeeting: fail,
    occurrences: fail,
    moveEvent: fail,
    updateEvent: fail,
    cancelEvents: fail,
  };
}
