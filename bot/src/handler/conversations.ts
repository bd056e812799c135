/**
 * The conversation references the fan-out needs for proactive messages: one per person (their
 * personal chat with the bot), stored on install and refreshed on every message, so the service
 * URL and the person's locale stay current.
 */
import { TurnContext, type Activity } from 'botbuilder';
import type { Store } from '@tandem/ports/store';
import type { Clock } from '@tandem/ports/clock';
import type { ConversationRecord } from '@tandem/ports/records';
import { ConflictError } from '@tandem/core/errors';

export const CONVERSATION_SCHEMA_VERSION = 1;

/** The Teams tenant of an activity (conversation.tenantId, or channelData.tenant.id). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/** Stores the person's personal conversation; group chats and channels are not used for proactive messages. */
export async function saveConversation(
  store: Store,
  clock: Clock,
  activity: Partial<Activity>,
): Promise<ConversationRecord | undefined> {
  const userId = activity.from?.aadObjectId;
  const type = activity.conversation?.conversationType;
  if (!userId || (type && type !== 'personal')) return undefined;
  const reference = TurnContext.getConversationReference(activity);
  // NOTE: the activity id belongs to this turn; a proactive message must not reply to it.
  delete (reference as { activityId?: string }).activityId;
  const tenantId = tenantOf(activity);
  const record: ConversationRecord = {
    id: userId,
    schemaVersion: CONVERSATION_SCHEMA_VERSION,
    userId,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    ...(activity.locale ? { locale: activity.locale } : {}),
    ...(tenantId ? { tenantId } : {}),
    updatedAt: clock.now().toISOString(),
  };
  const { etag: _etag, ...stored } = await store.conversations.upsert(record);
  return stored;
}

/**
 * Records that the bot cannot reach the person any more (they removed the app, or a send answered
 * 403): the fan-out then keeps their messages waiting instead of failing them, and the next install
 * (which stores the conversation afresh) releases them. Returns false when there is no conversation.
 */
export async function markUnreachable(
  store: Store,
  clock: Clock,
  userId: string,
  reason: 'uninstalled' | 'blocked',
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.conversations.find(userId, userId);
    if (!current) return false;
    const { etag, ...record } = current;
    if (record.unreachable?.reason === reason) return true;
    try {
      await store.conversations.replace(
        { ...record, unreachable: { reason, at: clock.now().toISOString() }, updatedAt: clock.now().toISOString() },
        etag,
      );
      return true;
    } catch (err) {
      // A concurrent write (the person reinstalled meanwhile): read again and decide afresh.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return false;
}
