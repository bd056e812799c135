/** The channel-post routes: managers only, bad input a clear 4xx. */
import { call, startHarness, type Harness } from './support/harness';
import { NEW_PROGRAMME } from './support/flow';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

describe('posting to a team channel through the API', () => {
  it('lists the channels for managers only, and refuses a post without text or to a channel without the app', async () => {
    expect(await call(h, 'GET', '/v1/team-channels', { token: manager })).toMatchObject({
      status: 200,
      body: { items: [] },
    });
    expect((await call(h, 'GET', '/v1/team-channels', { token: await h.token('sales-senior-1') })).status).toBe(403);

    const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
    const draft = await call(h, 'POST', `/v1/programmes/${id}/channel-posts`, {
      token: manager,
      body: { channelId: '19:news@thread.tacv2', en: { title: 'Next cohort', text: 'Register now.' } },
    });
    expect(draft.status).toBe(409);
    await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
    const empty = await call(h, 'POST', `/v1/programmes/${id}/channel-posts`, {
      token: manager,
      body: { channelId: '19:news@thread.tacv2' },
    });
    expect(empty.status).toBe(400);
    const badId = await call(h, 'POST', `/v1/programmes/${id}/channel-posts`, {
      token: manager,
      body: { channelId: '<script>', en: { title: 'x', text: 'y' } },
    });
    expect(badId.status).toBe(400);
    const unknown = await call(h, 'POST', `/v1/programmes/${id}/channel-posts`, {
      token: manager,
      body: { channelId: '19:news@thread.tacv2', en: { title: 'Next cohort', text: 'Register now.' } },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/not installed in a team/);
    const participant = await call(h, 'POST', `/v1/programmes/${id}/channel-posts`, {
      token: await h.token('sales-senior-1'),
      body: { channelId: '19:news@thread.tacv2', en: { title: 'x', text: 'y' } },
    });
    expect(participant.status).toBe(403);
  });
});
