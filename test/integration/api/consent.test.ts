/** Consent as a record: each version's wording is kept, a participant sees what they agreed to and can withdraw. */
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, MENTEES, MENTORS, programmeInMatching } from './support/flow';
import { testOrg } from '../../support/org';
import { storeText as storeTextOf } from '../../support/store-text';

let h: Harness;
let id: string;
let pairs: Json[];
const WORDING = { de: 'Ich mache freiwillig mit (Fassung 2026-01).', en: 'I take part voluntarily (version 2026-01).' };

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h, { consentText: WORDING });
  pairs = await matchAndPublish(h, id);
  await confirmAll(h, id, pairs);
});
afterAll(async () => h.close());

const storeText = () => storeTextOf(h.t.store);

describe('consent as a record', () => {
  it('shows a participant the wording they agreed to, in German and English, with the time', async () => {
    const me = MENTEES[0] as string;
    const res = await call(h, 'GET', `/v1/programmes/${id}/participants/me/consent`, { token: await h.token(me) });
    expect(res.status).toBe(200);
    expect(res.body.agreed).toMatchObject({ textVersion: '2026-01', text: { version: '2026-01', ...WORDING } });
    expect(Date.parse(res.body.agreed.at)).not.toBeNaN();
    expect(res.body.current).toEqual({ version: '2026-01', ...WORDING });
  });

  it('keeps a version’s wording: new wording needs a new version, and the old one stays readable', async () => {
    const manager = await h.manager();
    const changed = { de: 'Neu.', en: 'New.' };
    const same = await call(h, 'PATCH', `/v1/programmes/${id}`, {
      token: manager,
      body: { consentTextVersion: '2026-01', consentText: changed },
    });
    expect(same.status).toBe(409);
    const bad = await call(h, 'PATCH', `/v1/programmes/${id}`, { token: manager, body: { consentText: { de: '' } } });
    expect(bad.status).toBe(400);
    const programme = (await call(h, 'GET', `/v1/programmes/${id}`, { token: manager })).body;
    expect(programme.consentTexts).toEqual([expect.objectContaining({ version: '2026-01', ...WORDING })]);
  });

  it('a programme created without wording records the standard text for its version', async () => {
    const res = await call(h, 'POST', '/v1/programmes', {
      token: await h.manager(),
      body: { name: 'Plain', topics: [{ id: 'ai', name: 'AI' }], consentTextVersion: 'v7' },
    });
    expect(res.status).toBe(201);
    expect(res.body.consentTexts).toEqual([
      expect.objectContaining({
        version: 'v7',
        en: expect.stringContaining('voluntary'),
        de: expect.stringContaining('freiwillig'),
      }),
    ]);
  });

  it('withdraws consent only when confirmed: the person leaves, their pair ends, and nothing of them stays in the programme', async () => {
    const pair = pairs[0] as Json;
    const me = pair.menteeId as string;
    const token = await h.token(me);
    for (const body of [undefined, {}, { confirm: 'yes' }]) {
      const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/consent/withdraw`, {
        token,
        ...(body !== undefined ? { body } : {}),
      });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
    const res = await call(h, 'POST', `/v1/programmes/${id}/participants/me/consent/withdraw`, {
      token,
      body: { confirm: 'withdraw-consent' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ withdrawn: true });
    const text = await storeText();
    const person = testOrg().find((u) => u.id === me);
    expect(text).not.toContain(me);
    expect(text).not.toContain(person?.displayName as string);
    const ended = await h.t.store.pairs.get(id, pair.id);
    expect(ended.status).toBe('ended');
    expect((await call(h, 'GET', `/v1/programmes/${id}/participants/me/consent`, { token })).status).toBe(404);
    // The others are untouched.
    for (const other of [...MENTEES.slice(1), ...MENTORS]) expect(text).toContain(other);
  });
});
