/**
 * Outlook → Tandem through the Graph stand-in and the real adapters: people move, cancel or decline
 * sessions "in Outlook" (the stand-in's own API), the stand-in notifies the app's webhook (a programme
 * mailbox organises) or the scheduled read-back finds it (a mentee organises, or a notification was
 * lost), and the reminder and the feedback request follow. Subscriptions: handshake, renewal,
 * lifecycle events; forged notifications change nothing and cost no Graph call.
 */
import { createServer, type Server } from 'node:http';
import { HttpRequest, InvocationContext } from '@azure/functions';
import { syncDirectory } from '../../../functions/src/app/directory-sync';
import { bookSeriesForPair } from '../../../functions/src/app/book-series';
import { inlineMatcher } from '../../../functions/src/ports/matcher';
import { graphNotifications } from '../../../functions/src/http/graph-notifications';
import { createServices, setServices } from '../../../functions/src/composition';
import { loadConfig } from '../../../functions/src/config';
import type { AppDeps } from '../../../functions/src/app/deps';
import {
  MAX_SUBSCRIPTION_MINUTES,
  ensureSubscriptions,
  SUBSCRIPTIONS_DOC,
  type SubscriptionIndex,
} from '../../../functions/src/app/outlook/subscriptions';
import { drainOutlookQueue, OUTLOOK_QUEUE } from '../../../functions/src/app/outlook/notifications';
import { readBackAll, readBackSeries } from '../../../functions/src/app/outlook/read-back';
import { sendFeedbackRequests, sendSessionReminders } from '../../../functions/src/app/jobs/session-reminders';
import { pairHealthOf } from '../../../functions/src/app/pair-health';
import { listMeetings } from '../../../functions/src/app/meetings';
import { ROLE_MANAGE } from '../../../functions/src/app/caller';
import { toArray } from '../../../functions/src/ports/store';
import type { MeetingSeries } from '../../../functions/src/core/model';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { adoptBookedSeries } from '../../../functions/src/local/graph-stand-in/adopt';
import { openHarness, TENANT, type Harness } from './graph-harness';

let h: Harness;
let deps: AppDeps;
let webhook: Server;
let webhookUrl: string;
/** Every answer the webhook gave (status), in order. */
const answers: number[] = [];
let people: string[];
let mailbox: string;

const MAILBOX_P = 'prog-mailbox';
const MENTEE_P = 'prog-mentee';
const DAY = 86_400_000;

