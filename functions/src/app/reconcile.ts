/**
 * The reconciler: a frequent, idempotent sweep that completes every multi-step change of pairs that
 * stopped half-way (an instance recycled between two writes, a store error after the first). Each
 * transition is ordered so that what it leaves behind is safe (a person blocked, never paired twice);
 * this sweep finishes it: claims whose pair is gone or over are let go, a person who paused or left
 * without their pairs ending has them ended, live pairs missing their claims get them, free people
 * are matched again when someone is free for them (also after a matching run that held re-matching
 * back), and series left half-booked are taken over once their lease has expired.
 */
import {
  claimRefusal,
  isLivePair,
  keepsApart,
  leaseFree,
  partnerOf,
  placesOf,
  roleIn,
  seriesIdOf,
  sidesOf,
  withClaim,
  withoutClaim,
  type Pair,
  type Participant,
  type Programme,
} from '../core/model';
import { ConflictError, NotFoundError } from '../core/errors';
import { toArray } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { audit } from './support/audit';
import { update } from './support/update';
import { endOnePair } from './support/end-pairs';
import { withdrawUnclaimed } from './support/pair-claims';
import { rematchAffected } from './matching/rematch';

/** A claim younger than this may belong to a proposal that is being created right now. */
export const CLAIM_GRACE_MS = 5 * 60_000;
const ACTOR = 'reconciler';

export interface ReconcileReport {
  programmes: number;
  /** Claims let go: their pair never appeared, ended or was declined. */
  releasedClaims: number;
  /** Claims written for live pairs that lacked them. */
  restoredClaims: number;
  /** Live pairs ended because one of the two had paused or left. */
  endedPairs: number;
  /** New proposals for people who were free. */
  rematched: number;
  /** Series whose booking had stopped half-way, booked now. */
  rebooked: number;
  /** Live pairs their people's claims did not hold and could not take (a creator stalled): withdrawn. */
  conflicts: number;
}

export function emptyReport(): ReconcileReport {
  return {
    programmes: 0,
    releasedClaims: 0,
    restoredClaims: 0,
    endedPairs: 0,
    rematched: 0,
    rebooked: 0,
    conflicts: 0,
  };
}

/** Sweeps every programme whose pairs can change (matching and execution). */
export async function reconcilePairs(deps: AppDeps): Promise<ReconcileReport> {
  const report = emptyReport();
  const programmes = await toArray(
    deps.store.programmes.all(undefined, { where: { phase: ['matching', 'execution'] } }),
  );
  for (const programme of programmes) {
    await reconcileProgramme(deps, programme, report);
    report.programmes++;
  }
  return report;
}

