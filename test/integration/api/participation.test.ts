import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, NEW_PROGRAMME, profile } from './support/flow';
import { toArray } from '../../../functions/src/ports/store';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

/** A programme in preparation with these people invited and opted in (mentors trained). */
async function enrolled(mentees: string[], mentors: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: { ...NEW_PROGRAMME, ...extra } })).body
    .id as string;
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
  await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
    token: manager,
    body: { userIds: [...mentees, ...mentors] },
  });
  for (const [ids, role] of [
    [mentees, 'mentee'],
    [mentors, 'mentor'],
  ] as const) {
    for (const userId of ids) {
      const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
        token: await h.token(userId),
        body: { profile: profile(role), consentTextVersion: '2026-01' },
      });
      expect(res.status).toBe(200);
      if (role === 'mentor')
        await call(h, 'POST', `/v1/programmes/${id}/participants/me/training`, { token: await h.token(userId) });
    }
  }
  return id;
}

async function notificationsOf(userId: string, type: string): Promise<Json[]> {
  const all = await toArray(h.t.store.outbox.all(undefined, { where: { recipient: userId } }));
  return all.filter((m) => (m.payload as { type: string }).type === type).map((m) => m.payload);
}

describe('invitations', () => {
  it('invites a department, a group or a list; guests and disabled accounts are not invitable; nobody twice', async () => {
    const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
    const early = await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
      token: manager,
      body: { department: 'IT' },
    });
    expect(early.status).toBe(409);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/invitations`, { token: manager, body: { department: 'IT' } })).body,
    ).toEqual({
      invited: 9,
      alreadyInvited: 0,
      notInvitable: [],
    });
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/invitations`, { token: manager, body: { groupId: 'group-sales' } }))
        .body,
    ).toEqual({ invited: 2, alreadyInvited: 0, notInvitable: ['guest-1'] });
    expect(
      (
        await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
          token: manager,
          body: { userIds: ['it-junior-1', 'disabled-1', 'nobody'] },
        })
      ).body,
    ).toEqual({ invited: 0, alreadyInvited: 1, notInvitable: ['disabled-1', 'nobody'] });
    expect((await notificationsOf('it-junior-1', 'invitation')).length).toBe(1);
    const both = await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
      token: manager,
      body: { department: 'IT', groupId: 'g' },
    });
    expect(both.status).toBe(400);
  });
});

describe('opting in', () => {
  it('needs the invitation, the current consent text and topics of the programme', async () => {
    const id = await enrolled([], []);
    await call(h, 'POST', `/v1/programmes/${id}/invitations`, { token: manager, body: { userIds: ['it-senior-1'] } });
    const token = await h.token('it-senior-1');
    const optIn = (body: unknown) => call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, { token, body });
    expect((await optIn({ profile: profile('mentee'), consentTextVersion: 'old' })).body.errors).toHaveProperty(
      'consentTextVersion',
    );
    expect(
      (await optIn({ profile: { ...profile('mentee'), learnTopics: ['cooking'] }, consentTextVersion: '2026-01' })).body
        .errors,
    ).toHaveProperty('learnTopics');
    expect(
      (await optIn({ profile: { ...profile('mentee'), learnTopics: [] }, consentTextVersion: '2026-01' })).status,
    ).toBe(400);
    const ok = await optIn({ profile: profile('mentee'), consentTextVersion: '2026-01' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'opted-in', consent: { textVersion: '2026-01', at: expect.any(String) } });
    expect((await optIn({ profile: profile('mentee'), consentTextVersion: '2026-01' })).status).toBe(409);
    const stranger = await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
      token: await h.token('it-senior-2'),
      body: { profile: profile('mentee'), consentTextVersion: '2026-01' },
    });
    expect(stranger.status).toBe(404);
  });

  it('lets a person change their profile under If-Match, pause, resume and leave', async () => {
    const id = await enrolled(['it-senior-3'], []);
    const token = await h.token('it-senior-3');
    const current = await call(h, 'GET', `/v1/programmes/${id}/participants/me`, { token });
    const etag = current.headers.get('etag') as string;
    const changed = await call(h, 'PATCH', `/v1/programmes/${id}/participants/me`, {
      token,
      body: { interests: ['chess'], testimonial: 'I want to learn from the young.' },
      headers: { 'if-match': etag },
    });
    expect(changed.body).toMatchObject({ interests: ['chess'], testimonial: 'I want to learn from the young.' });
    expect(
      (
        await call(h, 'PATCH', `/v1/programmes/${id}/participants/me`, {
          token,
          body: { interests: [] },
          headers: { 'if-match': etag },
        })
      ).status,
    ).toBe(412);
    expect((await call(h, 'POST', `/v1/programmes/${id}/participants/me/pause`, { token })).body.status).toBe('paused');
    expect((await call(h, 'POST', `/v1/programmes/${id}/participants/me/resume`, { token })).body.status).toBe(
      'opted-in',
    );
    expect((await call(h, 'POST', `/v1/programmes/${id}/participants/me/leave`, { token })).body.status).toBe('left');
    const back = await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
      token: manager,
      body: { userIds: ['it-senior-3'] },
    });
    expect(back.body.invited).toBe(1);
  });
});