/** The webhook served as the Functions host serves it: the exported handler behind an http listener. */
async function startWebhook(): Promise<void> {
  webhook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const body = Buffer.concat(chunks).toString('utf8');
      const request = new HttpRequest({
        method: req.method ?? 'POST',
        url: `http://127.0.0.1${req.url ?? '/'}`,
        headers,
        ...(body ? { body: { string: body } } : {}),
      });
      void graphNotifications(request, new InvocationContext()).then((answer) => {
        answers.push(answer.status ?? 200);
        res.writeHead(answer.status ?? 200, (answer.headers ?? {}) as Record<string, string>);
        res.end(typeof answer.body === 'string' ? answer.body : answer.jsonBody ? JSON.stringify(answer.jsonBody) : '');
      });
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as { port: number }).port}/api/graph/notifications`;
}

async function post(body: unknown): Promise<number> {
  const res = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

async function pairIn(programmeId: string, pairId: string, mentorId: string, menteeId: string) {
  for (const [id, role] of [
    [mentorId, 'mentor'],
    [menteeId, 'mentee'],
  ] as const)
    await h.t.store.participants.create(anOptedInParticipant({ programmeId, id, userId: id, role }));
  await h.t.store.pairs.create(
    aPair({
      id: pairId,
      programmeId,
      mentorId,
      menteeId,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }),
  );
  const booked = await bookSeriesForPair(h.deps(), programmeId, pairId);
  expect(booked.outcome).toBe('booked');
  return booked.series as MeetingSeries;
}

const series = (programmeId: string, pairId: string) => h.t.store.meetings.get(programmeId, `${pairId}-series`);
const mailOf = (id: string) => h.standIn.directory.users.get(id)!.mail;
const graph = (path: string) => h.conn.client.api(path);
const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: 'UTC' });

/** Lets the stand-in's notifications arrive, then works the queue as the `outlookChanges` timer does. */
async function deliverAndDrain() {
  await h.standIn.subscriptions.flush();
  return drainOutlookQueue(deps);
}

/** The queued bot messages of one type about one session of a series. */
async function messagesFor(type: string, seriesId: string, index: number) {
  return (await toArray(h.t.store.outbox.all(undefined))).filter((m) => {
    const params = m.payload.params as { seriesId?: string; occurrenceIndex?: number } | undefined;
    return m.payload.type === type && params?.seriesId === seriesId && params.occurrenceIndex === index;
  });
}

beforeAll(async () => {
  h = await openHarness({ size: 120, seed: 11, now: '2026-02-20T10:00:00.000Z' });
  h.standIn.subscriptions.now = () => h.clock.now().getTime();
  await syncDirectory(h.deps());
  // People of one zone, so every pair finds a common slot (slot finding is booking's own test).
  people = [...h.standIn.directory.users.values()]
    .filter((u) => u.userType === 'Member' && u.accountEnabled && u.timeZone === 'Europe/Berlin')
    .map((u) => u.id);
  mailbox = mailOf(people[10]!);
  await startWebhook();
  // The app as the composition root builds it: this file's store, clock and Graph connection, the
  // real booking and Outlook watch, and the webhook above as the notification URL.
  const services = await createServices(
    loadConfig({
      GRAPH_BASE_URL: h.standIn.baseUrl,
      GRAPH_ACCESS_TOKEN: h.standIn.token,
      GRAPH_NOTIFICATION_URL: webhookUrl,
      TANDEM_TENANT_ID: TENANT,
    }),
    { store: { store: h.t.store, dispose: async () => {} }, clock: h.clock, graph: h.conn, matcher: inlineMatcher },
  );
  deps = services.app;
  setServices(services);
  const cadence = {
    intervalWeeks: 1,
    weekday: 'wed' as const,
    window: { start: '08:00', end: '18:00' } as const,
    sessionMinutes: 45,
    sessions: 6,
  };
  await h.t.store.programmes.create(
    aProgramme({ id: MAILBOX_P, phase: 'execution', cadence, organizer: { kind: 'mailbox', address: mailbox } }),
  );
  await h.t.store.programmes.create(aProgramme({ id: MENTEE_P, phase: 'execution', cadence }));
});

afterAll(async () => {
  await new Promise((resolve) => webhook.close(resolve));
  await h.close();
});

describe('subscriptions on the programme mailbox', () => {
  it('subscribes only after the webhook answered the validation handshake, with its own clientState', async () => {
    const report = await ensureSubscriptions(deps);
    expect(report).toMatchObject({ created: 1, renewed: 0, failed: 0 });
    const subs = [...h.standIn.subscriptions.subscriptions.values()];
    expect(subs).toHaveLength(1);
    const sub = subs[0]!;
    expect(sub.userId).toBe(people[10]);
    expect(sub.resource).toBe(`users/${encodeURIComponent(mailbox)}/events`);
    expect(sub.clientState).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The handshake went first and was answered 200 (text/plain echo); the secret is stored only hashed.
    expect(h.standIn.subscriptions.deliveries[0]).toMatchObject({ kind: 'validation', status: 200 });
    const stored = JSON.stringify(await toArray(h.t.store.state.all(undefined)));
    expect(stored).not.toContain(sub.clientState);
    expect(sub.expirationDateTime - h.clock.now().getTime()).toBeLessThanOrEqual(MAX_SUBSCRIPTION_MINUTES * 60_000);
    // Nothing for the mentee-organised programme: nobody's own calendar is watched.
    expect(subs.every((s) => s.userId === people[10])).toBe(true);
    expect(await ensureSubscriptions(deps)).toMatchObject({ created: 0, renewed: 0 });
  });

  it('echoes the validation token as text/plain and refuses a subscription to a webhook that does not', async () => {
    const res = await fetch(`${webhookUrl}?validationToken=${encodeURIComponent('Validation: token 1')}`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Validation: token 1');
    const refusing = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(refusing.address() as { port: number }).port}/hook`;
    await expect(
      graph('/subscriptions').post({
        changeType: 'updated',
        notificationUrl: url,
        resource: `users/${mailbox}/events`,
        expirationDateTime: new Date(h.clock.now().getTime() + DAY).toISOString(),
        clientState: 'x',
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await new Promise((resolve) => refusing.close(resolve));
    expect(h.standIn.subscriptions.subscriptions.size).toBe(1);
  });

  it('is as strict as Graph: at most 10,080 minutes ahead, and only with Calendars.Read on the mailbox', async () => {
    const body = (minutes: number) => ({
      changeType: 'created,updated,deleted',
      notificationUrl: webhookUrl,
      resource: `users/${mailbox}/events`,
      expirationDateTime: new Date(h.clock.now().getTime() + minutes * 60_000).toISOString(),
      clientState: 'x',
    });
    await expect(graph('/subscriptions').post(body(MAX_SUBSCRIPTION_MINUTES + 5))).rejects.toMatchObject({
      statusCode: 400,
    });
    const without = h.connectAs(['User.Read.All', 'MailboxSettings.Read']).conn;
    await expect(without.client.api('/subscriptions').post(body(60))).rejects.toMatchObject({ statusCode: 403 });
    h.standIn.outsideExchangeScope.add(mailbox);
    await expect(graph('/subscriptions').post(body(60))).rejects.toMatchObject({ statusCode: 403 });
    h.standIn.outsideExchangeScope.clear();
    expect(h.standIn.subscriptions.subscriptions.size).toBe(1);
  });

  it('renews before the subscription expires, and subscribes again once Graph has lost it', async () => {
    const [sub] = [...h.standIn.subscriptions.subscriptions.values()];
    const before = sub!.expirationDateTime;
    h.clock.set(new Date(h.clock.now().getTime() + 5 * DAY).toISOString());
    expect(await ensureSubscriptions(deps)).toMatchObject({ renewed: 1, created: 0 });
    expect(sub!.expirationDateTime).toBeGreaterThan(before + 4 * DAY);
    // Graph forgot it (expired while the app was down): the renewal's 404 leads to a new subscription.
    h.standIn.subscriptions.subscriptions.delete(sub!.id);
    h.clock.set(new Date(h.clock.now().getTime() + 5 * DAY).toISOString());
    expect(await ensureSubscriptions(deps)).toMatchObject({ created: 1 });
    expect(h.standIn.subscriptions.subscriptions.size).toBe(1);
    const index = (await h.t.store.state.get(SUBSCRIPTIONS_DOC, SUBSCRIPTIONS_DOC)).value as SubscriptionIndex;
    expect(Object.values(index.mailboxes).map((m) => m.subscriptionId)).toEqual([
      ...h.standIn.subscriptions.subscriptions.keys(),
    ]);
    h.clock.set('2026-02-20T10:00:00.000Z');
  });
});

