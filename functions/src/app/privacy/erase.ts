/**
 * GDPR Art. 17: erases the caller. Their pairs end (partners are re-matched), and every document
 * that names them is deleted or rewritten under a random pseudonym that is stored nowhere, so the
 * programme's totals (funnel, meetings, ratings, self-assessment change) stay right while nothing
 * leads back to the person. Free text they wrote is deleted. The `directory` container is a copy of
 * Microsoft Entra ID (re-synced nightly) and is left to the directory's own lifecycle.
 * Retention (./retention.ts) removes people through the same `pseudonymisePerson`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError } from '../../core/errors';
import { nowIso } from '../../ports/clock';
import { toArray } from '../../ports/store';
import type { AppDeps } from '../deps';
import type { Caller } from '../caller';
import { endPairsOf } from '../support/end-pairs';
import { rematchAffected } from '../matching/rematch';
import { mentions } from './export';
import { update } from '../support/update';
import { deleteIfThere, pseudonymisePerson, swapId } from './pseudonymise';

export interface ErasureResult {
  programmes: number;
  pairsEnded: number;
  anonymised: number;
  deleted: number;
}

/**
 * The pseudonym of an erasure under way, kept in `state` (under a hash of the id) only until the
 * erasure is done: a retry after a failure finishes under the same pseudonym, so the totals stay right.
 */
async function pseudonymFor(deps: AppDeps, id: string): Promise<{ pseudonym: string; key: string }> {
  const key = `erasure:${createHash('sha256').update(id).digest('hex')}`;
  const existing = await deps.store.state.find(key, key);
  if (existing) return { pseudonym: (existing.value as { pseudonym: string }).pseudonym, key };
  const pseudonym = `erased-${randomUUID()}`;
  try {
    await deps.store.state.create({ id: key, schemaVersion: 1, value: { pseudonym }, updatedAt: nowIso(deps.clock) });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    return { pseudonym: ((await deps.store.state.get(key, key)).value as { pseudonym: string }).pseudonym, key };
  }
  return { pseudonym, key };
}

export async function eraseMe(deps: AppDeps, caller: Caller): Promise<ErasureResult> {
  const id = caller.userId;
  const { pseudonym, key } = await pseudonymFor(deps, id);
  const s = deps.store;
  let pairsEnded = 0;

  for (const p of await toArray(s.participants.all(undefined, { where: { userId: id } }))) {
    const freed = await endPairsOf(deps, p.programmeId, id, 'left', 'erasure');
    pairsEnded += freed.length;
    if (freed.length) await rematchAffected(deps, p.programmeId, freed, 'erasure');
  }
  const counts = await pseudonymisePerson(deps, id, pseudonym);
  const result: ErasureResult = { ...counts, pairsEnded };

  // Replay caches and the bot conversation are deleted outright.
  for await (const r of s.idempotency.all(undefined)) {
    if (mentions(r, id)) {
      await deleteIfThere(s.idempotency, r.scope, r.id);
      result.deleted++;
    }
  }
  if (await s.conversations.find(id, id)) {
    await deleteIfThere(s.conversations, id, id);
    result.deleted++;
  }
  for await (const record of s.state.all(undefined)) {
    if (record.id === key || !mentions(record, id)) continue;
    // A list (such as the local demo's sign-in accounts) loses the person's entry; anything else is pseudonymised.
    await update(s.state, s.state.partitionKeyOf(record), record.id, (r) =>
      Array.isArray(r.value)
        ? { ...r, value: r.value.filter((v: unknown) => !mentions(v, id)) }
        : swapId(r, id, pseudonym),
    );
    result.anonymised++;
  }
  // Last: from here on nothing leads from the person to the pseudonym.
  await deleteIfThere(s.state, key, key);
  return result;
}
