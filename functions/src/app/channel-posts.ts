/**
 * Internal communication beyond the programme (PRODUCT.md, step 4): a programme manager posts an
 * announcement (optionally with testimonials) to a team channel where the app is installed, in
 * German and English on one card with a "Tell me about the next programme" button for the interest
 * list. The post is queued like every bot message and sent by the fan-out within Teams' limits.
 */
import { ConflictError, NotFoundError } from '../core/errors';
import { toArray } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import type { ChannelPostInput } from './schemas/channel-posts';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { newId } from './support/ids';

/** The outbox recipient (and conversation record id) of a team channel. */
export function channelRecipient(channelId: string): string {
  return `channel:${channelId}`;
}

/** A channel a manager can post to: the app is installed in its team. */
export interface TeamChannel {
  channelId: string;
  /** Absent for the team's first channel ("General"; Teams sends no name for it). */
  channelName?: string;
  teamId: string;
  teamName?: string;
}

export async function listTeamChannels(deps: AppDeps, caller: Caller): Promise<{ items: TeamChannel[] }> {
  assertManager(caller);
  const records = await toArray(deps.store.conversations.all(undefined, { where: { kind: 'channel' } }));
  const items = records
    .filter((r) => !r.unreachable && r.team)
    .map((r): TeamChannel => ({
      channelId: r.id.slice('channel:'.length),
      ...(r.channelName ? { channelName: r.channelName } : {}),
      teamId: r.team?.id as string,
      ...(r.team?.name ? { teamName: r.team.name } : {}),
    }))
    .sort(
      (a, b) =>
        (a.teamName ?? '').localeCompare(b.teamName ?? '') ||
        Number(Boolean(a.channelName)) - Number(Boolean(b.channelName)) ||
        (a.channelName ?? '').localeCompare(b.channelName ?? ''),
    );
  return { items };
}

export interface ChannelPostResult {
  id: string;
  channelId: string;
}

export async function postToChannel(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  input: ChannelPostInput,
): Promise<ChannelPostResult> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  // The button puts readers on the interest list, which opens once people are invited.
  if (programme.phase === 'draft') throw new ConflictError('Invite people before posting about the programme.');
  const recipient = channelRecipient(input.channelId);
  const channel = await deps.store.conversations.find(recipient, recipient);
  if (!channel || channel.kind !== 'channel')
    throw new NotFoundError('Tandem is not installed in a team with this channel; add the app to the team first.');
  if (channel.unreachable) throw new ConflictError('Tandem was removed from this team; add the app to the team again.');
  const id = newId('post');
  await deps.messenger.send(
    [
      {
        type: 'channel-post',
        recipient,
        programmeId,
        params: {
          programmeId,
          postId: id,
          ...(input.de ? { title_de: input.de.title, text_de: input.de.text } : {}),
          ...(input.en ? { title_en: input.en.title, text_en: input.en.text } : {}),
          testimonials: input.testimonials,
        },
        dedupeKey: `${id}:${recipient}`,
      },
    ],
    id,
  );
  await audit(deps, programmeId, caller.userId, 'channel.posted', id, {
    languages: [input.de ? 'de' : '', input.en ? 'en' : ''].filter(Boolean).join(','),
    testimonials: input.testimonials,
  });
  return { id, channelId: input.channelId };
}
