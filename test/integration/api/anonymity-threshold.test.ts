/**
 * The anonymity threshold is a promise to the people who take part: never below the organisation's
 * floor (5 unless it sets another), and once anyone has opted in it can only go up. Every change is
 * in the audit log with the old and the new value.
 */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTEES, NEW_PROGRAMME, profile, programmeInMatching } from './support/flow';

let h: Harness;
beforeAll(async () => {
  // The organisation's default floor: no policy configured.
  h = await startHarness({ policy: null });
});
afterAll(async () => h.close());

const create = async (body: Record<string, unknown>) =>
  call(h, 'POST', '/v1/programmes', { token: await h.manager(), body: { ...NEW_PROGRAMME, ...body } });

async function thresholdAudit(id: string): Promise<Json[]> {
  const audit = await call(h, 'GET', `/v1/programmes/${id}/audit?pageSize=200`, { token: await h.manager() });
  return audit.body.items.filter((a: Json) => a.action === 'programme.anonymity-threshold');
}

describe('the anonymity threshold', () => {
  it('is never below the floor of 5: a lower one is refused naming the floor, none given is 5', async () => {
    const low = await create({ anonymityThreshold: 4 });
    expect(low.status).toBe(400);
    expect(low.body.errors.anonymityThreshold[0]).toMatch(/at least 5/);
    const plain = await create({ anonymityThreshold: undefined });
    expect(plain.status).toBe(201);
    expect(plain.body.anonymityThreshold).toBe(5);
    const lower = await call(h, 'PATCH', `/v1/programmes/${plain.body.id}`, {
      token: await h.manager(),
      body: { anonymityThreshold: 3 },
    });
    expect(lower.status).toBe(400);
  });

  it('can go down to the floor while nobody has opted in, and each change is audited with both values', async () => {
    const created = await create({ anonymityThreshold: 9 });
    const id = created.body.id as string;
    const manager = await h.manager();
    expect(
      (await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 6 } })).status,
    ).toBe(200);
    expect(
      (await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 6 } })).status,
    ).toBe(200);
    expect(
      (await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 5 } })).status,
    ).toBe(200);
    expect((await thresholdAudit(id)).map((a) => a.details)).toEqual(
      expect.arrayContaining([
        { from: 9, to: 6 },
        { from: 6, to: 5 },
      ]),
    );
    // Setting the same value again is no change and not logged as one.
    expect(await thresholdAudit(id)).toHaveLength(2);
  });

  it('only goes up once someone has opted in, in every later phase, and the report uses the raised one', async () => {
    const id = await programmeInMatching(h, { anonymityThreshold: 6 });
    const manager = await h.manager();
    const programme = await call(h, 'GET', `/v1/programmes/${id}`, { token: manager });
    expect(programme.body.optedInSince).toEqual(expect.any(String));
    const lower = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 5 } });
    expect(lower.status).toBe(409);
    expect(lower.body.detail).toMatch(/can only be raised now that people have opted in \(it is 6\)/);
    const raise = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 7 } });
    expect(raise.status).toBe(200);
    expect((await thresholdAudit(id)).map((a) => [a.actor, a.details])).toEqual([['manager-1', { from: 6, to: 7 }]]);
    await confirmAll(h, id, await matchAndPublish(h, id));
    for (const to of ['execution', 'steering']) {
      const moved = await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to } });
      expect([to, moved.status]).toEqual([to, 200]);
      const again = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 2 } });
      expect(again.status).toBe(400);
      const six = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 6 } });
      expect(six.status).toBe(409);
    }
    const report = await call(h, 'GET', `/v1/programmes/${id}/report`, { token: await h.hr() });
    expect(report.body.anonymityThreshold).toBe(7);
  });

  it('stays up for a programme whose people opted in before the mark existed (read from the participants)', async () => {
    const created = await create({ anonymityThreshold: 8 });
    const id = created.body.id as string;
    const manager = await h.manager();
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
    await call(h, 'POST', `/v1/programmes/${id}/invitations`, { token: manager, body: { userIds: [MENTEES[0]] } });
    const opted = await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
      token: await h.token(MENTEES[0] as string),
      body: { profile: profile('mentee'), consentTextVersion: '2026-01' },
    });
    expect(opted.status).toBe(200);
    // As stored by a version before the mark: the programme does not say it, the participant does.
    const stored = await h.t.store.programmes.get(id, id);
    const { etag, optedInSince: _mark, ...legacy } = stored;
    await h.t.store.programmes.replace(legacy, etag);
    const lower = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { anonymityThreshold: 5 } });
    expect(lower.status).toBe(409);
  });
});