describe('a programme mailbox organises: changes arrive through the webhook', () => {
  let booked: MeetingSeries;

  beforeAll(async () => {
    booked = await pairIn(MAILBOX_P, 'pair-m', people[1]!, people[2]!);
    await deliverAndDrain(); // the notification of the booking itself changes nothing
  });

  it('a session moved in Outlook moves in Tandem, and its reminder and feedback request follow', async () => {
    const o = booked.occurrences[1]!;
    // The day before the original time the reminder goes out for it …
    h.clock.set(new Date(Date.parse(o.start) - DAY + 3_600_000).toISOString());
    expect(await sendSessionReminders(deps)).toBeGreaterThan(0);
    // … then someone moves it in Outlook by two days.
    const newStart = Date.parse(o.start) + 2 * DAY;
    const newEnd = Date.parse(o.end) + 2 * DAY;
    await graph(`/users/${mailbox}/events/${o.graphId}`).patch({ start: utc(newStart), end: utc(newEnd) });
    expect(await deliverAndDrain()).toMatchObject({ done: 1, failed: 0 });
    const after = (await series(MAILBOX_P, 'pair-m')).occurrences[1]!;
    expect(after).toMatchObject({ status: 'moved', start: new Date(newStart).toISOString() });
    expect(after.remindedAt).toBeUndefined();
    // The reminder goes out again the day before the new time, naming it; nothing at the old time.
    h.clock.set(new Date(newStart - DAY + 3_600_000).toISOString());
    expect(await sendSessionReminders(deps)).toBe(2);
    const reminders = await messagesFor('session-reminder', 'pair-m-series', 1);
    const starts = reminders.map((m) => (m.payload.params as { start: string }).start);
    expect(starts).toContain(new Date(newStart).toISOString());
    expect(starts).toContain(o.start);
    // No feedback request before the new end; one right after it.
    h.clock.set(new Date(Date.parse(o.end) + 3_600_000).toISOString());
    await sendFeedbackRequests(deps);
    expect(await messagesFor('feedback-request', 'pair-m-series', 1)).toHaveLength(0);
    h.clock.set(new Date(newEnd + 3_600_000).toISOString());
    await sendFeedbackRequests(deps);
    expect(await messagesFor('feedback-request', 'pair-m-series', 1)).toHaveLength(2);
    h.clock.set('2026-02-20T10:00:00.000Z');
  });

  it('a session cancelled in Outlook is cancelled in Tandem and gets no reminder', async () => {
    const o = booked.occurrences[2]!;
    await graph(`/users/${mailbox}/events/${o.graphId}/cancel`).post({ comment: 'Off sick' });
    await deliverAndDrain();
    expect((await series(MAILBOX_P, 'pair-m')).occurrences[2]!.status).toBe('cancelled');
    h.clock.set(new Date(Date.parse(o.start) - DAY + 3_600_000).toISOString());
    await sendSessionReminders(deps);
    expect(await messagesFor('session-reminder', 'pair-m-series', 2)).toHaveLength(0);
    h.clock.set('2026-02-20T10:00:00.000Z');
  });

  it('a session the partner declined is not held: no reminder and no feedback request', async () => {
    const o = booked.occurrences[3]!;
    await graph(`/users/${people[1]}/events/${o.graphId}/decline`).post({ comment: 'Sorry', sendResponse: true });
    await deliverAndDrain();
    const after = (await series(MAILBOX_P, 'pair-m')).occurrences[3]!;
    expect(after).toMatchObject({ status: 'declined', declinedBy: [people[1]] });
    h.clock.set(new Date(Date.parse(o.start) - DAY + 3_600_000).toISOString());
    await sendSessionReminders(deps);
    h.clock.set(new Date(Date.parse(o.end) + 3_600_000).toISOString());
    await sendFeedbackRequests(deps);
    for (const type of ['session-reminder', 'feedback-request'])
      expect(await messagesFor(type, 'pair-m-series', 3)).toHaveLength(0);
    h.clock.set('2026-02-20T10:00:00.000Z');
    // The pair sees who declined; a manager sees that it was declined, not by whom (no blame).
    const tenantId = 'tenant-graph';
    const asPartner = await listMeetings(deps, { userId: people[2]!, tenantId, roles: [] }, MAILBOX_P);
    expect(asPartner.find((m) => m.id === 'pair-m-series')!.occurrences[3]).toMatchObject({ declinedBy: [people[1]] });
    const asManager = await listMeetings(deps, { userId: 'manager-1', tenantId, roles: [ROLE_MANAGE] }, MAILBOX_P);
    const seen = asManager.find((m) => m.id === 'pair-m-series')!.occurrences[3]!;
    expect(seen.status).toBe('declined');
    expect(seen.declinedBy).toBeUndefined();
  });
});

