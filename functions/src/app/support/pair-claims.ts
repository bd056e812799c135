/**
 * The one way a proposal comes into being and a pair lets its people go. A proposal is created only
 * after both people's enrollments took its claim, each in an ETag-conditional write that checks the
 * rules on the version it replaces (opted in, the right role, a free place, not paired before): two
 * requests that would give one person two partners cannot both pass, on any number of instances.
 * The steps are ordered so that a crash between them leaves a person blocked, never doubly paired:
 * claims before the pair is created, the pair ended before the claims are given up. What a crash
 * leaves behind (a claim without its pair, a pair that ended with its claims) the reconciler clears.
 */
import { ConflictError, NotFoundError } from '../../core/errors';
import {
  claimRefusal,
  endPair,
  isLivePair,
  keepsApart,
  sidesOf,
  withClaim,
  withoutClaim,
  type Pair,
  type PairSide,
  type Programme,
} from '../../core/model';
import type { Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { createOnce } from './retry';
import { update } from './update';

type PairKeys = Pick<Pair, 'id' | 'mentorId' | 'menteeId'>;

async function takeClaim(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  programme: Pick<Programme, 'id' | 'mentorCapacity'>,
  side: PairSide,
  pairId: string,
): Promise<void> {
  const at = nowIso(deps.clock);
  await update(deps.store.participants, programme.id, side.userId, (p) => {
    const refusal = claimRefusal(p, side, pairId, programme.mentorCapacity);
    if (refusal) throw new ConflictError(refusal);
    return withClaim(p, side, pairId, at);
  });
}

async function giveUp(
  deps: Pick<AppDeps, 'store'>,
  programmeId: string,
  side: PairSide,
  pairId: string,
  past: boolean,
): Promise<void> {
  try {
    await update(deps.store.participants, programmeId, side.userId, (p) =>
      withoutClaim(p, pairId, past ? { partnerId: side.partnerId } : undefined),
    );
  } catch (err) {
    // An enrollment that is gone (erased) holds no claim any more.
    if (!(err instanceof NotFoundError)) throw err;
  }
}

/**
 * Takes both people's claims on the pair (mentee first: one place only). Returns why one of them
 * cannot take it now, after giving back the claim already taken; undefined when both hold it.
 */
export async function claimPair(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  programme: Pick<Programme, 'id' | 'mentorCapacity'>,
  pair: PairKeys,
): Promise<string | undefined> {
  const taken: PairSide[] = [];
  for (const side of sidesOf(pair)) {
    try {
      await takeClaim(deps, programme, side, pair.id);
      taken.push(side);
    } catch (err) {
      await Promise.all(taken.map((t) => giveUp(deps, programme.id, t, pair.id, false)));
      if (err instanceof ConflictError && err.reason === 'state') return err.message;
      if (err instanceof NotFoundError) return `${side.userId} is not enrolled`;
      throw err;
    }
  }
  return undefined;
}

/**
 * Lets both people of a pair go. `past` (the pair ended or was declined) also records them as never
 * to be proposed to each other again; a proposal replaced before anyone saw it does not.
 */
export async function releasePair(
  deps: Pick<AppDeps, 'store'>,
  pair: PairKeys & Pick<Pair, 'programmeId'>,
  past: boolean,
): Promise<void> {
  for (const side of sidesOf(pair)) await giveUp(deps, pair.programmeId, side, pair.id, past);
}

/** Releases a pair as its stored state says: for good when it ended or was declined. */
export function releaseEnded(deps: Pick<AppDeps, 'store'>, pair: Pair): Promise<void> {
  return releasePair(deps, pair, keepsApart(pair));
}

/**
 * Creates a proposal once both people's claims are taken. Returns the stored pair, or the reason
 * why one of the two cannot take it now (then nothing is created and no claim is left).
 */
export async function proposeClaimed(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  programme: Pick<Programme, 'id' | 'mentorCapacity'>,
  pair: Pair,
): Promise<{ pair: Stored<Pair> } | { refused: string }> {
  const refused = await claimPair(deps, programme, pair);
  if (refused) return { refused };
  let created: Stored<Pair>;
  try {
    created = await createOnce(deps.store.pairs, pair);
  } catch (err) {
    await releasePair(deps, { ...pair, programmeId: programme.id }, false).catch(() => undefined);
    throw err;
  }
  // A creator that stalled for longer than the reconciler's grace period may find its claims let go
  // (and perhaps taken by another proposal): then this pair never was, and is withdrawn at once.
  const lost = await claimsLost(deps, programme.id, created);
  if (lost) {
    await withdrawUnclaimed(deps, created);
    return { refused: lost };
  }
  return { pair: created };
}

/** Which of the two people no longer holds the pair's claim, if any. */
export async function claimsLost(
  deps: Pick<AppDeps, 'store'>,
  programmeId: string,
  pair: PairKeys,
): Promise<string | undefined> {
  for (const side of sidesOf(pair)) {
    const p = await deps.store.participants.find(programmeId, side.userId);
    if (!p?.claims?.some((c) => c.pairId === pair.id)) return `${side.userId} no longer holds the proposal`;
  }
  return undefined;
}

/** Ends a pair that its people's claims do not hold (it must not bind anyone), letting go what it holds. */
export async function withdrawUnclaimed(deps: Pick<AppDeps, 'store' | 'clock'>, pair: Pair): Promise<void> {
  const now = nowIso(deps.clock);
  try {
    const ended = await update(deps.store.pairs, pair.programmeId, pair.id, (p) =>
      isLivePair(p) ? endPair(p, 'withdrawn', now) : p,
    );
    // As every ended pair: a published one keeps its people apart (they were asked about it).
    await releaseEnded(deps, ended);
  } catch (err) {
    // Already gone (a matching run replaced the proposal): only its claims may be left.
    if (!(err instanceof NotFoundError)) throw err;
    await releasePair(deps, pair, false);
  }
}
