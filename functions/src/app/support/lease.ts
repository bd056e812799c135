/**
 * Claiming background work with an expiry (core/model/lease.ts): take the lease in a conditional
 * write, do the work, give it back in the same write that records the result. An instance that
 * stops half-way leaves a lease that expires; the next run or the reconciler takes the work over.
 */
import { ConflictError } from '../../core/errors';
import { leaseFree, type Doc, type Lease } from '../../core/model';
import type { Collection, Stored } from '../../ports/store';
import type { Clock } from '../../ports/clock';
import { update } from './update';
import { newId } from './ids';

type Leased = Doc & { lease?: Lease };

/** Refused because the work is not (or no longer) to be done, or someone else holds it. */
class NotYours extends ConflictError {}

/**
 * Takes the lease on the document for `ms` when `wanted(doc)` says the work is still to be done and
 * nobody else holds it. Returns the document with the lease and its owner id, or undefined.
 */
export async function takeLease<T extends Leased>(
  collection: Collection<T>,
  partitionKey: string,
  id: string,
  clock: Clock,
  ms: number,
  wanted: (doc: T) => boolean,
  /** What else taking the work writes (e.g. status `running`). */
  start: (doc: T) => T = (doc) => doc,
): Promise<{ doc: Stored<T>; owner: string } | undefined> {
  const owner = newId('lease');
  try {
    const doc = await update(collection, partitionKey, id, (d) => {
      const now = clock.now().getTime();
      if (!wanted(d) || !leaseFree(d.lease, now)) throw new NotYours('taken');
      return { ...start(d), lease: { owner, until: new Date(now + ms).toISOString() } };
    });
    return { doc, owner };
  } catch (err) {
    if (err instanceof NotYours) return undefined;
    throw err;
  }
}

/** The document without its lease (to be written when the work is done or given up). */
export function withoutLease<T extends Leased>(doc: T): T {
  const { lease: _lease, ...rest } = doc;
  return rest as T;
}

/** Gives the lease back without recording anything (the work failed; the next run tries again). */
export async function dropLease<T extends Leased>(
  collection: Collection<T>,
  partitionKey: string,
  id: string,
  owner: string,
): Promise<void> {
  await update(collection, partitionKey, id, (d) => (d.lease?.owner === owner ? withoutLease(d) : d));
}
