/** Mentor training as content: modules per programme, ticked one by one; trained = all ticked. */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { NEW_PROGRAMME, profile } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

const MODULES = [
  {
    id: 'principles',
    title: { en: 'Principles', de: 'Grundsätze' },
    text: { en: 'Eye level, confidentiality.', de: 'Augenhöhe, Vertraulichkeit.' },
    link: 'https://contoso.sharepoint.com/sites/tandem/principles',
  },
  {
    id: 'first-session',
    title: { en: 'Your first session', de: 'Der erste Termin' },
    text: { en: 'Goals and expectations.', de: 'Ziele und Erwartungen.' },
  },
];

async function programmeWith(extra: Record<string, unknown>, mentors: string[], mentees: string[] = []) {
  const created = await call(h, 'POST', '/v1/programmes', { token: manager, body: { ...NEW_PROGRAMME, ...extra } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
  await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
    token: manager,
    body: { userIds: [...mentors, ...mentees] },
  });
  for (const [ids, role] of [
    [mentors, 'mentor'],
    [mentees, 'mentee'],
  ] as const)
    for (const userId of ids) {
      const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
        token: await h.token(userId),
        body: { profile: profile(role), consentTextVersion: '2026-01' },
      });
      expect(res.status).toBe(200);
    }
  return id;
}

async function trainingCardsOf(userId: string, programmeId: string): Promise<Json[]> {
  const all = await toArray(h.t.store.outbox.all(undefined, { where: { recipient: userId } }));
  return all
    .map((m) => m.payload as Json)
    .filter((p) => p.type === 'training-reminder' && p.programmeId === programmeId);
}

