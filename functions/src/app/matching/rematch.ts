/**
 * After a decline, a leave or a pause, only the people it affects get a new partner: every other
 * pair stays exactly as it is. New proposals are published at once when the programme already
 * published its pairs (the people were waiting), and both people are asked to confirm.
 */
import { MatchInputError, rematch } from '../../core/matching';
import { isLivePair, placesOf, type Pair, type Programme } from '../../core/model';
import { nowIso } from '../../ports/clock';
import type { Notification } from '../../ports/messenger';
import type { AppDeps } from '../deps';
import { loadProgramme } from '../support/access';
import { audit } from '../support/audit';
import { proposeClaimed } from '../support/pair-claims';
import { buildMatchInput, candidatesOf, loadMatchContext, proposalOf } from './match-input';

/** Phases in which a freed person is matched again (before publishing, the manager re-runs instead). */
function rematchOpen(programme: Programme): boolean {
  return Boolean(programme.publishedAt) && (programme.phase === 'matching' || programme.phase === 'execution');
}

export async function rematchAffected(
  deps: AppDeps,
  programmeId: string,
  affectedIds: string[],
  actor: string,
): Promise<Pair[]> {
  const programme = await loadProgramme(deps, programmeId);
  if (!rematchOpen(programme)) return [];
  if (programme.matchingJobId) {
    // The run replaces proposals right now; the reconciler matches these people once it is over.
    await audit(deps, programmeId, actor, 'rematch.deferred', undefined, { people: affectedIds.length });
    return [];
  }
  const ctx = await loadMatchContext(deps, programme);
  const people = candidatesOf(ctx.participants);
  const ids = new Set(people.map((p) => p.userId));
  const live = ctx.pairs.filter((p) => isLivePair(p) && ids.has(p.mentorId) && ids.has(p.menteeId));
  // Bound: a person whose enrollment holds all the claims their role allows (a mentor with a free
  // second place stays in their pair and may also take a new mentee), or who is in a live pair.
  const full = new Set(
    people
      .filter((p) => p.role && (p.claims?.length ?? 0) >= placesOf(p.role, programme.mentorCapacity))
      .map((p) => p.userId),
  );
  const bound = new Set([...full, ...live.flatMap((p) => [p.mentorId, p.menteeId])]);
  const affected = affectedIds.filter((id) => ids.has(id) && !bound.has(id));
  if (affected.length === 0) return [];
  const input = await buildMatchInput(deps, ctx, people);
  let result;
  try {
    result = rematch(input, { fixedPairs: live.map((p) => [p.mentorId, p.menteeId]), affectedIds: affected });
  } catch (err) {
    // Directory data that contradicts a fixed pair must not undo the decline or the leave itself.
    if (err instanceof MatchInputError) {
      await audit(deps, programmeId, actor, 'rematch.skipped', undefined, { reason: err.message.slice(0, 200) });
      return [];
    }
    throw err;
  }
  const now = nowIso(deps.clock);
  const fixed = new Set(live.map((p) => `${p.mentorId}|${p.menteeId}`));
  const created: Pair[] = [];
  const notifications: Notification[] = [];
  let refused = 0;
  for (const matched of result.pairs) {
    if (fixed.has(`${matched.mentor}|${matched.mentee}`)) continue;
    // Both people take the proposal's claim first: whatever ran at the same moment, nobody gets two.
    const proposed = await proposeClaimed(
      deps,
      programme,
      proposalOf(programme, ctx, matched, now, { publishedAt: now }),
    );
    if ('refused' in proposed) {
      refused++;
      continue;
    }
    const pair = proposed.pair;
    created.push(pair);
    for (const recipient of [pair.mentorId, pair.menteeId]) {
      notifications.push({
        type: 'proposal',
        recipient,
        programmeId,
        params: { programmeId, pairId: pair.id },
        dedupeKey: `proposal:${pair.id}:${recipient}`,
      });
    }
  }
  if (notifications.length) await deps.messenger.send(notifications);
  await audit(deps, programmeId, actor, 'rematch.done', undefined, {
    affected: affected.length,
    created: created.length,
    ...(refused ? { refused } : {}),
  });
  return created;
}
