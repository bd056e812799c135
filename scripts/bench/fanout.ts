/**
 * npm run bench:fanout — 10,000 bot messages through the real fan-out (bot/src/fanout) and the real
 * CloudAdapter into a local channel stand-in that throttles like Teams (7/s per conversation,
 * 50/s per tenant, 429 + Retry-After beyond that) and fails 1% of requests with 412/502/504.
 * The sender runs in a child process against the embedded Cosmos DB; the bench kills it hard
 * (SIGKILL) at 30% and stops it (SIGTERM, as a host does on scale-in) at 65%, then lets a third
 * sender finish. Prints sent, retried, lost (must be 0), duplicated (must be 0) and duration.
 *
 *   npm run bench:fanout [-- --messages=10000 --per-tenant=50 --per-conversation=7 --fault-rate=0.01 --no-crash]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { startEmbeddedCosmos } from '../../functions/src/local/embedded-cosmos';
import { openCosmosStore } from '../../functions/src/adapters/cosmos/store';
import { outboxMessenger } from '../../functions/src/adapters/outbox/outbox-messenger';
import { systemClock } from '../../functions/src/ports/clock';
import type { Notification } from '../../functions/src/ports/messenger';
import { startChannelStandIn } from '../../bot/src/local/teams-channel-stand-in';
import { drainOutbox } from '../../bot/src/fanout/dispatcher';
import { createCloudAdapter } from '../../bot/src/adapter/bot-auth';
import { teamsChannel } from '../../bot/src/channel/teams-channel';
import { announcementCard } from '../../bot/src/cards/communication-cards';
import { translator } from '../../bot/src/i18n/translate';
import { UNCERTAIN } from '../../bot/src/fanout/outbox-state';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const num = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** The sender: one process that drains the outbox until done, or until SIGTERM asks it to stop. */
async function worker(): Promise<void> {
  const store = await openCosmosStore({
    endpoint: args.get('endpoint') as string,
    key: args.get('key') as string,
    database: args.get('database') as string,
    createContainers: false,
  });
  const controller = new AbortController();
  process.on('SIGTERM', () => controller.abort());
  const programme = { id: 'bench', name: 'Digital Leadership 2026' };
  const report = await drainOutbox(
    {
      store,
      clock: systemClock,
      channel: teamsChannel(createCloudAdapter({}).adapter, undefined),
      render: async (message, conversation) =>
        announcementCard(translator(conversation.locale), {
          programme,
          title: 'The second cohort starts in September',
          text: `Announcement ${String(message.payload.dedupeKey)}: register your interest now.`,
          testimonials: [],
          offerInterest: false,
        }),
    },
    {
      limits: { perConversationPerSecond: num('per-conversation', 7), perTenantPerSecond: num('per-tenant', 50) },
      signal: controller.signal,
    },
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function startWorker(connection: { endpoint: string; key: string; database: string }): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      __filename,
      '--worker',
      ...Object.entries(connection).map(([k, v]) => `--${k}=${v}`),
      ...process.argv.slice(2),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout?.on('data', (chunk: Buffer) =>
    process.stderr.write(`  sender ${child.pid}: ${chunk.toString().trim()}\n`),
  );
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

async function main(): Promise<void> {
  const messages = num('messages', 10_000);
  const crash = !args.has('no-crash');
  const cosmos = await startEmbeddedCosmos();
  const database = `bench-${randomUUID().slice(0, 8)}`;
  const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database, createContainers: true });
  const channel = await startChannelStandIn({
    perConversationPerSecond: 7,
    perTenantPerSecond: 50,
    faultRate: num('fault-rate', 0.01),
    seed: 2026,
  });
  try {
    // 10,000 messages: the first 1,000 people get 3 each (several notices at once), 7,000 get one.
    const people: string[] = [];
    const recipients: string[] = [];
    for (let i = 0; recipients.length < messages; i++) {
      const id = `user-${i}`;
      people.push(id);
      for (let k = 0; k < (i < messages / 10 ? 3 : 1) && recipients.length < messages; k++) recipients.push(id);
    }
    process.stderr.write(`setting up ${people.length} conversations and ${messages} queued messages…\n`);
    await pool(people, 16, (id) =>
      store.conversations.create({
        id,
        schemaVersion: 1,
        userId: id,
        reference: {
          serviceUrl: channel.url,
          channelId: 'msteams',
          conversation: { id: `a:${id}`, conversationType: 'personal', tenantId: 'tenant-1' },
          bot: { id: '28:tandem' },
          user: { id: `29:${id}`, aadObjectId: id },
        },
        locale: id.endsWith('7') ? 'de-DE' : 'en-US',
        tenantId: 'tenant-1',
        updatedAt: new Date().toISOString(),
      }),
    );
    const messenger = outboxMessenger(store, systemClock);
    const notifications: Notification[] = recipients.map((recipient, n) => ({
      type: 'announcement',
      recipient,
      programmeId: 'bench',
      params: { programmeId: 'bench', title: 'The second cohort', text: `#${n}` },
      dedupeKey: `bench:${n}`,
    }));
    const chunks = Array.from({ length: Math.ceil(notifications.length / 250) }, (_, i) =>
      notifications.slice(i * 250, i * 250 + 250),
    );
    await pool(chunks, 8, (chunk) => messenger.send(chunk, 'bench'));

    const connection = { endpoint: cosmos.endpoint, key: cosmos.key, database };
    const started = Date.now();
    const interruptions: string[] = [];
    const waitFor = async (share: number, child: ChildProcess) => {
      while (channel.delivered.length < messages * share && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 20));
    };
    const stopWith = async (child: ChildProcess, signal: NodeJS.Signals) => {
      if (child.exitCode !== null) {
        interruptions.push(
          `sender stopped by itself (exit ${child.exitCode}) at ${channel.delivered.length} delivered`,
        );
        return;
      }
      child.kill(signal);
      await exited(child);
      interruptions.push(`${signal} at ${channel.delivered.length} delivered`);
    };
    let child = startWorker(connection);
    if (crash) {
      await waitFor(0.3, child);
      await stopWith(child, 'SIGKILL');
      child = startWorker(connection);
      await waitFor(0.65, child);
      await stopWith(child, 'SIGTERM');
      child = startWorker(connection);
    }
    await exited(child);
    if (child.exitCode) interruptions.push(`last sender failed (exit ${child.exitCode})`);
    const duration = (Date.now() - started) / 1000;

    const keys = new Map<string, number>();
    for (const d of channel.delivered) {
      const text = JSON.stringify(d.activity.attachments);
      const n = /Announcement bench:(\d+):/.exec(text)?.[1] ?? 'unknown';
      keys.set(n, (keys.get(n) ?? 0) + 1);
    }
    const unique = [...keys.keys()].filter((k) => k !== 'unknown').length;
    const duplicated = [...keys.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    let uncertain = 0;
    let attempts = 0;
    for await (const m of store.outbox.all('bench')) {
      attempts += m.attempts;
      if (m.lastError?.startsWith(UNCERTAIN)) uncertain++;
    }
    const lost = messages - unique;
    console.log(
      `messages:    ${messages} to ${people.length} conversations (limits 7/s per conversation, 50/s per tenant)`,
    );
    console.log(`interrupted: ${interruptions.length ? interruptions.join('; ') : 'no'}`);
    console.log(`sent:        ${unique}`);
    console.log(
      `retried:     ${attempts - unique - uncertain} (channel answered 429: ${channel.stats.throttled}, 412/502/504: ${channel.stats.faults})`,
    );
    console.log(`uncertain:   ${uncertain} (in flight at the SIGKILL, not sent again)`);
    console.log(`lost:        ${lost}`);
    console.log(`duplicated:  ${duplicated}`);
    console.log(`duration:    ${duration.toFixed(1)} s (${(unique / duration).toFixed(1)} messages/s)`);
    if (lost || duplicated) process.exitCode = 1;
  } finally {
    await channel.close();
    await cosmos.close();
  }
}

if (args.has('worker')) {
  worker().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
