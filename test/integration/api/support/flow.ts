/** Steps of a programme's life through the API, shared by the flow, fuzz and privacy tests. */
import { expect } from '@jest/globals';
import { call, type Harness, type Json } from './harness';
import { ROLE_MANAGE } from '../../../../functions/src/app/caller';
import { MENTEES, MENTORS, NEW_PROGRAMME, profile } from '../../../support/programme-data';

export { MENTEES, MENTORS, NEW_PROGRAMME, profile };

/** Creates a programme and brings it to the matching phase with everyone opted in and trained. */
export async function programmeInMatching(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const manager = await h.manager();
  const created = await call(h, 'POST', '/v1/programmes', { token: manager, body: { ...NEW_PROGRAMME, ...overrides } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect(
    (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } })).status,
  ).toBe(200);
  const invited = await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
    token: manager,
    body: { userIds: [...MENTEES, ...MENTORS] },
  });
  expect(invited.body).toMatchObject({ invited: 8 });
  for (const [ids, role] of [
    [MENTEES, 'mentee'],
    [MENTORS, 'mentor'],
  ] as const) {
    for (const userId of ids) {
      const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
        token: await h.token(userId),
        body: { profile: profile(role), consentTextVersion: '2026-01' },
      });
      expect(res.status).toBe(200);
    }
  }
  for (const userId of MENTORS) {
    expect(
      (await call(h, 'POST', `/v1/programmes/${id}/participants/${userId}/training`, { token: manager })).status,
    ).toBe(200);
  }
  expect(
    (await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } })).status,
  ).toBe(200);
  return id;
}

/** Runs matching and publishes; returns the pairs as the manager sees them. */
export async function matchAndPublish(h: Harness, id: string): Promise<Json[]> {
  const manager = await h.manager();
  const run = await call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager });
  expect(run.status).toBe(202);
  expect(run.body.status).toBe('succeeded');
  const programme = await call(h, 'GET', `/v1/programmes/${id}`, { token: manager });
  const published = await call(h, 'POST', `/v1/programmes/${id}/publish`, {
    token: manager,
    headers: { 'if-match': programme.headers.get('etag') as string },
  });
  expect(published.status).toBe(200);
  return (await call(h, 'GET', `/v1/programmes/${id}/pairs`, { token: manager })).body.items;
}

export async function confirmAll(h: Harness, id: string, pairs: Json[]): Promise<void> {
  for (const pair of pairs) {
    for (const userId of [pair.mentorId, pair.menteeId]) {
      const res = await call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/confirm`, {
        token: await h.token(userId),
      });
      expect(res.status).toBe(200);
    }
  }
}

export { ROLE_MANAGE };
