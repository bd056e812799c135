import { generateKeyPair } from 'jose';
import {
  call,
  CLIENT_ID,
  ISSUER,
  signToken,
  startHarness,
  userClaims,
  type Harness,
  type Json,
} from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';
import { TENANT } from '../../support/org';
import { ROLE_MANAGE } from '../../../functions/src/app/caller';

let h: Harness;
let id: string;
let pair: Json;
let otherPair: Json;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
  const pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: await h.manager(), body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  [pair, otherPair] = pairs;
});
afterAll(async () => h.close());

function expectProblem(res: { status: number; headers: Headers; body: Json }, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
}

describe('authentication: every route needs a valid Entra token', () => {
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    [
      'a bad signature',
      async () => signToken((await generateKeyPair('RS256')).privateKey, 'test-key-1', userClaims('sales-senior-1')),
    ],
    [
      'a wrong issuer',
      async () => h.token('sales-senior-1', [], { iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }),
    ],
    ['a wrong audience', async () => h.token('sales-senior-1', [], { aud: 'api://someone-else' })],
    [
      'an expired token',
      async () =>
        signToken(h.privateKey, 'test-key-1', userClaims('sales-senior-1'), {
          expiresIn: Math.floor(Date.now() / 1000) - 600,
        }),
    ],
    [
      'a token not valid yet',
      async () =>
        signToken(h.privateKey, 'test-key-1', userClaims('sales-senior-1'), {
          notBefore: Math.floor(Date.now() / 1000) + 600,
        }),
    ],
    [
      'a tenant that is not allowed',
      async () =>
        h.token('sales-senior-1', [], {
          tid: 'other-tenant',
          iss: 'https://login.microsoftonline.com/other-tenant/v2.0',
        }),
    ],
    ['an app-only token', async () => h.token('sales-senior-1', [ROLE_MANAGE], { idtyp: 'app' })],
    ['a token without a user', async () => h.token('', [], { oid: undefined })],
    [
      'an unsigned token',
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ ...userClaims('sales-senior-1'), exp: Math.floor(Date.now() / 1000) + 600 })}.`;
      },
    ],
    ['garbage', async () => 'not-a-token'],
  ];
  it.each(cases)('answers 401 problem+json for %s', async (_name, make) => {
    const token = await make();
    for (const path of ['/v1/me', `/v1/programmes/${id}`]) {
      const res = await call(h, 'GET', path, token ? { token } : {});
      expectProblem(res, 401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('accepts the v1 issuer form, the api:// audience and a clock skew of a minute', async () => {
    const v1 = await h.token('sales-senior-1', [], {
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: `api://${CLIENT_ID}`,
    });
    expect((await call(h, 'GET', '/v1/me', { token: v1 })).status).toBe(200);
    const late = await signToken(h.privateKey, 'test-key-1', userClaims('sales-senior-1'), {
      expiresIn: Math.floor(Date.now() / 1000) - 60,
    });
    expect((await call(h, 'GET', '/v1/me', { token: late })).status).toBe(200);
    expect(ISSUER).toContain(TENANT);
  });
});

