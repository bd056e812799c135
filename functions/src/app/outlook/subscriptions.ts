/**
 * Graph change-notification subscriptions on the events of programme mailboxes (only where a
 * programme's organiser is a mailbox: a person's calendar is never watched). Each subscription has
 * its own random clientState; the store keeps only its SHA-256, compared in constant time. Graph
 * lets an Outlook event subscription live at most 10,080 minutes (subscription resource, Microsoft
 * Learn), so the `outlookSubscriptions` timer renews each one well before it expires.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConflictError } from '../../core/errors';
import { toArray } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps, OutlookWatch } from '../deps';
import { update } from '../support/update';

/** Graph's maximum for Outlook events without resource data: 10,080 minutes (under 7 days). */
export const MAX_SUBSCRIPTION_MINUTES = 10_080;
/** What Tandem asks for: a little under the maximum, so clock skew never makes Graph refuse it. */
export const SUBSCRIPTION_MINUTES = MAX_SUBSCRIPTION_MINUTES - 30;
/** A subscription with less than this left is renewed (the timer runs every 6 hours). */
export const RENEW_BEFORE_MS = 3 * 86_400_000;

/** The index of every mailbox subscription (a handful of programme mailboxes): one state document. */
export const SUBSCRIPTIONS_DOC = 'outlook-subscriptions';
/** Per subscription, what the webhook needs: the mailbox and the hash of its clientState. */
export const subscriptionDocId = (subscriptionId: string) => `graph-subscription:${subscriptionId}`;