describe('another time proposed in Outlook', () => {
  it('is refused where the event allows no proposals (Tandem’s default), and shown to the pair where it does', async () => {
    const s = await series(MAILBOX_P, 'pair-m');
    const o = s.occurrences[4]!;
    const proposedNewTime = { start: utc(Date.parse(o.start) + DAY), end: utc(Date.parse(o.end) + DAY) };
    await expect(
      graph(`/users/${people[1]}/events/${o.graphId}/tentativelyAccept`).post({ proposedNewTime }),
    ).rejects.toMatchObject({ statusCode: 400 });
    // Someone allowed proposals on the series in Outlook.
    h.standIn.calendar.events.get(s.graphEventId!)!.allowNewTimeProposals = true;
    await graph(`/users/${people[1]}/events/${o.graphId}/tentativelyAccept`).post({ proposedNewTime });
    await deliverAndDrain();
    const tenantId = 'tenant-graph';
    const asPartner = await listMeetings(deps, { userId: people[2]!, tenantId, roles: [] }, MAILBOX_P);
    expect(asPartner.find((m) => m.id === 'pair-m-series')!.occurrences[4]!.proposal).toEqual({
      by: people[1],
      start: new Date(Date.parse(o.start) + DAY).toISOString(),
      end: new Date(Date.parse(o.end) + DAY).toISOString(),
    });
    const asManager = await listMeetings(deps, { userId: 'manager-1', tenantId, roles: [ROLE_MANAGE] }, MAILBOX_P);
    expect(asManager.find((m) => m.id === 'pair-m-series')!.occurrences[4]!.proposal).toBeUndefined();
    h.standIn.calendar.events.get(s.graphEventId!)!.allowNewTimeProposals = false;
  });
});

