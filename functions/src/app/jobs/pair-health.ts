/**
 * Daily pair-health check: active pairs with no meeting for two cadences or a low latest rating are
 * flagged to the programme's manager (at most once a week per pair and reason, by the dedupe key).
 */
import { pairHealthFlags } from '../../core/reports';
import { toArray } from '../../ports/store';
import type { Notification } from '../../ports/messenger';
import type { AppDeps } from '../deps';

const WEEK = 7 * 24 * 3600 * 1000;

export async function flagPairHealth(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const week = Math.floor(now.getTime() / WEEK);
  let flagged = 0;
  for await (const programme of deps.store.programmes.all(undefined, { where: { phase: 'execution' } })) {
    const [pairs, series, feedback] = await Promise.all([
      toArray(deps.store.pairs.all(programme.id, { where: { status: 'active' } })),
      toArray(deps.store.meetings.all(programme.id, { where: { kind: 'pair-series' } })),
      toArray(deps.store.feedback.all(programme.id)),
    ]);
    const seriesOf = new Map(series.map((s) => [s.pairId, s]));
    const feedbackOf = new Map<string, typeof feedback>();
    for (const f of feedback) feedbackOf.set(f.pairId, [...(feedbackOf.get(f.pairId) ?? []), f]);
    const notifications: Notification[] = [];
    for (const pair of pairs) {
      const flags = pairHealthFlags(
        pair,
        seriesOf.get(pair.id),
        feedbackOf.get(pair.id) ?? [],
        programme.cadence,
        now.toISOString(),
      );
      if (!flags.length) continue;
      flagged++;
      notifications.push({
        type: 'pair-health',
        recipient: programme.createdBy,
        programmeId: programme.id,
        params: { programmeId: programme.id, pairId: pair.id, flags: flags.join(',') },
        dedupeKey: `pair-health:${pair.id}:${flags.join(',')}:${week}`,
      });
    }
    if (notifications.length) await deps.messenger.send(notifications);
  }
  return flagged;
}
