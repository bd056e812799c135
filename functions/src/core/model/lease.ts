/**
 * A claim on a piece of background work (booking a series, later a calendar read-back), recorded on
 * the document the work is about: whoever writes the lease in a conditional write owns the work
 * until `until`; after that any instance may take it over. Finishing twice is harmless because the
 * work itself is idempotent; the lease only keeps two instances from doing it at the same moment.
 */
import type { IsoDateTime } from './common';

export interface Lease {
  /** Who holds it: a random id per attempt. */
  owner: string;
  until: IsoDateTime;
}

/** Whether nobody holds the lease at `now` (none, or expired). */
export function leaseFree(lease: Lease | undefined, now: number): boolean {
  return !lease || Date.parse(lease.until) <= now;
}
