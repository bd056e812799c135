/**
 * A bot test world: the embedded store, the app's use cases with a fixed clock, the real
 * CloudAdapter bot, and the local channel stand-in that receives the bot's messages.
 */
import { randomUUID } from 'node:crypto';
import { openTestStore, type TestStore } from '../../../support/embedded-store';
import type { AppDeps } from '../../../../functions/src/app/deps';
import type { Booking } from '../../../../functions/src/app/booking';
import type { DirectoryReader } from '../../../../functions/src/ports/directory';
import type { MeetingSeries, OrgUser } from '../../../../functions/src/core/model';
import { createServices, type Services } from '../../../../functions/src/composition';
import { loadConfig } from '../../../../functions/src/config';
import { inlineMatcher } from '../../../../functions/src/ports/matcher';
import type { BotRuntime, DrainReport } from '../../../../bot/src';
import {
  startChannelStandIn,
  type ChannelStandIn,
  type StandInOptions,
} from '../../../../bot/src/local/teams-channel-stand-in';
import type { AdaptiveCard } from '../../../../bot/src/cards/elements';
import { aMeetingSeries, aPair, anOrgUser } from '../../../support/builders';

export class TestClock {
  constructor(public current = new Date('2026-03-02T08:00:00.000Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function memoryDirectory(users: OrgUser[]): DirectoryReader {
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    getUser: async (id) => byId.get(id),
    getUsers: async (ids) => ids.map((id) => byId.get(id)).filter((u): u is OrgUser => Boolean(u)),
    managerMap: async () =>
      new Map([...byId.values()].filter((u) => u.managerId).map((u) => [u.id, u.managerId as string])),
    listUsers: async () => ({ items: [...byId.values()] }),
    departments: async () => [...new Set([...byId.values()].map((u) => u.department ?? ''))],
    groupMembers: async () => [],
  };
}

export function recordingBooking(): Booking & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    bookPendingSeries: async () => calls.push('bookPendingSeries'),
    cancelSeriesForPair: async (programmeId, pairId) => calls.push(`cancel:${programmeId}:${pairId}`),
    moveOccurrence: async () => {
      throw new Error('not used');
    },
    cancelOccurrences: async () => {
      throw new Error('not used');
    },
    freeSlots: async () => {
      throw new Error('not used');
    },
    bookProgrammeEvents: async () => calls.push('bookProgrammeEvents'),
    bookSeriesForPair: async (programmeId, pairId) => {
      calls.push(`book:${programmeId}:${pairId}`);
      return { outcome: 'skipped' };
    },
  };
}

export interface BotWorld {
  store: TestStore['store'];
  clock: TestClock;
  deps: AppDeps;
  runtime: BotRuntime;
  /** Everything the composition root built (for tests that install it with setServices). */
  services: Services;
  channel: ChannelStandIn;
  users: OrgUser[];
  close(): Promise<void>;
}

export async function openBotWorld(options: { users?: OrgUser[]; standIn?: StandInOptions } = {}): Promise<BotWorld> {
  const test = await openTestStore();
  const clock = new TestClock();
  const users = options.users ?? [
    anOrgUser({ id: 'manager-1', displayName: 'Dr. Katrin Weber', tenantId: 'tenant-1' }),
    anOrgUser({ id: 'mentor-1', displayName: 'Lena Hoffmann', department: 'Marketing', jobTitle: 'Working Student' }),
    anOrgUser({ id: 'mentee-1', displayName: 'Thomas Müller', department: 'Finance', jobTitle: 'Head of Controlling' }),
    anOrgUser({ id: 'stranger-1', displayName: 'Eva Stranger' }),
  ];
  // The app as the composition root builds it, with this world's store, clock, directory and booking.
  const services = await createServices(loadConfig({}), {
    store: { store: test.store, dispose: async () => {} },
    clock,
    directory: memoryDirectory(users),
    booking: recordingBooking(),
    matcher: inlineMatcher,
  });
  const channel = await startChannelStandIn(options.standIn);
  return {
    store: test.store,
    clock,
    deps: services.app,
    runtime: services.bot,
    services,
    channel,
    users,
    async close() {
      await channel.close();
      await test.close();
    },
  };
}

/** A personal-chat activity from a Teams user, as the channel posts it to /api/messages. */
export function activityFrom(
  world: Pick<BotWorld, 'channel'>,
  userId: string,
  fields: Record<string, unknown>,
  locale = 'en-US',
): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: world.channel.url,
    from: { id: `29:${userId}`, aadObjectId: userId, name: userId },
    recipient: { id: '28:tandem-bot', name: 'Tandem' },
    conversation: { id: `a:conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale,
    localTimezone: 'Europe/Berlin',
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

export function installActivity(world: Pick<BotWorld, 'channel'>, userId: string, locale = 'en-US') {
  return activityFrom(
    world,
    userId,
    { type: 'conversationUpdate', membersAdded: [{ id: '28:tandem-bot' }, { id: `29:${userId}` }] },
    locale,
  );
}

/** An Action.Execute invoke with the card's data and the person's inputs. */
export function executeActivity(
  world: Pick<BotWorld, 'channel'>,
  userId: string,
  data: Record<string, unknown>,
  inputs: Record<string, unknown> = {},
  locale = 'en-US',
) {
  return activityFrom(
    world,
    userId,
    {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: data.verb, data: { ...data, ...inputs } }, trigger: 'manual' },
    },
    locale,
  );
}

/** Posts an activity to the bot; returns the invoke's card (when it answered with one). */
/** Sends what the outbox holds at once: no waits between attempts, no retries left for later. */
export function drain(world: Pick<BotWorld, 'runtime' | 'deps'>): Promise<DrainReport> {
  return world.runtime.drain(world.deps, { sleep: async () => {}, waitForRetries: false });
}

/** pair-1 (mentor-1 and mentee-1) published, both accepted, active, with its booked series. */
export async function anActivePair(world: Pick<BotWorld, 'store'>, series: Partial<MeetingSeries>): Promise<void> {
  await world.store.pairs.create(
    aPair({
      publishedAt: '2026-02-01T00:00:00.000Z',
      status: 'active',
      booking: 'booked',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }),
  );
  await world.store.meetings.create(aMeetingSeries({ status: 'booked', ...series }));
}

export async function post(world: BotWorld, activity: Record<string, unknown>) {
  const answer = await world.runtime.handle({ method: 'POST', headers: {}, body: activity });
  const body = answer.body as { statusCode?: number; type?: string; value?: AdaptiveCard } | undefined;
  return { status: answer.status, body, card: body?.value };
}

/** Every TextBlock text and every action title of a card, for assertions. */
export function textOf(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string') out.push(o.title);
      if (typeof o.value === 'string' && o.type === undefined) out.push(o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

/** The cards the channel received for a conversation. */
export function cardsTo(world: BotWorld, userId: string): AdaptiveCard[] {
  return world.channel
    .to(`a:conv-${userId}`)
    .flatMap((d) => ((d.activity.attachments ?? []) as Array<{ content: AdaptiveCard }>).map((a) => a.content));
}
