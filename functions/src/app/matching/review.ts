/** The programme manager's review of proposals before publishing: lock, swap, exclude. */
import { coded, ConflictError } from '../../core/errors';
import { MatchInputError, solveMatching } from '../../core/matching';
import { endPair, type Pair, type Programme } from '../../core/model';
import { type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { assertManager, type Caller } from '../caller';
import { loadProgramme } from '../support/access';
import { audit } from '../support/audit';
import { buildMatchInput, loadMatchContext, proposalOf } from './match-input';
import { update } from '../support/update';
import { proposeClaimed, releaseEnded, releasePair } from '../support/pair-claims';
import { deleteOnce } from '../support/retry';

function assertReviewable(programme: Programme, pair: Pair): void {
  if (programme.phase !== 'matching')
    throw new ConflictError(`Proposals are reviewed in the matching phase; the programme is in ${programme.phase}.`);
  if (programme.matchingJobId)
    throw coded(new ConflictError('A matching run is going; wait for it to finish.'), 'matching-running');
  if (pair.status !== 'proposed' || pair.publishedAt)
    throw new ConflictError('Only proposals that are not published yet can be changed.');
}

/** Changes one unpublished proposal during review (read-modify-write with If-Match) and audits it. */
async function reviewProposal(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
  change: (pair: Pair, now: string) => Pair,
  action: string,
  ifMatch?: string,
): Promise<Stored<Pair>> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const now = nowIso(deps.clock);
  const stored = await update(
    deps.store.pairs,
    programmeId,
    pairId,
    (p) => {
      assertReviewable(programme, p);
      return change(p, now);
    },
    ifMatch,
  );
  await audit(deps, programmeId, caller.userId, action, pairId);
  return stored;
}

/** Keeps a proposal as it is in every re-run (or releases it again). */
export function setPairLock(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
  locked: boolean,
  ifMatch?: string,
): Promise<Stored<Pair>> {
  return reviewProposal(
    deps,
    caller,
    programmeId,
    pairId,
    (p, now) => ({ ...p, locked, updatedAt: now }),
    locked ? 'pair.locked' : 'pair.unlocked',
    ifMatch,
  );
}

/** Ends a proposal and makes sure the engine never proposes these two people together again. */
export async function excludePair(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairId: string,
  ifMatch?: string,
): Promise<Stored<Pair>> {
  const excluded = await reviewProposal(
    deps,
    caller,
    programmeId,
    pairId,
    (p, now) => endPair(p, 'excluded', now),
    'pair.excluded',
    ifMatch,
  );
  await releaseEnded(deps, excluded);
  return excluded;
}

/**
 * Swaps the mentees of two proposals. Both new pairs are checked by the engine (same management
 * chain, language, exclusions) and locked, since the manager chose them.
 */
export async function swapPairs(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  pairIds: [string, string],
): Promise<[Stored<Pair>, Stored<Pair>]> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const [a, b] = await Promise.all(pairIds.map((id) => deps.store.pairs.get(programmeId, id)));
  if (!a || !b) throw new ConflictError('Both pairs are needed.');
  assertReviewable(programme, a);
  assertReviewable(programme, b);
  const ctx = await loadMatchContext(deps, programme);
  const ids = new Set([a.mentorId, a.menteeId, b.mentorId, b.menteeId]);
  const people = ctx.participants.filter((p) => ids.has(p.userId));
  const lock: [string, string][] = [
    [a.mentorId, b.menteeId],
    [b.mentorId, a.menteeId],
  ];
  let result;
  try {
    result = solveMatching(await buildMatchInput(deps, ctx, people, lock));
  } catch (err) {
    if (err instanceof MatchInputError) throw new ConflictError(`These pairs cannot be swapped: ${err.message}`);
    throw err;
  }
  const now = nowIso(deps.clock);
  const fresh = ([old, mentee]: [Stored<Pair>, string]): Pair => {
    const matched = result.pairs.find((p) => p.mentor === old.mentorId && p.mentee === mentee);
    if (!matched) throw new ConflictError('These pairs cannot be swapped.');
    return proposalOf(programme, ctx, matched, now, { locked: true });
  };
  const next = (
    [
      [a, b.menteeId],
      [b, a.menteeId],
    ] as [Stored<Pair>, string][]
  ).map(fresh) as [Pair, Pair];
  // Two new proposals replace the old ones, in the one safe order: the old ones go first (nobody saw
  // them, so they keep nobody apart) and let their people go, then the new ones take both people's
  // claims. A stop in between leaves people without a proposal, never with two.
  for (const old of [a, b]) {
    await deleteOnce(deps.store.pairs, programmeId, old.id);
    await releasePair(deps, old, false);
  }
  const swapped: Stored<Pair>[] = [];
  for (const pair of next) {
    const proposed = await proposeClaimed(deps, programme, pair);
    if ('refused' in proposed)
      throw new ConflictError(`The swap stopped half-way: ${proposed.refused}. Run matching again.`);
    swapped.push(proposed.pair);
  }
  await audit(deps, programmeId, caller.userId, 'pairs.swapped', `${a.id},${b.id}`);
  return swapped as [Stored<Pair>, Stored<Pair>];
}
