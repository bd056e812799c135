import { call, startHarness, type Harness, type Json } from './support/harness';
import { NEW_PROGRAMME, programmeInMatching } from './support/flow';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
});
afterAll(async () => h.close());

const interest = (programmeId: string) => `/v1/programmes/${programmeId}/interest`;

async function newProgramme(phase: 'draft' | 'preparation'): Promise<string> {
  const manager = await h.manager();
  const created = await call(h, 'POST', '/v1/programmes', { token: manager, body: { ...NEW_PROGRAMME, name: 'Next' } });
  const programmeId = created.body.id as string;
  if (phase === 'preparation')
    await call(h, 'POST', `/v1/programmes/${programmeId}/phase`, { token: manager, body: { to: 'preparation' } });
  return programmeId;
}

describe('the interest list for the next cohort', () => {
  it('puts anyone signed in on the list once, however often they say so', async () => {
    // Not invited to the programme: hearing about it is enough to be interested.
    const token = await h.token('sales-senior-3');
    const first = await call(h, 'PUT', interest(id), { token });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ programmeId: id, userId: 'sales-senior-3', source: 'api' });
    expect(first.headers.get('etag')).toBeTruthy();
    h.clock.advance(60_000);
    const again = await call(h, 'PUT', interest(id), { token });
    expect(again.status).toBe(200);
    expect(again.body.registeredAt).toBe(first.body.registeredAt);

    const own = await call(h, 'GET', interest(id), { token });
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: Json) => i.userId)).toEqual(['sales-senior-3']);
  });

  it('shows a participant only their own record, never the list, its count or the invite action', async () => {
    await call(h, 'PUT', interest(id), { token: await h.token('it-senior-3') });
    const token = await h.token('it-junior-1');
    expect((await call(h, 'GET', interest(id), { token })).body).toEqual({ items: [] });
    const count = await call(h, 'GET', `${interest(id)}/count`, { token });
    expect(count.status).toBe(403);
    expect(count.headers.get('content-type')).toContain('application/problem+json');
    const target = await newProgramme('preparation');
    const inviting = await call(h, 'POST', `${interest(id)}/invitations`, {
      token,
      body: { to: target, userIds: ['it-senior-3'] },
    });
    expect(inviting.status).toBe(403);
    expect((await h.t.store.participants.find(target, 'it-senior-3')) ?? null).toBeNull();
  });

  it('lets people withdraw, harmlessly twice', async () => {
    const token = await h.token('it-junior-2');
    expect((await call(h, 'PUT', interest(id), { token })).status).toBe(201);
    expect((await call(h, 'DELETE', interest(id), { token })).status).toBe(204);
    expect((await call(h, 'DELETE', interest(id), { token })).status).toBe(204);
    expect((await call(h, 'GET', interest(id), { token })).body.items).toEqual([]);
    expect(await h.t.store.interest.find(id, 'it-junior-2')).toBeUndefined();
  });

  it('answers a draft, an unknown programme and bad input with problem+json, never a 5xx', async () => {
    const token = await h.token('sales-senior-4');
    const draft = await call(h, 'PUT', interest(await newProgramme('draft')), { token });
    expect(draft.status).toBe(409);
    expect(draft.body.type).toContain('/problems/conflict');
    const unknown = await call(h, 'PUT', interest('no-such-programme'), { token });
    expect(unknown.status).toBe(404);
    const manager = await h.manager();
    const bad = await call(h, 'POST', `${interest(id)}/invitations`, {
      token: manager,
      body: { to: id, userIds: [], admin: true },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['admin', 'userIds']);
    expect((await call(h, 'PUT', interest('bad id'), { token })).status).toBe(400);
  });

  it('shows managers the list with names from the directory, and invites them into a new programme', async () => {
    await call(h, 'PUT', interest(id), { token: await h.token('guest-1') });
    const manager = await h.manager();
    const list = await call(h, 'GET', `${interest(id)}?pageSize=10`, { token: manager });
    expect(list.status).toBe(200);
    const byId = new Map<string, Json>(list.body.items.map((i: Json) => [i.userId, i]));
    expect([...byId.keys()].sort()).toEqual(['guest-1', 'it-senior-3', 'sales-senior-3']);
    expect(byId.get('sales-senior-3')).toMatchObject({
      displayName: 'Senior Sales 3',
      department: 'Sales',
      invitable: true,
    });
    expect(byId.get('guest-1')).toMatchObject({ invitable: false });
    const count = await call(h, 'GET', `${interest(id)}/count`, { token: await h.hr() });
    expect(count.body).toEqual({ count: 3, invited: 0 });

    const target = await newProgramme('preparation');
    const userIds = [...byId.keys()];
    const invited = await call(h, 'POST', `${interest(id)}/invitations`, {
      token: manager,
      body: { to: target, userIds },
    });
    expect(invited.status).toBe(200);
    expect(invited.body).toEqual({ invited: 2, alreadyInvited: 0, notInvitable: ['guest-1'] });
    expect((await h.t.store.participants.get(target, 'sales-senior-3')).status).toBe('invited');
    expect((await h.t.store.interest.get(id, 'sales-senior-3')).invitedTo).toEqual([
      { programmeId: target, at: expect.any(String) },
    ]);
    expect((await h.t.store.interest.get(id, 'guest-1')).invitedTo).toBeUndefined();

    // Inviting again changes nothing: no second invitation, no second note.
    const again = await call(h, 'POST', `${interest(id)}/invitations`, {
      token: manager,
      body: { to: target, userIds },
    });
    expect(again.body).toMatchObject({ invited: 0, alreadyInvited: 2 });
    expect((await h.t.store.interest.get(id, 'sales-senior-3')).invitedTo).toHaveLength(1);
    expect((await call(h, 'GET', `${interest(id)}/count`, { token: manager })).body).toEqual({ count: 3, invited: 2 });
  });
});