export interface MailboxSubscription {
  subscriptionId: string;
  expiresAt: string;
}
export interface SubscriptionIndex {
  mailboxes: Record<string, MailboxSubscription>;
}
export interface SubscriptionRecord {
  subscriptionId: string;
  mailbox: string;
  /** SHA-256 (hex) of the clientState Graph echoes with every notification. */
  clientStateHash: string;
  expiresAt: string;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Whether `clientState` is the subscription's secret: both sides hashed, compared in constant time. */
export function clientStateMatches(record: SubscriptionRecord, clientState: unknown): boolean {
  if (typeof clientState !== 'string') return false;
  const expected = Buffer.from(record.clientStateHash, 'hex');
  const given = Buffer.from(hashSecret(clientState), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function findSubscription(
  deps: Pick<AppDeps, 'store'>,
  subscriptionId: string,
): Promise<SubscriptionRecord | undefined> {
  const doc = await deps.store.state.find(subscriptionDocId(subscriptionId), subscriptionDocId(subscriptionId));
  return doc?.value as SubscriptionRecord | undefined;
}

async function readIndex(deps: AppDeps): Promise<SubscriptionIndex> {
  const doc = await deps.store.state.find(SUBSCRIPTIONS_DOC, SUBSCRIPTIONS_DOC);
  return (doc?.value as SubscriptionIndex | undefined) ?? { mailboxes: {} };
}

async function writeIndex(deps: AppDeps, change: (index: SubscriptionIndex) => SubscriptionIndex): Promise<void> {
  const at = nowIso(deps.clock);
  try {
    await deps.store.state.create({ id: SUBSCRIPTIONS_DOC, schemaVersion: 1, value: { mailboxes: {} }, updatedAt: at });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
  await update(deps.store.state, SUBSCRIPTIONS_DOC, SUBSCRIPTIONS_DOC, (d) => ({
    ...d,
    value: change((d.value as SubscriptionIndex | undefined) ?? { mailboxes: {} }),
    updatedAt: at,
  }));
}

/** The programme mailboxes that organise series now (programmes from matching to steering). */
export async function programmeMailboxes(deps: AppDeps): Promise<string[]> {
  const programmes = await toArray(
    deps.store.programmes.all(undefined, { where: { phase: ['matching', 'execution', 'steering'] } }),
  );
  // As the programme spells it: the series record the same spelling as their organiser.
  const out = new Set<string>();
  for (const p of programmes) if (p.organizer.kind === 'mailbox') out.add(p.organizer.address);
  return [...out].sort();
}

const expiry = (deps: AppDeps) => new Date(deps.clock.now().getTime() + SUBSCRIPTION_MINUTES * 60_000).toISOString();

/** Creates a subscription for the mailbox (Graph validates the URL first) and records it. */
async function subscribe(deps: AppDeps, outlook: Required<OutlookWatch>, mailbox: string): Promise<void> {
  const clientState = randomBytes(32).toString('base64url');
  const sub = await outlook.watch.subscribe({
    mailbox,
    notificationUrl: outlook.notificationUrl,
    expiresAt: expiry(deps),
    clientState,
  });
  const record: SubscriptionRecord = {
    subscriptionId: sub.id,
    mailbox,
    clientStateHash: hashSecret(clientState),
    expiresAt: sub.expiresAt,
  };
  await deps.store.state.upsert({
    id: subscriptionDocId(sub.id),
    schemaVersion: 1,
    value: record,
    updatedAt: nowIso(deps.clock),
  });
  let previous: string | undefined;
  await writeIndex(deps, (index) => {
    previous = index.mailboxes[mailbox]?.subscriptionId;
    return { mailboxes: { ...index.mailboxes, [mailbox]: { subscriptionId: sub.id, expiresAt: sub.expiresAt } } };
  });
  // Another run subscribed the same mailbox at the same moment: keep one subscription.
  if (previous && previous !== sub.id) await forget(deps, outlook, previous);
}

async function forget(deps: AppDeps, outlook: OutlookWatch, subscriptionId: string): Promise<void> {
  await outlook.watch.unsubscribe(subscriptionId);
  await deps.store.state.delete(subscriptionDocId(subscriptionId), subscriptionDocId(subscriptionId)).catch(() => {});
}

async function renew(deps: AppDeps, outlook: Required<OutlookWatch>, mailbox: string, current: MailboxSubscription) {
  const renewed = await outlook.watch.renew(current.subscriptionId, expiry(deps));
  if (!renewed) {
    // Graph no longer knows it (expired or removed): a new one replaces it.
    await deps.store.state
      .delete(subscriptionDocId(current.subscriptionId), subscriptionDocId(current.subscriptionId))
      .catch(() => {});
    await subscribe(deps, outlook, mailbox);
    return 'recreated' as const;
  }
  await update(deps.store.state, subscriptionDocId(renewed.id), subscriptionDocId(renewed.id), (d) => ({
    ...d,
    value: { ...(d.value as SubscriptionRecord), expiresAt: renewed.expiresAt },
    updatedAt: nowIso(deps.clock),
  }));
  await writeIndex(deps, (index) => ({
    mailboxes: { ...index.mailboxes, [mailbox]: { subscriptionId: renewed.id, expiresAt: renewed.expiresAt } },
  }));
  return 'renewed' as const;
}

export interface SubscriptionReport {
  created: number;
  renewed: number;
  removed: number;
  failed: number;
  /** Why nothing was done, when nothing could be. */
  skipped?: string;
}

/**
 * Every programme mailbox has a live subscription that will not expire before the next run; those of
 * mailboxes no programme uses any more are deleted. Safe to run any number of times.
 * `force` renews the named mailbox whatever its expiry (a reauthorizationRequired lifecycle event).
 */
export async function ensureSubscriptions(deps: AppDeps, force?: string): Promise<SubscriptionReport> {
  const report: SubscriptionReport = { created: 0, renewed: 0, removed: 0, failed: 0 };
  const outlook = deps.outlook;
  if (!outlook?.notificationUrl) return { ...report, skipped: 'GRAPH_NOTIFICATION_URL is not set: read-back only' };
  const ready = { watch: outlook.watch, notificationUrl: outlook.notificationUrl };
  const wanted = await programmeMailboxes(deps);
  const index = await readIndex(deps);
  const now = deps.clock.now().getTime();
  for (const mailbox of wanted) {
    const current = index.mailboxes[mailbox];
    try {
      if (!current) {
        await subscribe(deps, ready, mailbox);
        report.created++;
      } else if (force === mailbox || Date.parse(current.expiresAt) - now < RENEW_BEFORE_MS) {
        if ((await renew(deps, ready, mailbox, current)) === 'renewed') report.renewed++;
        else report.created++;
      }
    } catch (err) {
      report.failed++;
      console.error(`subscription for ${mailbox}: ${(err as Error).message}`);
    }
  }
  for (const [mailbox, current] of Object.entries(index.mailboxes)) {
    if (wanted.includes(mailbox)) continue;
    try {
      await forget(deps, outlook, current.subscriptionId);
      await writeIndex(deps, (i) => {
        const { [mailbox]: _gone, ...rest } = i.mailboxes;
        return { mailboxes: rest };
      });
      report.removed++;
    } catch (err) {
      report.failed++;
      console.error(`removing the subscription of ${mailbox}: ${(err as Error).message}`);
    }
  }
  return report;
}

/** Graph removed the subscription (subscriptionRemoved): forget it and subscribe the mailbox again. */
export async function replaceSubscription(deps: AppDeps, record: SubscriptionRecord): Promise<void> {
  const outlook = deps.outlook;
  if (!outlook?.notificationUrl) return;
  await deps.store.state
    .delete(subscriptionDocId(record.subscriptionId), subscriptionDocId(record.subscriptionId))
    .catch(() => {});
  await writeIndex(deps, (i) => {
    const { [record.mailbox]: _gone, ...rest } = i.mailboxes;
    return { mailboxes: rest };
  });
  await subscribe(deps, { watch: outlook.watch, notificationUrl: outlook.notificationUrl }, record.mailbox);
}
