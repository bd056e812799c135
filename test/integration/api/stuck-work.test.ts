import { HttpRequest, InvocationContext } from '@azure/functions';
import { health } from '../../../functions/src/http/health';
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { ROLE_MANAGE } from '../../../functions/src/app/caller';
import { ROLE_OPERATE } from '../../../functions/src/app/operations/stuck-work';
import { read } from '../../unit/infra/bicep-text';

let h: Harness;
let id: string;
let pairs: Json[];
let operator: string;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  operator = await h.token('ops-1', [ROLE_OPERATE]);

  // What a tenant leaves behind: a booking Graph refused, a pair with no common slot, a bot message
  // given up after its last attempt, a timer whose last run failed.
  for (const [i, booking] of [
    [0, 'failed'],
    [1, 'no-slot'],
  ] as const) {
    const pair = await h.t.store.pairs.get(id, String((pairs[i] as Json).id));
    await h.t.store.pairs.replace({ ...pair, status: 'confirmed', booking }, pair.etag);
  }
  const refused = await h.t.store.meetings.get(id, `${String((pairs[0] as Json).id)}-series`);
  await h.t.store.meetings.replace(
    { ...refused, status: 'pending', problem: 'Microsoft Graph denied creating the series (ErrorAccessDenied)' },
    refused.etag,
  );
  const noSlot = await h.t.store.meetings.get(id, `${String((pairs[1] as Json).id)}-series`);
  await h.t.store.meetings.replace({ ...noSlot, status: 'no-slot', occurrences: [] }, noSlot.etag);
  const now = h.clock.now().toISOString();
  await h.t.store.outbox.create({
    id: 'msg-1',
    schemaVersion: 1,
    batchId: 'batch-1',
    recipient: 'mentee-1',
    payload: { kind: 'invitation' },
    status: 'failed',
    attempts: 8,
    lastError: '403: The bot is not part of the conversation roster.',
    createdAt: now,
  });
  await h.t.store.state.upsert({
    id: 'timer:reconcilePairs',
    schemaVersion: 1,
    value: { startedAt: now, result: null, error: 'Microsoft Graph is unavailable' },
    updatedAt: now,
  });
});
afterAll(async () => h.close());