describe('answers, leaving and re-matching', () => {
  it('a decline re-matches the two people only, never with each other again, and tells the partner no reason', async () => {
    const id = await enrolled(['sales-senior-1', 'it-senior-1'], ['it-junior-3', 'sales-junior-3', 'it-junior-4']);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } });
    const pairs = await matchAndPublish(h, id);
    expect(pairs).toHaveLength(2);
    const [declined, kept] = pairs as [Json, Json];
    const res = await call(h, 'POST', `/v1/programmes/${id}/pairs/${declined.id}/decline`, {
      token: await h.token(declined.menteeId),
      body: { reason: 'We already work together closely.' },
    });
    expect(res.body.status).toBe('declined');

    const all = (await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token: manager })).body.items as Json[];
    const fresh = all.filter((p) => p.status === 'proposed' && p.id !== kept.id);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].menteeId).toBe(declined.menteeId);
    expect(fresh[0].mentorId).not.toBe(declined.mentorId);
    expect(fresh[0].publishedAt).toBeTruthy();
    expect(all.find((p) => p.id === kept.id)).toMatchObject({
      mentorId: kept.mentorId,
      menteeId: kept.menteeId,
      status: 'proposed',
    });

    const told = await notificationsOf(declined.mentorId, 'pair-declined');
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told)).not.toContain('closely');
    const asManager = await call(h, 'GET', `/v1/programmes/${id}/pairs/${declined.id}`, { token: manager });
    expect(asManager.body.mentee.reason).toBe('We already work together closely.');
    const asPartner = await call(h, 'GET', `/v1/programmes/${id}/pairs/${declined.id}`, {
      token: await h.token(declined.mentorId),
    });
    expect(asPartner.body.mentee.reason).toBeUndefined();
  });

  it('leaving ends the pair without blame, cancels its meetings and re-matches the partner', async () => {
    const id = await enrolled(['sales-senior-1', 'it-senior-1', 'it-senior-2'], ['it-junior-3', 'sales-junior-3']);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } });
    const pairs = await matchAndPublish(h, id);
    expect(pairs).toHaveLength(2);
    await confirmAll(h, id, pairs);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'execution' } });
    await h.host.trigger('bookSeries');
    const pair = pairs[0] as Json;
    const left = await call(h, 'POST', `/v1/programmes/${id}/participants/me/leave`, {
      token: await h.token(pair.menteeId),
    });
    expect(left.body.status).toBe('left');

    const ended = (await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token: manager })).body;
    expect(ended).toMatchObject({ status: 'ended', endReason: 'left' });
    expect(h.booking.cancelled).toContain(pair.id);
    const told = await notificationsOf(pair.mentorId, 'pair-ended');
    expect(told).toHaveLength(1);
    expect(told[0].params).toEqual({ programmeId: id, pairId: pair.id });
    const mine = (await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token: await h.token(pair.mentorId) })).body
      .items as Json[];
    const again = mine.find((p) => p.status === 'proposed');
    expect(again?.menteeId).toBeDefined();
    expect(again?.menteeId).not.toBe(pair.menteeId);
    expect((await notificationsOf(again?.menteeId, 'proposal')).length).toBeGreaterThan(0);
  });
});