describe('notifications Tandem did not ask for', () => {
  it('drops a wrong clientState and an unknown subscription: nothing queued, nothing changed, no Graph call', async () => {
    const [sub] = [...h.standIn.subscriptions.subscriptions.values()];
    const s = await series(MAILBOX_P, 'pair-m');
    const requests = h.standIn.counts.requests;
    const item = (subscriptionId: string, clientState: string) => ({
      subscriptionId,
      clientState,
      changeType: 'updated',
      resource: `Users/${people[10]}/Events/${s.graphEventId}`,
      resourceData: { id: s.graphEventId },
    });
    expect(await post({ value: [item(sub!.id, 'guessed')] })).toBe(202);
    expect(await post({ value: [item('00000000-0000-0000-0000-000000000000', sub!.clientState!)] })).toBe(202);
    expect(await post({ value: [{ ...item(sub!.id, 'guessed'), lifecycleEvent: 'subscriptionRemoved' }] })).toBe(202);
    const queued = await toArray(h.t.store.jobs.all(OUTLOOK_QUEUE, { where: { status: 'queued' } }));
    expect(queued).toHaveLength(0);
    expect(await drainOutlookQueue(deps)).toMatchObject({ done: 0 });
    expect(h.standIn.counts.requests).toBe(requests);
    expect((await series(MAILBOX_P, 'pair-m')).occurrences).toEqual(s.occurrences);
    expect(h.standIn.subscriptions.subscriptions.has(sub!.id)).toBe(true);
  });

  it('queues a genuine notification and answers 202 at once, however slow Graph is', async () => {
    const [sub] = [...h.standIn.subscriptions.subscriptions.values()];
    const s = await series(MAILBOX_P, 'pair-m');
    h.standIn.faults.latencyMs = 5_000;
    const requests = h.standIn.counts.requests;
    const started = Date.now();
    const status = await post({
      value: [
        {
          subscriptionId: sub!.id,
          clientState: sub!.clientState,
          changeType: 'updated',
          resourceData: { id: s.graphEventId },
        },
      ],
    });
    expect(status).toBe(202);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.standIn.counts.requests).toBe(requests);
    h.standIn.faults.latencyMs = 0;
    expect(await toArray(h.t.store.jobs.all(OUTLOOK_QUEUE, { where: { status: 'queued' } }))).toHaveLength(1);
    expect(await drainOutlookQueue(deps)).toMatchObject({ done: 1, failed: 0 });
    // Done work leaves the queue: it holds only what is to do (or failed).
    expect(await toArray(h.t.store.jobs.all(OUTLOOK_QUEUE))).toHaveLength(0);
  });

  it('answers 400 to a body that is not a notification collection and 413 to an oversized one', async () => {
    expect(await post('not json')).toBe(400);
    expect(await post({ value: [{ subscriptionId: 42 }] })).toBe(400);
    expect(await post({ value: [] })).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => ({ subscriptionId: `guess-${i}`, clientState: 'x' }));
    expect(await post({ value: many })).toBe(400);
    expect(await post({ value: [{ subscriptionId: 'x', clientState: 'y'.repeat(300 * 1024) }] })).toBe(413);
    expect(answers.some((status) => status >= 500)).toBe(false);
  });
});

