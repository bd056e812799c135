import { drainOutbox, type FanoutDeps } from '../../../bot/src/fanout/dispatcher';
import { startChannelStandIn, type ChannelStandIn } from '../../../bot/src/local/teams-channel-stand-in';
import { createCloudAdapter } from '../../../bot/src/adapter/bot-auth';
import { teamsChannel } from '../../../bot/src/channel/teams-channel';
import { card, text } from '../../../bot/src/cards/elements';
import { openTestStore, type TestStore } from '../../support/embedded-store';
import { outboxMessenger } from '../../../functions/src/adapters/outbox/outbox-messenger';
import { systemClock } from '../../../functions/src/ports/clock';
import type { Notification } from '../../../functions/src/ports/messenger';
import { UnavailableError } from '../../../functions/src/core/errors';

/** A card whose text names the message, so the channel can tell a duplicate from another message. */
const render: FanoutDeps['render'] = async (message) => card([text(`message ${String(message.payload.dedupeKey)}`)]);

describe('the outbox fan-out through the CloudAdapter to a channel that throttles like Teams', () => {
  let test: TestStore;
  let channel: ChannelStandIn;
  const people = Array.from({ length: 40 }, (_, i) => `user-${i}`);

  async function queue(count: number, perPerson = 1, batch = 'batch-1'): Promise<void> {
    const messenger = outboxMessenger(test.store, systemClock);
    const notifications: Notification[] = [];
    for (let i = 0; i < count; i++) {
      const recipient = people[Math.floor(i / perPerson) % people.length] as string;
      notifications.push({
        type: 'announcement',
        recipient,
        programmeId: 'p',
        params: { n: i },
        dedupeKey: `${batch}:${i}`,
      });
    }
    await messenger.send(notifications, batch);
  }

  beforeEach(async () => {
    test = await openTestStore();
    channel = await startChannelStandIn({
      perConversationPerSecond: 7,
      perTenantPerSecond: 50,
      faultRate: 0.05,
      seed: 7,
    });
    for (const id of people) {
      await test.store.conversations.create({
        id,
        schemaVersion: 1,
        userId: id,
        reference: {
          serviceUrl: channel.url,
          channelId: 'msteams',
          conversation: { id: `a:${id}`, tenantId: 'tenant-1' },
          bot: { id: '28:bot' },
          user: { id: `29:${id}` },
        },
        tenantId: 'tenant-1',
        updatedAt: new Date().toISOString(),
      });
    }
  });
  afterEach(async () => {
    await channel.close();
    await test.close();
  });

  const deps = (): FanoutDeps => ({
    store: test.store,
    clock: systemClock,
    channel: teamsChannel(createCloudAdapter({}).adapter, undefined),
    render,
  });
  const fast = { retry: { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 400 } };

  it('delivers every message once, retrying throttled and failed sends, never above the per-conversation and per-tenant limits', async () => {
    await queue(200, 5);
    const report = await drainOutbox(deps(), fast);
    expect(report).toMatchObject({ sent: 200, failed: 0, remaining: 0, uncertain: 0 });
    expect(report.retried).toBeGreaterThan(0);
    expect(channel.delivered).toHaveLength(200);
    expect(channel.duplicates()).toBe(0);
    const outbox = (await test.store.outbox.list(undefined, { pageSize: 1000 })).items;
    expect(outbox.every((m) => m.status === 'sent' && m.sentAt)).toBe(true);
    expect(outbox.every((m) => typeof m.activityId === 'string' && m.activityId.length > 0)).toBe(true);
    // Whatever the channel accepted respects its limits (the stand-in refuses the rest with 429).
    const byConversation = new Map<string, number[]>();
    for (const d of channel.delivered)
      byConversation.set(d.conversationId, [...(byConversation.get(d.conversationId) ?? []), d.at]);
    for (const times of byConversation.values()) {
      for (const t of times) expect(times.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(7);
    }
  });

  it('resumes after a stopped run without sending anything twice', async () => {
    await queue(120, 3);
    const controller = new AbortController();
    const first = drainOutbox(deps(), { ...fast, signal: controller.signal });
    while (channel.delivered.length < 30) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const stopped = await first;
    expect(stopped.remaining).toBeGreaterThan(0);
    const resumed = await drainOutbox(deps(), fast);
    expect(stopped.sent + resumed.sent).toBe(120);
    expect(channel.delivered).toHaveLength(120);
    expect(channel.duplicates()).toBe(0);
  });

  it('gives up on a permanent refusal (the person blocked the bot) and records why', async () => {
    await test.store.conversations.upsert({
      id: 'user-0',
      schemaVersion: 1,
      userId: 'user-0',
      reference: {
        serviceUrl: `${channel.url}forbidden/`,
        channelId: 'msteams',
        conversation: { id: 'a:user-0' },
        bot: { id: '28:bot' },
        user: { id: '29:user-0' },
      },
      updatedAt: new Date().toISOString(),
    });
    await queue(1);
    const report = await drainOutbox(deps(), fast);
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    const [message] = (await test.store.outbox.list(undefined)).items;
    expect(message?.status).toBe('failed');
    expect(message?.lastError).toMatch(/^404/);
  });

  it('keeps a message for later when the store is unavailable while rendering, and records a rendering bug without stopping the run', async () => {
    await queue(3);
    let calls = 0;
    const flaky: FanoutDeps['render'] = async (message) => {
      calls++;
      if (message.payload.dedupeKey === 'batch-1:0') throw new UnavailableError('store is down');
      if (message.payload.dedupeKey === 'batch-1:1') throw new TypeError('bug');
      return render(message, undefined as never);
    };
    const report = await drainOutbox({ ...deps(), render: flaky }, { ...fast, deadline: Date.now() + 2000 });
    expect(report).toMatchObject({ sent: 1, failed: 1, remaining: 1 });
    expect(report.retried).toBeGreaterThanOrEqual(1);
    const byKey = new Map((await test.store.outbox.list(undefined)).items.map((m) => [m.payload.dedupeKey, m]));
    expect(byKey.get('batch-1:0')).toMatchObject({
      status: 'pending',
      lastError: expect.stringMatching(/^unavailable/),
    });
    expect(byKey.get('batch-1:1')).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/^render failed/),
    });
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('sends a duplicate notification (same dedupe key) only once', async () => {
    await queue(10);
    await queue(10);
    await drainOutbox(deps(), fast);
    expect(channel.delivered).toHaveLength(10);
  });
});