describe('training modules in the programme API', () => {
  it('stores the modules a manager writes and refuses links that are not https, long texts and duplicate ids', async () => {
    const id = await programmeWith({ trainingModules: MODULES }, []);
    const read = await call(h, 'GET', `/v1/programmes/${id}`, { token: manager });
    expect(read.body.trainingModules).toEqual(MODULES);
    const etag = read.headers.get('etag') as string;
    for (const [bad, field] of [
      [[{ ...MODULES[0], link: 'http://intranet/page' }], 'trainingModules.0.link'],
      [[{ ...MODULES[0], link: 'javascript:alert(1)' }], 'trainingModules.0.link'],
      [[{ ...MODULES[0], title: { en: 'x'.repeat(121), de: 'y' } }], 'trainingModules.0.title.en'],
      [[{ ...MODULES[0], text: { en: 'x'.repeat(1001), de: '' } }], 'trainingModules.0.text.en'],
      [Array.from({ length: 13 }, (_, i) => ({ ...MODULES[1], id: `m-${i}` })), 'trainingModules'],
    ] as const) {
      const res = await call(h, 'PATCH', `/v1/programmes/${id}`, {
        token: manager,
        body: { trainingModules: bad },
        headers: { 'if-match': etag },
      });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    const dup = await call(h, 'PATCH', `/v1/programmes/${id}`, {
      token: manager,
      body: { trainingModules: [MODULES[0], MODULES[0]] },
      headers: { 'if-match': etag },
    });
    expect(dup.status).toBe(400);
    expect(Object.keys(dup.body.errors ?? {})).toContain('trainingModules.1.id');
    const mentee = await call(h, 'PATCH', `/v1/programmes/${id}`, {
      token: await h.token('sales-senior-1'),
      body: { trainingModules: [] },
      headers: { 'if-match': etag },
    });
    expect(mentee.status).toBe(403);
  });

  it('a mentor is trained once every module is ticked; the one-click confirmation is refused then; the manager sees the progress', async () => {
    const mentor = 'it-junior-3';
    const id = await programmeWith({ trainingModules: MODULES }, [mentor], ['it-senior-1']);
    const token = await h.token(mentor);
    const oneClick = await call(h, 'POST', `/v1/programmes/${id}/participants/me/training`, { token });
    expect(oneClick.status).toBe(409);

    const first = await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/principles`, { token });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body.trainingModulesDone)).toEqual(['principles']);
    expect(first.body.trainingCompletedAt).toBeUndefined();
    const list = await call(h, 'GET', `/v1/programmes/${id}/participants`, { token: manager });
    const row = (list.body.items as Json[]).find((p) => p.userId === mentor);
    expect(row.trainingProgress).toEqual({ done: 1, total: 2, completed: false });
    expect((list.body.items as Json[]).find((p) => p.userId === 'it-senior-1').trainingProgress).toBeUndefined();

    // Ticking twice is harmless; an unknown module is 404; a mentee has no training; nobody ticks for another.
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/principles`, { token })).status,
    ).toBe(200);
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/nope`, { token })).status,
    ).toBe(404);
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/principles`, {
          token: await h.token('it-senior-1'),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/participants/${mentor}/training/modules/first-session`, {
          token: manager,
        })
      ).status,
    ).toBe(403);

    const last = await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/first-session`, {
      token,
    });
    expect(last.status).toBe(200);
    expect(last.body.trainingCompletedAt).toEqual(expect.any(String));
    const after = await call(h, 'GET', `/v1/programmes/${id}/participants`, { token: manager });
    expect((after.body.items as Json[]).find((p) => p.userId === mentor).trainingProgress).toEqual({
      done: 2,
      total: 2,
      completed: true,
    });
    // Trained means matchable: the programme can move to matching with this mentor.
    const phase = await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } });
    expect(phase.status).toBe(200);
  });

  it('ticks from two devices at once are both kept', async () => {
    const mentor = 'sales-junior-3';
    const id = await programmeWith({ trainingModules: MODULES }, [mentor]);
    const token = await h.token(mentor);
    const [a, b] = await Promise.all(
      MODULES.map((m) => call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/${m.id}`, { token })),
    );
    expect([a?.status, b?.status]).toEqual([200, 200]);
    const me = await call(h, 'GET', `/v1/programmes/${id}/participants/me`, { token });
    expect(Object.keys(me.body.trainingModulesDone).sort()).toEqual(['first-session', 'principles']);
    expect(me.body.trainingCompletedAt).toEqual(expect.any(String));
  });

  it('without modules, the mentor still confirms the training in one step (programmes from before modules)', async () => {
    const mentor = 'sales-junior-4';
    const id = await programmeWith({}, [mentor]);
    const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/training`, {
      token: await h.token(mentor),
    });
    expect(res.status).toBe(200);
    expect(res.body.trainingCompletedAt).toEqual(expect.any(String));
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/principles`, {
          token: await h.token(mentor),
        })
      ).status,
    ).toBe(404);
  });

  it('queues the training checklist when a mentor opts in, and again before matching for mentors not yet trained', async () => {
    const [untrained, trained] = ['sales-junior-4', 'sales-junior-3'];
    const id = await programmeWith({ trainingModules: MODULES }, [untrained, trained], ['sales-senior-2']);
    expect(await trainingCardsOf(untrained, id)).toHaveLength(1);
    expect(await trainingCardsOf('sales-senior-2', id)).toHaveLength(0);
    for (const m of MODULES)
      await call(h, 'POST', `/v1/programmes/${id}/participants/me/training/modules/${m.id}`, {
        token: await h.token(trained),
      });
    const phase = await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } });
    expect(phase.status).toBe(200);
    const reminders = await trainingCardsOf(untrained, id);
    expect(reminders.map((p) => p.params.reason).sort()).toEqual(['before-matching', 'opted-in']);
    expect((await trainingCardsOf(trained, id)).map((p) => p.params.reason)).toEqual(['opted-in']);
    // Back to preparation and into matching again: the reminder is not sent twice.
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } });
    expect(await trainingCardsOf(untrained, id)).toHaveLength(2);
  });
});
