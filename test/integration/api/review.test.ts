import { call, startHarness, type Harness, type Json } from './support/harness';
import { NEW_PROGRAMME, profile } from './support/flow';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

async function inMatching(mentees: string[], mentors: string[]): Promise<string> {
  const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
  await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
    token: manager,
    body: { userIds: [...mentees, ...mentors] },
  });
  for (const userId of mentees)
    await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
      token: await h.token(userId),
      body: { profile: profile('mentee'), consentTextVersion: '2026-01' },
    });
  for (const userId of mentors) {
    await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
      token: await h.token(userId),
      body: { profile: profile('mentor'), consentTextVersion: '2026-01' },
    });
    await call(h, 'POST', `/v1/programmes/${id}/participants/${userId}/training`, { token: manager });
  }
  expect(
    (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } })).status,
  ).toBe(200);
  return id;
}

const run = async (id: string) => {
  const res = await call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager });
  expect(res.body.status).toBe('succeeded');
  return res.body;
};
const proposals = async (id: string): Promise<Json[]> =>
  (
    (await call(h, 'GET', `/v1/programmes/${id}/pairs?status=proposed`, { token: manager })).body.items as Json[]
  ).filter((p) => !p.publishedAt);
const key = (p: Json) => `${p.mentorId}|${p.menteeId}`;

describe('reviewing proposals before publishing', () => {
  it('a locked proposal survives a re-run exactly; an excluded pair is never proposed again', async () => {
    const id = await inMatching(
      ['sales-senior-1', 'sales-senior-2', 'it-senior-1'],
      ['it-junior-3', 'it-junior-4', 'sales-junior-3'],
    );
    const job = await run(id);
    expect(job.result).toMatchObject({ pairs: 3, newPairs: 3, unmatched: [] });
    const [a, b] = (await proposals(id)) as [Json, Json];
    const lock = await call(h, 'POST', `/v1/programmes/${id}/pairs/${a.id}/lock`, {
      token: manager,
      body: { locked: true },
    });
    expect(lock.body.locked).toBe(true);
    const excluded = await call(h, 'POST', `/v1/programmes/${id}/pairs/${b.id}/exclude`, { token: manager });
    expect(excluded.body).toMatchObject({ status: 'ended', endReason: 'excluded' });

    const again = await run(id);
    expect(again.result.lockedPairs).toBe(1);
    const now = await proposals(id);
    expect(now.find((p) => p.id === a.id)).toMatchObject({ mentorId: a.mentorId, menteeId: a.menteeId, locked: true });
    expect(now.map(key)).not.toContain(key(b));
  });

  it('swaps the mentees of two proposals, locks both and refuses a swap into one management chain', async () => {
    // sales-junior-1 reports to sales-senior-1: the engine never pairs them, and a swap must not either.
    const id = await inMatching(['sales-senior-1', 'it-senior-1'], ['sales-junior-1', 'it-junior-3']);
    await run(id);
    const pairs = await proposals(id);
    const junior = pairs.find((p) => p.mentorId === 'sales-junior-1') as Json;
    const other = pairs.find((p) => p.mentorId === 'it-junior-3') as Json;
    expect(junior.menteeId).toBe('it-senior-1');
    const refused = await call(h, 'POST', `/v1/programmes/${id}/pair-swaps`, {
      token: manager,
      body: { pairIds: [junior.id, other.id] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/swapped/);

    const id2 = await inMatching(['sales-senior-1', 'sales-senior-2'], ['it-junior-3', 'it-junior-4']);
    await run(id2);
    const [x, y] = (await proposals(id2)) as [Json, Json];
    const swapped = await call(h, 'POST', `/v1/programmes/${id2}/pair-swaps`, {
      token: manager,
      body: { pairIds: [x.id, y.id] },
    });
    expect(swapped.status).toBe(200);
    expect(swapped.body.map((p: Json) => [p.mentorId, p.menteeId, p.locked])).toEqual([
      [x.mentorId, y.menteeId, true],
      [y.mentorId, x.menteeId, true],
    ]);
    expect(swapped.body[0].explanation.reasons.map((r: Json) => r.key)).toContain('reason.locked');
  });

  it('reports who stays unmatched and why', async () => {
    const id = await inMatching(['sales-senior-1', 'sales-senior-2', 'it-senior-1'], ['it-junior-3']);
    const job = await run(id);
    expect(job.result.pairs).toBe(1);
    expect(job.result.unmatched).toHaveLength(2);
    expect(job.result.unmatched[0]).toMatchObject({
      role: 'mentee',
      reason: { key: expect.stringMatching(/^unmatched\./) },
    });
  });

  it('published pairs cannot be changed, and the programme cannot start with unpublished proposals', async () => {
    const id = await inMatching(['sales-senior-1', 'sales-senior-2'], ['it-junior-3', 'it-junior-4']);
    await run(id);
    const blocked = await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'execution' } });
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toMatch(/Publish at least one pair/);
    const [a] = (await proposals(id)) as [Json];
    expect((await call(h, 'POST', `/v1/programmes/${id}/publish`, { token: manager })).status).toBe(200);
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/pairs/${a.id}/lock`, { token: manager, body: { locked: true } }))
        .status,
    ).toBe(409);
    expect((await call(h, 'POST', `/v1/programmes/${id}/publish`, { token: manager })).status).toBe(409);
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } })).status,
    ).toBe(409);
  });
});

describe('phase guards', () => {
  it('moves one step at a time and only when the programme is ready', async () => {
    const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
    const to = (phase: string) =>
      call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: phase } });
    expect((await to('execution')).status).toBe(409);
    expect((await to('preparation')).status).toBe(200);
    const early = await to('matching');
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/No mentee has opted in yet/);
    expect((await to('closed')).status).toBe(200);
    expect((await to('preparation')).status).toBe(409);
    expect((await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { name: 'Again' } })).status).toBe(
      409,
    );
  });
});
