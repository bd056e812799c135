import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTEES, MENTORS, programmeInMatching } from './support/flow';
import { testOrg } from '../../support/org';
import { storeText } from '../../support/store-text';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
let id: string;
let pairs: Json[];
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
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
        body: { pairId: pair.id, occurrenceIndex: 0, rating: 4, learnt: `Private note of ${userId}` },
        headers: { 'idempotency-key': `fb-${userId}` },
      });
    }
  }
  const assess = async (kind: 'start' | 'end') => {
    for (const userId of [...MENTEES, ...MENTORS])
      await call(h, 'PUT', `/v1/programmes/${id}/assessments/${kind}`, {
        token: await h.token(userId),
        body: { ratings: { ai: kind === 'start' ? 1 : 3 } },
      });
  };
  await assess('start');
  // The end self-assessment opens in the week of each person's last session.
  const lastSession = Math.max(
    ...(await toArray(h.t.store.meetings.all(id, { where: { kind: 'pair-series' } }))).map((s) =>
      Date.parse(s.occurrences.at(-1)?.start ?? ''),
    ),
  );
  h.clock.advance(lastSession - 6 * DAY - h.clock.now().getTime());
  await assess('end');
});
afterAll(async () => h.close());

describe('personal data: export and erasure', () => {
  it('exports everything stored about the caller, and only their side of it', async () => {
    const pair = pairs[0];
    const me = pair.menteeId as string;
    await h.t.store.conversations.upsert({
      id: me,
      schemaVersion: 1,
      userId: me,
      reference: { conversation: { id: `conv-${me}` } },
      updatedAt: h.clock.now().toISOString(),
    });
    expect((await call(h, 'PUT', `/v1/programmes/${id}/interest`, { token: await h.token(me) })).status).toBe(201);
    const res = await call(h, 'GET', '/v1/me/export', { token: await h.token(me) });
    expect(res.status).toBe(200);
    const data = res.body;
    expect(data).toMatchObject({ format: 'tandem-personal-data', userId: me });
    expect(data.directory.id).toBe(me);
    expect(data.participations.map((p: Json) => p.programmeId)).toEqual([id]);
    expect(data.participations[0].consent.textVersion).toBe('2026-01');
    expect(data.pairs.map((p: Json) => p.id)).toEqual([pair.id]);
    expect(data.meetings.map((m: Json) => m.pairId)).toEqual([pair.id]);
    expect(data.feedback).toHaveLength(1);
    expect(data.feedback[0].learnt).toBe(`Private note of ${me}`);
    expect(data.assessments.map((a: Json) => a.kind).sort()).toEqual(['end', 'start']);
    expect(data.auditEntries.some((a: Json) => a.action === 'participant.opted-in')).toBe(true);
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.notifications.every((n: Json) => n.recipient === me)).toBe(true);
    expect(data.botConversation.reference.conversation.id).toBe(`conv-${me}`);
    expect(data.requestReplays.length).toBeGreaterThan(0);
    expect(data.interest).toEqual([expect.objectContaining({ programmeId: id, userId: me })]);
    // The partner's words are theirs, not the caller's.
    expect(JSON.stringify(data)).not.toContain(`Private note of ${pair.mentorId}`);
  });

  it('erases nothing without the confirmation: DELETE /me is 405 naming the new route, a bare or wrong body is 400', async () => {
    const me = pairs[2].menteeId as string;
    const token = await h.token(me);
    const before = await storeText(h.t.store);
    for (const body of [undefined, 'null']) {
      const res = await call(h, 'DELETE', '/v1/me', { token, ...(body !== undefined ? { body } : {}) });
      expect(res.status).toBe(405);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(res.headers.get('allow')).toBe('GET');
      expect(res.body.detail).toContain('POST /api/v1/me/erasure');
      expect(res.body.detail).toContain('erase-my-data');
    }
    expect((await call(h, 'DELETE', '/v1/me')).status).toBe(401);
    for (const body of [
      undefined,
      'null',
      '{}',
      '[]',
      '"erase-my-data"',
      { confirm: 'yes' },
      { confirm: 'ERASE-MY-DATA' },
      { confirm: true },
      { confirm: 'erase-my-data', also: 1 },
    ]) {
      const res = await call(h, 'POST', '/v1/me/erasure', { token, ...(body !== undefined ? { body } : {}) });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
    expect(await storeText(h.t.store)).toBe(before);
    expect((await call(h, 'GET', '/v1/me', { token })).body.enrollments).toHaveLength(1);
  });

  it('erases the caller: no personal data is left in the store, and the report’s totals stay the same', async () => {
    const pair = pairs[1];
    const me = pair.menteeId as string;
    const person = testOrg().find((u) => u.id === me);
    const hr = await h.hr();
    const before = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: hr })).body;
    expect(before.ratings.count).toBe(8);
    expect((await call(h, 'PUT', `/v1/programmes/${id}/interest`, { token: await h.token(me) })).status).toBe(201);

    const res = await call(h, 'POST', '/v1/me/erasure', {
      token: await h.token(me),
      body: { confirm: 'erase-my-data' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ programmes: 1 });

    const text = await storeText(h.t.store);
    expect(text).not.toContain(me);
    expect(text).not.toContain(person?.displayName as string);
    expect(text).not.toContain(person?.mail as string);
    expect(text).not.toContain(`Private note of ${me}`);
    expect(await toArray(h.t.store.interest.all(id))).not.toContainEqual(expect.objectContaining({ userId: me }));
    // The partner's own records are untouched.
    expect(text).toContain(`Private note of ${pair.mentorId}`);

    const after = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: hr })).body;
    expect(after.funnel).toEqual(before.funnel);
    expect(after.funnelByRole).toEqual(before.funnelByRole);
    expect(after.meetings).toEqual(before.meetings);
    expect(after.ratings).toEqual(before.ratings);
    expect(after.assessments).toEqual(before.assessments);

    const again = await call(h, 'GET', '/v1/me', { token: await h.token(me) });
    expect(again.body.enrollments).toEqual([]);
    const exported = await call(h, 'GET', '/v1/me/export', { token: await h.token(me) });
    expect(exported.body.participations).toEqual([]);
    expect(exported.body.feedback).toEqual([]);
  });

  it('finishes an erasure that failed half-way under the same pseudonym when asked again: the totals stay right', async () => {
    const me = pairs[3].menteeId as string;
    const hr = await h.hr();
    const before = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: hr })).body;
    const assessments = h.t.store.assessments;
    const original = assessments.upsert.bind(assessments);
    let calls = 0;
    assessments.upsert = async (doc) => {
      if (++calls === 2) throw new Error('store unavailable');
      return original(doc);
    };
    const failed = await call(h, 'POST', '/v1/me/erasure', {
      token: await h.token(me),
      body: { confirm: 'erase-my-data' },
    });
    assessments.upsert = original;
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const retried = await call(h, 'POST', '/v1/me/erasure', {
      token: await h.token(me),
      body: { confirm: 'erase-my-data' },
    });
    expect(retried.status).toBe(200);
    const text = await storeText(h.t.store);
    expect(text).not.toContain(me);
    expect(text).not.toContain('"erasure:');
    const pseudonyms = new Set(
      (await toArray(h.t.store.assessments.all(id))).map((a) => a.userId).filter((u) => u.startsWith('erased-')),
    );
    const after = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: hr })).body;
    expect(after.assessments).toEqual(before.assessments);
    expect(after.ratings).toEqual(before.ratings);
    // Each erased person's start and end self-assessments sit under one pseudonym.
    for (const p of pseudonyms)
      expect(
        (await toArray(h.t.store.assessments.all(id, { where: { userId: p } }))).map((a) => a.kind).sort(),
      ).toEqual(['end', 'start']);
  });

  it('erases a programme manager too: their programmes and decisions stay, under a pseudonym', async () => {
    const hr = await h.hr();
    const before = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: hr })).body;
    const res = await call(h, 'POST', '/v1/me/erasure', {
      token: await h.manager(),
      body: { confirm: 'erase-my-data' },
    });
    expect(res.status).toBe(200);
    expect(await storeText(h.t.store)).not.toContain('manager-1');
    const after = (await call(h, 'GET', `/v1/programmes/${id}/report`, { token: hr })).body;
    expect(after.funnel).toEqual(before.funnel);
    const audit = await call(h, 'GET', `/v1/programmes/${id}/audit?pageSize=200`, {
      token: await h.token('other-manager', ['Programme.Manage']),
    });
    expect(audit.body.items.some((a: Json) => a.action === 'programme.created' && a.actor.startsWith('erased-'))).toBe(
      true,
    );
  });
});
