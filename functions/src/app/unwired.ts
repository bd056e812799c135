/**
 * Placeholders for ports whose adapters are wired elsewhere (the Graph directory and calendar):
 * every call answers "unavailable" (503) instead of failing obscurely.
 */
import { UnavailableError } from '../core/errors';
import type { DirectoryReader } from '../ports/directory';
import type { Booking } from './booking';

function unavailable(what: string): never {
  throw new UnavailableError(`${what} is not configured in this deployment.`);
}

export function unwiredDirectory(): DirectoryReader {
  const fail = async (): Promise<never> => unavailable('The directory (Microsoft Graph)');
  return { getUser: fail, getUsers: fail, managerMap: fail, listUsers: fail, departments: fail, groupMembers: fail };
}

export function unwiredBooking(): Booking {
  const fail = async (): Promise<never> => unavailable('The calendar (Microsoft Graph)');
  return { bookPendingSeries: fail, cancelSeriesForPair: fail, moveOccurrence: fail, bookProgrammeEvents: fail };
}
