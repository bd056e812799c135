/**
 * Daily pair-health check: active pairs with no meeting for two cadences or a low latest rating are
 * flagged to the programme's managers (at most once a week per pair, reason and manager, by the
 * dedupe key). A pair whose sessions are over is not flagged for missing meetings (core/reports).
 */
import type { Programme } from '../../core/model';
import type { Notification } from '../../ports/messenger';
import type { AppDeps } from '../deps';
import { pairHealthOf } from '../pair-health';
import { pairAttention } from '../privacy/visibility';
import { programmeManagers } from '../co-managers';

const WEEK = 7 * 24 * 3600 * 1000;

/**
 * Who hears about a programme's pair health: its creator and every co-manager (co-managers.ts).
 * `Programme.Manage` is a tenant-wide Entra app role that Tandem cannot list, so other managers see
 * the same flags in the console (GET …/pair-health) rather than as notices.
 */
export function pairHealthRecipients(programme: Pick<Programme, 'createdBy' | 'coManagers'>): string[] {
  return programmeManagers(programme);
}

export async function flagPairHealth(deps: AppDeps): Promise<number> {
  const week = Math.floor(deps.clock.now().getTime() / WEEK);
  let flagged = 0;
  for await (const programme of deps.store.programmes.all(undefined, { where: { phase: 'execution' } })) {
    if (programme.pairHealthNotices === false) continue;
    const recipients = pairHealthRecipients(programme);
    const notifications: Notification[] = [];
    for (const item of (await pairHealthOf(deps, programme)).map(pairAttention)) {
      if (!item.needsAttention) continue;
      flagged++;
      // What help fits, never the rating behind it (privacy/visibility.ts).
      const help = item.help.join(',');
      for (const recipient of recipients) {
        notifications.push({
          type: 'pair-health',
          recipient,
          programmeId: programme.id,
          params: { programmeId: programme.id, pairId: item.pairId, help },
          dedupeKey: `pair-health:${item.pairId}:${help}:${week}:${recipient}`,
        });
      }
    }
    if (notifications.length) await deps.messenger.send(notifications);
  }
  return flagged;
}