describe('stuck work for operators', () => {
  it('shows an operator every stuck booking, every message given up and every failed timer run', async () => {
    const res = await call(h, 'GET', '/v1/operations/stuck', { token: operator });
    expect(res.status).toBe(200);
    const seriesIds = (res.body.bookings as Json[]).map((b) => b.seriesId);
    expect(seriesIds.sort()).toEqual([0, 1].map((i) => `${String((pairs[i] as Json).id)}-series`).sort());
    expect(res.body.bookings).toContainEqual(
      expect.objectContaining({
        programmeId: id,
        status: 'pending',
        problem: 'Microsoft Graph denied creating the series (ErrorAccessDenied)',
      }),
    );
    expect(res.body.bookings).toContainEqual(expect.objectContaining({ status: 'no-slot' }));
    expect(res.body.outbox).toEqual([
      expect.objectContaining({
        batchId: 'batch-1',
        id: 'msg-1',
        attempts: 8,
        lastError: expect.stringContaining('roster'),
      }),
    ]);
    expect(res.body.timers).toEqual([
      expect.objectContaining({ name: 'reconcilePairs', error: 'Microsoft Graph is unavailable' }),
    ]);
    expect(res.body.counts).toEqual({ bookings: 2, outbox: 1, timers: 1 });
    // What the timers did on their last run (bookSeries ran in beforeAll; the reconcilers likewise).
    expect(res.body.lastRuns).toContainEqual(
      expect.objectContaining({ name: 'bookSeries', result: expect.anything() }),
    );
    expect((res.body.lastRuns as Json[]).map((r) => r.name)).not.toContain('reconcilePairs');
  });

  it("shows a programme manager only their own programmes' bookings, and nobody else anything", async () => {
    const own = await call(h, 'GET', '/v1/operations/stuck', { token: await h.manager() });
    expect(own.status).toBe(200);
    expect(own.body.bookings).toHaveLength(2);
    expect(own.body).not.toHaveProperty('outbox');
    expect(own.body).not.toHaveProperty('timers');
    const other = await call(h, 'GET', '/v1/operations/stuck', { token: await h.token('manager-2', [ROLE_MANAGE]) });
    expect(other.body.bookings).toEqual([]);
    expect((await call(h, 'GET', '/v1/operations/stuck', { token: await h.hr() })).status).toBe(403);
    const participant = String((pairs[0] as Json).menteeId);
    expect((await call(h, 'GET', '/v1/operations/stuck', { token: await h.token(participant) })).status).toBe(403);
  });

  it('lets the manager of the programme retry a booking that found no slot', async () => {
    const seriesId = `${String((pairs[1] as Json).id)}-series`;
    const res = await call(h, 'POST', `/v1/operations/stuck/bookings/${id}/${seriesId}/retry`, {
      token: await h.manager(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending' });
  });

  it('retries a stuck booking by handing it back to the booking run, which books it', async () => {
    const seriesId = `${String((pairs[0] as Json).id)}-series`;
    const path = `/v1/operations/stuck/bookings/${id}/${seriesId}/retry`;
    expect((await call(h, 'POST', path, { token: await h.token('manager-2', [ROLE_MANAGE]) })).status).toBe(403);
    const res = await call(h, 'POST', path, { token: operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: seriesId, status: 'pending' });
    expect(res.body).not.toHaveProperty('problem');
    await h.host.trigger('bookSeries');
    expect((await h.t.store.meetings.get(id, seriesId)).status).toBe('booked');
    expect((await call(h, 'POST', path, { token: operator })).status).toBe(400);
    const after = await call(h, 'GET', '/v1/operations/stuck', { token: operator });
    expect((after.body.bookings as Json[]).map((b) => b.seriesId)).not.toContain(seriesId);
  });

  it('retries a message given up by putting it back in the outbox, operators only', async () => {
    const path = '/v1/operations/stuck/outbox/batch-1/msg-1/retry';
    expect((await call(h, 'POST', path, { token: await h.manager() })).status).toBe(403);
    const res = await call(h, 'POST', path, { token: operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect(Date.parse(String(res.body.nextAttemptAt))).toBeLessThanOrEqual(h.clock.now().getTime());
    expect(res.body.lastError).toMatch(/^retried by ops-1 after: 403/);
    expect((await call(h, 'POST', path, { token: operator })).status).toBe(400);
    expect((await call(h, 'POST', '/v1/operations/stuck/outbox/batch-1/nope/retry', { token: operator })).status).toBe(
      404,
    );
  });

  it('adds the counts of stuck work to /api/health for an operator, and only for one', async () => {
    const healthOf = async (token?: string) => {
      const request = new HttpRequest({
        method: 'GET',
        url: `${h.baseUrl}/api/health`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return (await health(request, new InvocationContext())).jsonBody as Json;
    };
    expect((await healthOf(operator)).stuck).toEqual({
      bookings: expect.any(Number) as number,
      outbox: expect.any(Number) as number,
      timers: 1,
    });
    expect(await healthOf(await h.manager())).not.toHaveProperty('stuck');
    expect(await healthOf()).not.toHaveProperty('stuck');
    expect(await healthOf('not-a-token')).not.toHaveProperty('stuck');
  });

  it('names the role as infra/scripts/entra-app.sh defines it', () => {
    expect(read('infra/scripts/entra-app.sh')).toContain(`\\"value\\": \\"${ROLE_OPERATE}\\"`);
  });
});

describe('the whole audit log for operators', () => {
  it('gives operators every entry, managers only theirs, and nobody else either', async () => {
    await h.t.store.audit.create({
      id: 'audit-own-activity',
      schemaVersion: 1,
      programmeId: id,
      at: h.clock.now().toISOString(),
      actor: 'mentee-1',
      action: 'participant.opted-in',
    });
    const full = await call(h, 'GET', `/v1/operations/audit/${id}?pageSize=200`, { token: operator });
    expect(full.status).toBe(200);
    const actions = (full.body.items as Json[]).map((a) => a.action);
    expect(actions).toContain('participant.opted-in');
    expect(actions).toContain('pairs.published');
    const managers = await call(h, 'GET', `/v1/programmes/${id}/audit?pageSize=200`, { token: await h.manager() });
    expect((managers.body.items as Json[]).map((a) => a.action)).not.toContain('participant.opted-in');
    for (const token of [await h.manager(), await h.token('mentee-1')]) {
      const refused = await call(h, 'GET', `/v1/operations/audit/${id}`, { token });
      expect(refused.status).toBe(403);
    }
    expect((await call(h, 'GET', `/v1/operations/audit/no-such-programme`, { token: operator })).status).toBe(404);
  });
});
