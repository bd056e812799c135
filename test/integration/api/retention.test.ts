import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTEES, MENTORS, programmeInMatching } from './support/flow';
import { testOrg } from '../../support/org';
import { CONTAINERS } from '../../../functions/src/ports/containers';
import { storeText } from '../../support/store-text';
import { toArray } from '../../../functions/src/ports/store';
import { retainProgramme } from '../../../functions/src/app/privacy/retention';
import { unlistedFields } from '../../../functions/src/app/privacy/inventory';

let h: Harness;
let id: string;
let pairs: Json[];
const DAY = 24 * 3600 * 1000;
const PEOPLE = [...MENTEES, ...MENTORS, 'manager-1'];

async function report(): Promise<Json> {
  return (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() })).body;
}

beforeAll(async () => {
  h = await startHarness({ store: 'memory' });
  id = await programmeInMatching(h, { retentionMonths: 12 });
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  const manager = await h.manager();
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  h.clock.advance(8 * DAY);
  for (const pair of pairs) {
    for (const userId of [pair.mentorId, pair.menteeId]) {
      await call(h, 'POST', `/v1/programmes/${id}/feedback`, {
        token: await h.token(userId),
        body: {
          pairId: pair.id,
          occurrenceIndex: 0,
          rating: userId === pair.menteeId ? 4 : 5,
          learnt: `Note of ${userId}`,
        },
        headers: { 'idempotency-key': `fb-${userId}` },
      });
    }
  }
  for (const userId of PEOPLE.slice(0, 8)) {
    await h.t.store.conversations.upsert({
      id: userId,
      schemaVersion: 1,
      userId,
      reference: { conversation: { id: `conv-${userId}` } },
      updatedAt: h.clock.now().toISOString(),
    });
    await call(h, 'PUT', `/v1/programmes/${id}/assessments/start`, {
      token: await h.token(userId),
      body: { ratings: { ai: 2 } },
    });
  }
  expect(
    (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'steering' } })).status,
  ).toBe(200);
  // The end self-assessment opens at steering (or in the week of the last session).
  for (const userId of PEOPLE.slice(0, 8))
    await call(h, 'PUT', `/v1/programmes/${id}/assessments/end`, {
      token: await h.token(userId),
      body: { ratings: { ai: 4 } },
    });
  expect((await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'closed' } })).status).toBe(
    200,
  );
});
afterAll(async () => h.close());

describe('retention of closed programmes', () => {
  it('stores no field that the record of processing (app/privacy/inventory.ts, docs/privacy.md) does not list', async () => {
    const unlisted: string[] = [];
    for (const key of Object.keys(CONTAINERS) as (keyof typeof CONTAINERS)[]) {
      const collection = h.t.store[key] as unknown as { all(pk: undefined): AsyncIterable<Record<string, unknown>> };
      for (const doc of await toArray(collection.all(undefined)))
        for (const field of unlistedFields(key, doc)) unlisted.push(`${key}.${field}`);
    }
    expect([...new Set(unlisted)]).toEqual([]);
  });

  it('keeps the retention period within bounds: 400 outside 1–36 months', async () => {
    const manager = await h.manager();
    for (const retentionMonths of [0, 37, 1.5, '12']) {
      const res = await call(h, 'POST', '/v1/programmes', {
        token: manager,
        body: { name: 'x', topics: [{ id: 'ai', name: 'AI' }], retentionMonths },
      });
      expect([retentionMonths, res.status]).toEqual([retentionMonths, 400]);
    }
  });

  it('leaves a closed programme alone until its retention period has passed', async () => {
    const before = await storeText(h.t.store);
    h.clock.advance(300 * DAY);
    await h.host.trigger('retention');
    expect(await storeText(h.t.store)).toContain('Note of ');
    expect((await storeText(h.t.store)).length).toBeGreaterThanOrEqual(before.length - 2000);
    for (const person of PEOPLE) expect(await storeText(h.t.store)).toContain(person);
  });

  it('removes every person from the store after the period, resumes after a failure, and the report stays the same', async () => {
    const before = await report();
    expect(before.ratings.count).toBe(8);
    h.clock.advance(80 * DAY);

    // A failure half-way: the fourth feedback rewrite throws.
    const feedback = h.t.store.feedback;
    const original = feedback.upsert.bind(feedback);
    let calls = 0;
    feedback.upsert = async (doc) => {
      if (++calls === 4) throw new Error('store unavailable');
      return original(doc);
    };
    await expect(retainProgramme(h.deps, id)).rejects.toThrow('store unavailable');
    feedback.upsert = original;
    expect(await storeText(h.t.store)).toContain('Note of ');

    await h.host.trigger('retention');
    const text = await storeText(h.t.store);
    const org = testOrg();
    for (const person of PEOPLE) {
      expect([person, text.includes(person)]).toEqual([person, false]);
      const user = org.find((u) => u.id === person);
      if (user) {
        expect(text).not.toContain(user.displayName);
        expect(text).not.toContain(user.mail);
      }
    }
    expect(text).not.toContain('Note of ');
    expect(text).not.toContain('cycling');
    expect(text).not.toMatch(/"(graphEventId|joinUrl|graphId|testimonial)"/);
    expect(await toArray(h.t.store.conversations.all(undefined))).toEqual([]);
    expect(await h.t.store.state.find(`retention:${id}`, `retention:${id}`)).toBeUndefined();

    const after = await report();
    expect(after.funnel).toEqual(before.funnel);
    expect(after.funnelByRole).toEqual(before.funnelByRole);
    expect(after.meetings).toEqual(before.meetings);
    expect(after.ratings).toEqual(before.ratings);
    expect(after.assessments).toEqual(before.assessments);
    expect(after.pairs.total).toBe(before.pairs.total);

    const audit = await toArray(h.t.store.audit.all(id, { where: { action: 'programme.retention' } }));
    expect(audit).toHaveLength(1);
    // The resumed run counts what the failed one left: some of the nine people, all eight enrollments.
    expect(audit[0]?.details).toMatchObject({ people: expect.any(Number), enrollments: 8 });
    expect(audit[0]?.details?.people).toBeGreaterThan(0);
    expect(audit[0]?.details?.people).toBeLessThan(PEOPLE.length);
    const programme = await h.t.store.programmes.get(id, id);
    expect(programme.anonymisedAt).toBeDefined();

    // Running again changes nothing.
    expect(await retainProgramme(h.deps, id)).toEqual({ people: 0, anonymised: 0, deleted: 0 });
    expect(await storeText(h.t.store)).toBe(text);
  });
});