describe('authorisation: participants see only their own data', () => {
  const mentee = () => h.token(pair.menteeId);
  const outsider = () => h.token('it-junior-1');

  it.each([
    ['another participant’s enrollment', () => `/v1/programmes/${id}/participants/${otherPair.menteeId}`],
    ['another pair', () => `/v1/programmes/${id}/pairs/${otherPair.id}`],
    ['the HR report', () => `/v1/programmes/${id}/report`],
    ['the participant list', () => `/v1/programmes/${id}/participants`],
    ['the audit log', () => `/v1/programmes/${id}/audit`],
    ['pair health', () => `/v1/programmes/${id}/pair-health`],
    ['the directory', () => `/v1/directory/users`],
  ])('a participant reading %s gets 403', async (_what, path) => {
    expectProblem(await call(h, 'GET', path(), { token: await mentee() }), 403);
  });

  it('a participant cannot act for someone else or as a manager', async () => {
    const token = await mentee();
    const attempts: [string, string, unknown?][] = [
      ['POST', '/v1/programmes', { name: 'x', topics: [{ id: 'a', name: 'A' }] }],
      ['POST', `/v1/programmes/${id}/publish`],
      ['POST', `/v1/programmes/${id}/phase`, { to: 'steering' }],
      ['POST', `/v1/programmes/${id}/participants/${otherPair.menteeId}/leave`],
      ['POST', `/v1/programmes/${id}/pairs/${otherPair.id}/decline`, {}],
      ['POST', `/v1/programmes/${id}/feedback`, { pairId: otherPair.id, occurrenceIndex: 0, rating: 1 }],
      ['POST', `/v1/programmes/${id}/invitations`, { userIds: ['it-junior-1'] }],
      ['GET', `/v1/programmes/${id}/jobs/job-1`],
      ['POST', `/v1/programmes/${id}/pairs/${otherPair.id}/end`],
      ['GET', `/v1/programmes/${id}/meetings/${otherPair.id}-series/occurrences/1/free-slots`],
      ['POST', `/v1/programmes/${id}/meetings/${otherPair.id}-series/move-rest`, { weekday: 'thu', time: '10:00' }],
    ];
    for (const [method, path, body] of attempts) {
      expectProblem(await call(h, method, path, { token, ...(body !== undefined ? { body } : {}) }), 403);
    }
  });

  it('someone outside the programme cannot read it', async () => {
    expectProblem(await call(h, 'GET', `/v1/programmes/${id}`, { token: await outsider() }), 403);
    expectProblem(await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: await outsider() }), 403);
    const list = await call(h, 'GET', '/v1/programmes', { token: await outsider() });
    expect(list.body.items).toEqual([]);
  });

  it('a participant reads their own enrollment, pair and meetings', async () => {
    const token = await mentee();
    expect((await call(h, 'GET', `/v1/programmes/${id}/participants/me`, { token })).status).toBe(200);
    const own = await call(h, 'GET', `/v1/programmes/${id}/pairs/${pair.id}`, { token });
    expect(own.status).toBe(200);
    const meetings = await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token });
    expect(meetings.body.items.map((m: Json) => m.pairId)).toEqual([pair.id]);
    const list = await call(h, 'GET', '/v1/programmes', { token });
    expect(list.body.items.map((p: Json) => p.id)).toEqual([id]);
  });
});

describe('authorisation: managers and HR', () => {
  it('a programme manager reads everyone’s enrollment, every pair, the report and the audit log', async () => {
    const token = await h.manager();
    for (const path of [
      `/v1/programmes/${id}/participants/${otherPair.menteeId}`,
      `/v1/programmes/${id}/pairs/${otherPair.id}`,
      `/v1/programmes/${id}/participants`,
      `/v1/programmes/${id}/report`,
      `/v1/programmes/${id}/audit`,
      `/v1/programmes/${id}/pair-health`,
      `/v1/programmes/${id}/meetings`,
      '/v1/directory/users?search=Senior',
    ]) {
      expect([path, (await call(h, 'GET', path, { token })).status]).toEqual([path, 200]);
    }
  });

  it('HR reads programmes and reports but neither people’s records nor the audit log, and changes nothing', async () => {
    const token = await h.hr();
    expect((await call(h, 'GET', `/v1/programmes/${id}/report`, { token })).status).toBe(200);
    expect((await call(h, 'GET', `/v1/programmes/${id}`, { token })).status).toBe(200);
    expectProblem(await call(h, 'GET', `/v1/programmes/${id}/participants`, { token }), 403);
    expectProblem(await call(h, 'GET', `/v1/programmes/${id}/participants/${pair.menteeId}`, { token }), 403);
    expectProblem(await call(h, 'GET', `/v1/programmes/${id}/audit`, { token }), 403);
    expectProblem(await call(h, 'GET', `/v1/programmes/${id}/pair-health`, { token }), 403);
    expectProblem(await call(h, 'PATCH', `/v1/programmes/${id}`, { token, body: { name: 'Renamed' } }), 403);
  });
});