export async function reconcileProgramme(
  deps: AppDeps,
  programme: Programme,
  report: ReconcileReport = emptyReport(),
): Promise<ReconcileReport> {
  const before = { ...report };
  const pid = programme.id;
  const now = deps.clock.now().getTime();
  let participants = await toArray(deps.store.participants.all(pid));
  let pairs = await toArray(deps.store.pairs.all(pid));
  const pairById = new Map(pairs.map((p) => [p.id, p]));

  // 1. Claims whose pair is over, names someone else, or never appeared after the grace period.
  for (const p of participants) {
    for (const claim of p.claims ?? []) {
      const pair = pairById.get(claim.pairId);
      const mine = pair && roleIn(pair, p.userId);
      if (pair && mine && isLivePair(pair)) continue;
      if (!pair && now - Date.parse(claim.at) < CLAIM_GRACE_MS) continue;
      const past = pair && mine && keepsApart(pair) ? { partnerId: partnerOf(pair, p.userId) as string } : undefined;
      await update(deps.store.participants, pid, p.userId, (c) => withoutClaim(c, claim.pairId, past));
      report.releasedClaims++;
    }
  }

  // 2. Live pairs: ended when one of the two stepped out; their claims written where missing.
  participants = await toArray(deps.store.participants.all(pid));
  const byId = new Map(participants.map((p) => [p.userId, p]));
  for (const pair of pairs.filter(isLivePair)) {
    await skipIfGone(async () => {
      const out = [pair.mentorId, pair.menteeId]
        .map((id) => byId.get(id))
        .find((p) => p && (p.erasedAt || p.status !== 'opted-in'));
      // Someone who paused, left (or left and was invited again) is in no live pair.
      if (out !== undefined || [pair.mentorId, pair.menteeId].some((id) => !byId.has(id))) {
        const reason = out?.status === 'paused' ? 'paused' : 'left';
        await endOnePair(
          deps,
          pair,
          pair.status === 'proposed' && !pair.publishedAt ? 'withdrawn' : reason,
          ACTOR,
          out?.userId,
        );
        report.endedPairs++;
        return;
      }
      for (const side of sidesOf(pair)) {
        const person = byId.get(side.userId) as Participant;
        if ((person.claims ?? []).some((c) => c.pairId === pair.id)) continue;
        try {
          await update(deps.store.participants, pid, side.userId, (c) => {
            const refusal = claimRefusal(c, side, pair.id, programme.mentorCapacity);
            if (refusal) throw new ConflictError(refusal);
            return withClaim(c, side, pair.id, nowIso(deps.clock));
          });
          report.restoredClaims++;
        } catch (err) {
          if (!(err instanceof ConflictError && err.reason === 'state')) throw err;
          // The person's places are held by other pairs: this one was made by a creator that stalled
          // past the grace period, and must not bind them. It is withdrawn.
          await withdrawUnclaimed(deps, pair);
          report.conflicts++;
          break;
        }
      }
    });
  }

  // 3. Free people matched again when the programme re-matches (published, no run going).
  const current = await deps.store.programmes.get(pid, pid);
  if (
    current.publishedAt &&
    !current.matchingJobId &&
    (current.phase === 'matching' || current.phase === 'execution')
  ) {
    participants = await toArray(deps.store.participants.all(pid));
    const free = participants
      .filter((p) => p.status === 'opted-in' && p.role && !p.erasedAt)
      .filter((p) => (p.claims?.length ?? 0) < placesOf(p.role as 'mentor' | 'mentee', current.mentorCapacity))
      .map((p) => p.userId)
      .sort();
    if (free.length && (await situationChanged(deps, pid, free, pairs))) {
      report.rematched += (await rematchAffected(deps, pid, free, ACTOR)).length;
      pairs = await toArray(deps.store.pairs.all(pid));
      await remember(deps, pid, free, pairs);
    }
  }

  // 4. Series whose booking stopped half-way (lease expired, or the attempt failed).
  if (current.phase === 'execution') {
    for (const pair of pairs) {
      if (pair.status !== 'confirmed' || (pair.booking !== 'booking' && pair.booking !== 'failed')) continue;
      const series = await deps.store.meetings.find(pid, seriesIdOf(pair.id));
      if (series && !leaseFree(series.lease, now)) continue;
      try {
        const { outcome } = await deps.booking.bookSeriesForPair(pid, pair.id);
        if (outcome === 'booked') report.rebooked++;
      } catch (err) {
        // The booking recorded why on the series and gave its lease back; the other pairs go on.
        console.error(
          `reconcile: booking ${pid}/${pair.id} failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
  }

  const fixed = (Object.keys(report) as (keyof ReconcileReport)[])
    .filter((k) => k !== 'programmes' && report[k] !== before[k])
    .map((k) => [k, report[k] - before[k]] as const);
  if (fixed.length) await audit(deps, pid, ACTOR, 'reconcile.fixed', undefined, Object.fromEntries(fixed));
  return report;
}

/** Runs one repair; a document that a concurrent matching run replaced meanwhile needs none. */
async function skipIfGone(repair: () => Promise<void>): Promise<void> {
  try {
    await repair();
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
}

/**
 * Whether the free people, or the pairs around them, changed since the last re-match attempt: a
 * programme whose free people have nobody to be matched with is not re-run every few minutes.
 */
async function situationChanged(deps: AppDeps, pid: string, free: string[], pairs: Pair[]): Promise<boolean> {
  const record = await deps.store.state.find(stateId(pid), stateId(pid));
  return (record?.value as { key?: string } | undefined)?.key !== situationKey(free, pairs);
}

async function remember(deps: AppDeps, pid: string, free: string[], pairs: Pair[]): Promise<void> {
  const now = nowIso(deps.clock);
  await deps.store.state.upsert({
    id: stateId(pid),
    schemaVersion: 1,
    value: { key: situationKey(free, pairs) },
    updatedAt: now,
  });
}

function stateId(pid: string): string {
  return `reconcile:${pid}`;
}

function situationKey(free: string[], pairs: Pair[]): string {
  const settled = pairs.filter((p) => !isLivePair(p)).length;
  return `${free.join(',')}|${pairs.length}|${settled}`;
}
