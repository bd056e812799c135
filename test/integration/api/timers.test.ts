import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';
import { JOB_LEASE_MS, startMatchingRun } from '../../../functions/src/app/matching/run-matching';
import { ROLE_MANAGE } from '../../../functions/src/app/caller';

let h: Harness;
let id: string;
let pairs: Json[];
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startHarness({ store: 'memory' });
  id = await programmeInMatching(h);
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
});
afterAll(async () => h.close());

async function outbox(type: string): Promise<Json[]> {
  const all = await toArray(h.t.store.outbox.all(undefined));
  return all.map((m): Json => ({ ...m.payload, recipient: m.recipient })).filter((p) => p.type === type);
}

describe('the daily timers', () => {
  it('books each confirmed pair once, however often the booking run goes', async () => {
    await h.host.trigger('bookSeries');
    const series = await toArray(h.t.store.meetings.all(id));
    expect(series).toHaveLength(pairs.length);
    const run = await h.t.store.state.get('timer:bookSeries', 'timer:bookSeries');
    expect(run.value).toMatchObject({ result: { series: { booked: 0 } } });
  });

  it('reminds both people the day before each session, once', async () => {
    h.clock.advance(6 * DAY);
    await h.host.trigger('sessionReminders');
    await h.host.trigger('sessionReminders');
    const reminders = await outbox('session-reminder');
    expect(reminders).toHaveLength(pairs.length * 2);
    expect(new Set(reminders.map((r) => r.recipient))).toEqual(new Set(pairs.flatMap((p) => [p.mentorId, p.menteeId])));
    const series = await toArray(h.t.store.meetings.all(id));
    expect(series.every((s) => s.occurrences[0]?.remindedAt && !s.occurrences[1]?.remindedAt)).toBe(true);
  });

  it('asks both people for feedback once a session is over, once', async () => {
    h.clock.advance(2 * DAY);
    await h.host.trigger('feedbackRequests');
    await h.host.trigger('feedbackRequests');
    const requests = await outbox('feedback-request');
    expect(requests).toHaveLength(pairs.length * 2);
    expect(requests[0].params).toMatchObject({ programmeId: id, occurrenceIndex: 0 });
  });

  it('flags pairs with no meeting for two cadences to the programme manager, once a week', async () => {
    const pair = pairs[0] as Json;
    await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
      token: await h.token(pair.menteeId),
      body: { pairId: pair.id, occurrenceIndex: 0, rating: 5 },
    });
    h.clock.advance(29 * DAY);
    await h.host.trigger('pairHealth');
    await h.host.trigger('pairHealth');
    const flags = await outbox('pair-health');
    expect(flags).toHaveLength(pairs.length);
    expect(flags.every((f) => f.recipient === 'manager-1')).toBe(true);
    expect(flags.map((f) => f.params.help)).toEqual(pairs.map(() => 'meeting-rhythm'));
  });

  it('stops flagging missed meetings once a pair has no session left', async () => {
    const before = (await outbox('pair-health')).length;
    const series = await toArray(h.t.store.meetings.all(id, { where: { kind: 'pair-series' } }));
    const lastEnd = Math.max(...series.flatMap((s) => s.occurrences.map((o) => Date.parse(o.end))));
    h.clock.advance(lastEnd - h.clock.now().getTime() + 7 * DAY);
    await h.host.trigger('pairHealth');
    expect(await outbox('pair-health')).toHaveLength(before);
  });

  it('moves a programme to steering at its closing date and asks for the end self-assessment', async () => {
    const manager = await h.manager();
    const past = new Date(h.clock.now().getTime() - DAY).toISOString();
    expect((await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { closingAt: past } })).status).toBe(
      200,
    );
    await h.host.trigger('phasesByDate');
    expect((await call(h, 'GET', `/v1/programmes/${id}`, { token: manager })).body.phase).toBe('steering');
    const asks = (await outbox('assessment-request')).filter((a) => a.params.kind === 'end');
    expect(asks).toHaveLength(pairs.length * 2);
    const audit = (await call(h, 'GET', `/v1/programmes/${id}/audit`, { token: manager })).body.items as Json[];
    expect(audit.find((a) => a.action === 'programme.phase')).toMatchObject({
      actor: 'timer:phasesByDate',
      details: { to: 'steering' },
    });
    // People are named from the directory for the manager; timers keep their id.
    expect(audit.find((a) => a.action === 'programme.phase')).not.toHaveProperty('actorName');
    expect(audit.find((a) => a.action === 'programme.created')).toMatchObject({
      actor: 'manager-1',
      actorName: 'Max Manager',
    });
  });

  it('finishes a matching run whose worker stopped', async () => {
    const other = await programmeInMatching(h);
    const caller = { userId: 'manager-1', tenantId: 't', roles: [ROLE_MANAGE] };
    const job = await startMatchingRun(h.deps, caller, other);
    expect(job.status).toBe('queued');
    h.clock.advance(60_000);
    await h.host.trigger('matchingJobs');
    expect((await h.t.store.jobs.get(other, job.id)).status).toBe('succeeded');
    expect((await h.t.store.programmes.get(other, other)).matchingJobId).toBeUndefined();
  });

  it('leaves a running matching job to its worker while its lease lasts, and takes it over after', async () => {
    const other = await programmeInMatching(h);
    const caller = { userId: 'manager-1', tenantId: 't', roles: [ROLE_MANAGE] };
    const job = await startMatchingRun(h.deps, caller, other);
    // Another instance claimed it and stopped: running, with a lease of ten minutes.
    const until = new Date(h.clock.now().getTime() + JOB_LEASE_MS).toISOString();
    const { etag, ...doc } = await h.t.store.jobs.get(other, job.id);
    await h.t.store.jobs.replace({ ...doc, status: 'running', lease: { owner: 'lease-gone', until } }, etag);
    h.clock.advance(60_000);
    await h.host.trigger('matchingJobs');
    expect((await h.t.store.jobs.get(other, job.id)).status).toBe('running');
    h.clock.advance(JOB_LEASE_MS);
    await h.host.trigger('matchingJobs');
    const done = await h.t.store.jobs.get(other, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.lease).toBeUndefined();
    expect((await h.t.store.programmes.get(other, other)).matchingJobId).toBeUndefined();
  });
});
