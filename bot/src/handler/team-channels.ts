/**
 * Team channels where the app is installed, for posts a programme manager sends there: stored from
 * the team-scope events Teams sends the bot (the install's conversationUpdate with the team, a
 * channel created or renamed, a mention in a channel) as conversation records `channel:<id>`, so the
 * fan-out reaches a channel exactly as it reaches a person (same outbox, same rate limits).
 */
import { TurnContext, type Activity } from 'botbuilder';
import type { Store } from '@tandem/ports/store';
import type { Clock } from '@tandem/ports/clock';
import { toArray } from '@tandem/ports/store';
import type { ConversationRecord } from '@tandem/ports/records';
import { channelRecipient } from '@tandem/app';
import { CONVERSATION_SCHEMA_VERSION, tenantOf } from './conversations';

interface TeamsChannelData {
  eventType?: string;
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

/** Stores the channel of a team-scope activity; returns it, or undefined for other scopes. */
export async function saveTeamChannel(
  store: Store,
  clock: Clock,
  activity: Partial<Activity>,
): Promise<ConversationRecord | undefined> {
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const teamId = data.team?.id;
  if (!teamId) return undefined;
  if (data.eventType === 'channelDeleted' && data.channel?.id) {
    await store.conversations.delete(channelRecipient(data.channel.id), channelRecipient(data.channel.id)).catch(() => {
      // Never stored, or deleted already: nothing to do.
    });
    return undefined;
  }
  // The team's first channel (General) has the team's id; a message or a new channel names its own.
  const channelId = (data.channel?.id ?? activity.conversation.id ?? teamId).split(';')[0] as string;
  const reference = TurnContext.getConversationReference(activity);
  // NOTE: a post starts a new thread in the channel: no reply-to, no person of this turn.
  delete (reference as { activityId?: string }).activityId;
  delete (reference as { user?: unknown }).user;
  reference.conversation = { ...reference.conversation, id: channelId } as typeof reference.conversation;
  const id = channelRecipient(channelId);
  const current = await store.conversations.find(id, id);
  const channelName = data.channel?.name ?? (channelId === teamId ? undefined : current?.channelName);
  const tenantId = tenantOf(activity);
  const teamName = data.team?.name ?? current?.team?.name;
  const record: ConversationRecord = {
    id,
    schemaVersion: CONVERSATION_SCHEMA_VERSION,
    userId: id,
    kind: 'channel',
    team: { id: teamId, ...(teamName ? { name: teamName } : {}) },
    ...(channelName ? { channelName } : {}),
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    ...(tenantId ? { tenantId } : {}),
    updatedAt: clock.now().toISOString(),
  };
  const { etag: _etag, ...stored } = await store.conversations.upsert(record);
  return stored;
}

/** The app was removed from a team: its channels are no longer offered (and posts there wait). */
export async function markTeamRemoved(store: Store, clock: Clock, activity: Partial<Activity>): Promise<number> {
  const teamId = ((activity.channelData ?? {}) as TeamsChannelData).team?.id;
  if (activity.conversation?.conversationType !== 'channel' || !teamId) return 0;
  const channels = await toArray(store.conversations.all(undefined, { where: { kind: 'channel' } }));
  let marked = 0;
  for (const c of channels.filter((x) => x.team?.id === teamId)) {
    const { etag, ...record } = c;
    await store.conversations
      .replace({ ...record, unreachable: { reason: 'uninstalled', at: clock.now().toISOString() } }, etag)
      .then(() => marked++)
      .catch(() => undefined);
  }
  return marked;
}
