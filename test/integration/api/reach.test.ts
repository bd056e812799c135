/** GET /v1/programmes/{id}/reach: how invitees are reached, for the programme's managers only. */
import { call, startHarness, type Harness } from './support/harness';
import { MENTEES, programmeInMatching } from './support/flow';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
});
afterAll(async () => h.close());

describe('GET /v1/programmes/{id}/reach', () => {
  it('answers the manager with the organisation-wide install state and the programme’s counts', async () => {
    const res = await call(h, 'GET', `/v1/programmes/${id}/reach`, { token: await h.manager() });
    expect(res.status).toBe(200);
    // This deployment has no TEAMS_APP_ID: nothing is installed, and the manager is told so.
    expect(res.body).toMatchObject({
      catalog: { status: 'not-configured' },
      installs: { none: expect.any(Number), pending: 0 },
      calendar: { outsideScope: 0, noMailbox: 0 },
    });
    expect((res.body.installs as Record<string, number>).none).toBeGreaterThan(0);
  });

  it('refuses participants, people without a token and unknown programmes', async () => {
    const participant = await h.token(MENTEES[0] as string);
    expect((await call(h, 'GET', `/v1/programmes/${id}/reach`, { token: participant })).status).toBe(403);
    expect((await call(h, 'GET', `/v1/programmes/${id}/reach`, {})).status).toBe(401);
    expect((await call(h, 'GET', '/v1/programmes/nope/reach', { token: await h.manager() })).status).toBe(404);
  });
});
