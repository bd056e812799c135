/**
 * On the local stack (npm start: embedded store, Graph stand-in, timers on their schedules): the
 * kick-off and closing exist at the chosen local time right after publish, as one Teams meeting each,
 * and every confirmed pair's series exists in the Graph stand-in within a minute of the programme
 * entering execution — with no manual timer run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../functions/src/local/stack';
import { createGraphConnection } from '../../../functions/src/adapters/graph/client';
import { graphCalendar } from '../../../functions/src/adapters/graph/calendar';
import { seriesTransactionId, type Pair } from '../../../functions/src/core/model';
import { utcToZoned, zonedToUtc } from '../../../functions/src/core/schedule';
import { toArray } from '../../../functions/src/ports/store';
import { update } from '../../../functions/src/app/support/update';

const P = 'demo-ai-pilot';
let stack: LocalStack;
let token: string;

async function signIn(kind: string): Promise<string> {
  const idp = (await (await fetch(`${stack.baseUrl}/api/dev/identity`)).json()) as {
    accountsUrl: string;
    tokenUrl: string;
  };
  const { accounts } = (await (await fetch(idp.accountsUrl)).json()) as {
    accounts: { kind: string; userId: string }[];
  };
  const userId = accounts.find((a) => a.kind === kind)?.userId;
  const res = await fetch(idp.tokenUrl, { method: 'POST', body: JSON.stringify({ userId }) });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    etag: res.headers.get('etag') ?? '',
    body: (await res.json()) as Record<string, unknown>,
  };
}

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'tandem-booking-')), runTimers: true });
  token = await signIn('manager');
}, 120_000);
afterAll(async () => stack?.close());

it('books kick-off and closing at publish and every confirmed pair within a minute of execution', async () => {
  // What the app itself talks to: the stand-in, through the app's own Graph adapter.
  const calendar = graphCalendar(createGraphConnection(stack.services.config.graph));
  const programme = await api('GET', `/programmes/${P}`);
  const day = utcToZoned(Date.parse(String(programme.body.kickoffAt)), 'Europe/Berlin').date;
  const kickoffAt = new Date(zonedToUtc(day, '17:30', 'Europe/Berlin')).toISOString();
  const changed = await api(
    'PATCH',
    `/programmes/${P}`,
    { timeZone: 'Europe/Berlin', kickoffAt, kickoffMinutes: 45 },
    { 'if-match': programme.etag },
  );
  expect(changed.status).toBe(200);
  const run = await api('POST', `/programmes/${P}/matching-runs`, undefined, { 'idempotency-key': 'run-1' });
  expect(run.body.status).toBe('succeeded');
  const current = await api('GET', `/programmes/${P}`);
  expect((await api('POST', `/programmes/${P}/publish`, undefined, { 'if-match': current.etag })).status).toBe(200);

  // Right after publish: one Teams meeting each, at 17:30 in Berlin for 45 minutes.
  const stored = await stack.services.store.programmes.get(P, P);
  const organizer = stored.createdBy;
  const kickoff = await calendar.findEvent(organizer, seriesTransactionId(P, 'kickoff'));
  const closing = await calendar.findEvent(organizer, seriesTransactionId(P, 'closing'));
  expect(kickoff?.teamsMeeting).toBe(true);
  expect(closing?.teamsMeeting).toBe(true);
  // As Outlook shows it: the stand-in's own answer for the event (start and end in UTC).
  const graph = await fetch(
    `${stack.services.config.graph.baseUrl}/v1.0/users/${organizer}/events/${kickoff?.id}?$select=start,end,isOnlineMeeting`,
    { headers: { authorization: `Bearer ${stack.services.config.graph.accessToken}` } },
  );
  const event = (await graph.json()) as { start: { dateTime: string }; end: { dateTime: string } };
  expect(new Date(`${event.start.dateTime}Z`).toISOString()).toBe(kickoffAt);
  expect(Date.parse(`${event.end.dateTime}Z`) - Date.parse(kickoffAt)).toBe(45 * 60_000);
  const doc = await stack.services.store.meetings.get(P, `${P}-kickoff`);
  expect(doc.occurrences).toEqual([
    expect.objectContaining({ start: kickoffAt, end: new Date(Date.parse(kickoffAt) + 45 * 60_000).toISOString() }),
  ]);

  // Everyone accepts (as the two answers would), then the manager starts the programme.
  const pairs = await toArray(stack.services.store.pairs.all(P, { where: { status: 'proposed' } }));
  expect(pairs.length).toBeGreaterThan(5);
  for (const pair of pairs)
    await update(stack.services.store.pairs, P, pair.id, (p): Pair => ({
      ...p,
      status: 'confirmed',
      mentor: { state: 'accepted' },
      mentee: { state: 'accepted' },
    }));
  const started = Date.now();
  const before = await api('GET', `/programmes/${P}`);
  expect((await api('POST', `/programmes/${P}/phase`, { to: 'execution' }, { 'if-match': before.etag })).status).toBe(
    200,
  );
  const missing = async () => {
    const out: string[] = [];
    for (const pair of pairs)
      if (!(await calendar.findEvent(pair.menteeId, seriesTransactionId(P, pair.id)))) out.push(pair.id);
    return out;
  };
  let left = await missing();
  while (left.length && Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 2_000));
    left = await missing();
  }
  expect(left).toEqual([]);
  expect(Date.now() - started).toBeLessThan(60_000);
  const booked = await toArray(stack.services.store.pairs.all(P, { where: { status: 'active' } }));
  expect(booked.map((p) => p.id).sort()).toEqual(pairs.map((p) => p.id).sort());
}, 120_000);
