/**
 * The Outlook → Tandem loop on `npm start`: the stand-in takes the demo's booked series (so the
 * read-back finds them, not "deleted"), a programme mailbox is subscribed with the app's own webhook
 * (served by the local host), and a session declined in the stand-in reaches Tandem through it.
 */
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../functions/src/local/stack';
import { localGraphStandIn } from '../../../functions/src/local/graph-stand-in/component';
import { readBackAll } from '../../../functions/src/app/outlook/read-back';
import { ensureSubscriptions } from '../../../functions/src/app/outlook/subscriptions';
import { drainOutlookQueue } from '../../../functions/src/app/outlook/notifications';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';

/** A free port: the stand-in calls back to the app's own address, so port 0 will not do. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let stack: LocalStack;
const operatorEnv = { ...process.env };

beforeAll(async () => {
  stack = await startLocalStack({ port: await freePort(), dataDir: mkdtempSync(join(tmpdir(), 'tandem-outlook-')) });
});
afterAll(async () => {
  await stack.close();
  for (const k of Object.keys(process.env)) if (!(k in operatorEnv)) delete process.env[k];
  Object.assign(process.env, operatorEnv);
});

it('reads the demo back without taking its sessions for deleted', async () => {
  const deps = stack.services.app;
  expect(stack.services.config.graph.notificationUrl).toBe(
    `${stack.baseUrl.replace('127.0.0.1', 'localhost')}/api/graph/notifications`,
  );
  const result = await readBackAll(deps);
  expect(result.read).toBeGreaterThan(0);
  expect(result).toMatchObject({ changed: 0, failed: 0 });
});

it('a session declined in the stand-in reaches Tandem through the webhook of the running app', async () => {
  const deps = stack.services.app;
  const standIn = localGraphStandIn()!;
  const people = [...standIn.directory.users.values()].filter(
    (u) => u.userType === 'Member' && u.accountEnabled && u.timeZone === 'Europe/Berlin',
  );
  const [mentor, mentee, box] = [people.at(-1)!, people.at(-2)!, people.at(-3)!];
  const P = 'outlook-loop';
  await deps.store.programmes.create(
    aProgramme({ id: P, phase: 'execution', organizer: { kind: 'mailbox', address: box.mail } }),
  );
  for (const [u, role] of [
    [mentor, 'mentor'],
    [mentee, 'mentee'],
  ] as const)
    await deps.store.participants.create(anOptedInParticipant({ programmeId: P, id: u.id, userId: u.id, role }));
  await deps.store.pairs.create(
    aPair({
      id: 'loop-pair',
      programmeId: P,
      mentorId: mentor.id,
      menteeId: mentee.id,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }),
  );
  expect(await deps.booking.bookSeriesForPair(P, 'loop-pair')).toMatchObject({ outcome: 'booked' });
  expect(await ensureSubscriptions(deps)).toMatchObject({ created: 1, failed: 0 });
  const series = await deps.store.meetings.get(P, 'loop-pair-series');
  const o = series.occurrences[1]!;
  await stack.services.graph!.client.api(`/users/${mentor.id}/events/${o.graphId}/decline`).post({});
  await standIn.subscriptions.flush();
  expect(standIn.subscriptions.deliveries.at(-1)).toMatchObject({ kind: 'change', status: 202 });
  await drainOutlookQueue(deps);
  expect((await deps.store.meetings.get(P, 'loop-pair-series')).occurrences[1]).toMatchObject({
    status: 'declined',
    declinedBy: [mentor.id],
  });
});
