import { randomUUID } from 'node:crypto';

/** A new document id: a prefix and 16 random hex digits, never derived from a person's id (erasure). */
export function newId(prefix: string): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}