describe('the read-back: a mentee organises, or a notification was lost', () => {
  it('finds a session moved in the mentee’s own calendar without subscribing to it', async () => {
    const booked = await pairIn(MENTEE_P, 'pair-e', people[3]!, people[4]!);
    expect([...h.standIn.subscriptions.subscriptions.values()].some((s) => s.userId === people[4])).toBe(false);
    const o = booked.occurrences[0]!;
    const newStart = Date.parse(o.start) + 3 * 3_600_000;
    await graph(`/users/${people[4]}/events/${o.graphId}`).patch({
      start: utc(newStart),
      end: utc(Date.parse(o.end) + 3 * 3_600_000),
    });
    await h.standIn.subscriptions.flush();
    expect((await series(MENTEE_P, 'pair-e')).occurrences[0]!.start).toBe(o.start);
    const result = await readBackAll(deps);
    expect(result.failed).toBe(0);
    expect((await series(MENTEE_P, 'pair-e')).occurrences[0]).toMatchObject({
      status: 'moved',
      start: new Date(newStart).toISOString(),
    });
    // Cancelled and declined there are found the same way.
    await graph(`/users/${people[4]}/events/${booked.occurrences[1]!.graphId}/cancel`).post({ comment: 'no' });
    await graph(`/users/${people[3]}/events/${booked.occurrences[2]!.graphId}/decline`).post({});
    await readBackAll(deps);
    const after = (await series(MENTEE_P, 'pair-e')).occurrences;
    expect(after[1]!.status).toBe('cancelled');
    expect(after[2]).toMatchObject({ status: 'declined', declinedBy: [people[3]] });
  });

  it('never undoes a session moved in Tandem while Outlook was being read', async () => {
    const stale = await series(MENTEE_P, 'pair-e');
    const open = stale.occurrences.find(
      (o) => o.status === 'planned' && Date.parse(o.start) > h.clock.now().getTime(),
    )!;
    const newStart = new Date(Date.parse(open.start) + 2 * 3_600_000).toISOString();
    await deps.booking.moveOccurrence(MENTEE_P, stale.id, open.index, newStart);
    // A read-back that listed the series before the move, and read Graph before it too.
    const graphBefore = deps.outlook!.watch;
    const slowWatch = {
      ...graphBefore,
      readInstances: async (...args: Parameters<typeof graphBefore.readInstances>) => {
        const instances = await graphBefore.readInstances(...args);
        return instances.map((i) => (i.id === open.graphId ? { ...i, start: open.start, end: open.end } : i));
      },
    };
    expect(await readBackSeries({ ...deps, outlook: { watch: slowWatch } }, stale)).toBe(false);
    expect((await series(MENTEE_P, 'pair-e')).occurrences[open.index]).toMatchObject({
      start: newStart,
      status: 'moved',
    });
  });

  it('catches up a change whose notification was dropped', async () => {
    const s = await series(MAILBOX_P, 'pair-m');
    const o = s.occurrences[4]!;
    h.standIn.subscriptions.dropNext = 1;
    const newStart = Date.parse(o.start) + DAY;
    await graph(`/users/${mailbox}/events/${o.graphId}`).patch({
      start: utc(newStart),
      end: utc(Date.parse(o.end) + DAY),
    });
    expect(await deliverAndDrain()).toMatchObject({ done: 0 });
    expect((await series(MAILBOX_P, 'pair-m')).occurrences[4]!.start).toBe(o.start);
    await readBackAll(deps);
    expect((await series(MAILBOX_P, 'pair-m')).occurrences[4]).toMatchObject({
      status: 'moved',
      start: new Date(newStart).toISOString(),
    });
  });

  it('counts a session Outlook kept to its end as held, and a declined one as not', async () => {
    const s = await series(MAILBOX_P, 'pair-m');
    // Three weeks after the first session: without Outlook's word, no feedback would mean "no meeting".
    h.clock.set(new Date(Date.parse(s.occurrences[3]!.end) + 3_600_000).toISOString());
    await readBackAll(deps);
    const after = (await series(MAILBOX_P, 'pair-m')).occurrences;
    expect(after[0]!.confirmedAt).toBeDefined();
    expect(after[1]!.confirmedAt).toBeDefined();
    expect(after[3]!.confirmedAt).toBeUndefined();
    const programme = await h.t.store.programmes.get(MAILBOX_P, MAILBOX_P);
    const health = await pairHealthOf(deps, programme);
    expect(health.find((p) => p.pairId === 'pair-m')?.flags ?? []).not.toContain('no-recent-meeting');
    h.clock.set('2026-02-20T10:00:00.000Z');
  });
});

describe('the scheduled read-back under its time budget', () => {
  it('continues where a run cut short stopped, and goes round', async () => {
    const watch = deps.outlook!.watch;
    const read: string[] = [];
    const slow = {
      ...watch,
      readEvent: async (organizer: string, id: string) => {
        read.push(id);
        await new Promise((resolve) => setTimeout(resolve, 400));
        return watch.readEvent(organizer, id);
      },
    };
    const slowDeps = { ...deps, outlook: { watch: slow } };
    const [m, e] = [await series(MAILBOX_P, 'pair-m'), await series(MENTEE_P, 'pair-e')];
    for (let run = 0; run < 3; run++) expect(await readBackAll(slowDeps, 200)).toMatchObject({ read: 1 });
    expect(read).toEqual([m.graphEventId, e.graphEventId, m.graphEventId]);
  });
});

describe('lifecycle notifications', () => {
  it('subscriptionRemoved: subscribes the mailbox again; missed: reads its series back', async () => {
    const [old] = [...h.standIn.subscriptions.subscriptions.values()];
    h.standIn.subscriptions.lifecycle(old!.id, 'subscriptionRemoved');
    await deliverAndDrain();
    const now = [...h.standIn.subscriptions.subscriptions.values()];
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(old!.id);
    expect(now[0]!.userId).toBe(people[10]);

    const s = await series(MAILBOX_P, 'pair-m');
    const o = s.occurrences[5]!;
    h.standIn.subscriptions.dropNext = 1;
    await graph(`/users/${mailbox}/events/${o.graphId}/cancel`).post({ comment: 'gone' });
    h.standIn.subscriptions.lifecycle(now[0]!.id, 'missed');
    await deliverAndDrain();
    expect((await series(MAILBOX_P, 'pair-m')).occurrences[5]!.status).toBe('cancelled');
  });

  it('reauthorizationRequired: renews the subscription', async () => {
    const [sub] = [...h.standIn.subscriptions.subscriptions.values()];
    h.clock.set(new Date(h.clock.now().getTime() + DAY).toISOString());
    const before = sub!.expirationDateTime;
    h.standIn.subscriptions.lifecycle(sub!.id, 'reauthorizationRequired');
    await deliverAndDrain();
    expect(sub!.expirationDateTime).toBeGreaterThan(before);
    h.clock.set('2026-02-20T10:00:00.000Z');
  });
});

describe('the local stack’s stand-in after a restart', () => {
  it('adopts the booked series the store holds, so the read-back does not take them for deleted', async () => {
    const before = await series(MENTEE_P, 'pair-e');
    // A restarted stand-in knows no event of before.
    h.standIn.calendar.events.delete(before.graphEventId!);
    expect(await adoptBookedSeries(h.standIn, h.t.store)).toBeGreaterThan(0);
    expect(await readBackAll(deps)).toMatchObject({ changed: 0, failed: 0 });
    expect((await series(MENTEE_P, 'pair-e')).occurrences).toEqual(before.occurrences);
    // And a session of it can still be declined "in Outlook".
    const open = before.occurrences.find((o) => o.status === 'planned' || o.status === 'moved')!;
    await graph(`/users/${people[3]}/events/${open.graphId}/decline`).post({});
    await readBackAll(deps);
    expect((await series(MENTEE_P, 'pair-e')).occurrences[open.index]!.status).toBe('declined');
  });
});
