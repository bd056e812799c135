/** Small things a person notices: a consent of its own for quoting the testimonial. */
import { call, startHarness, type Harness } from './support/harness';
import { MENTEES, NEW_PROGRAMME, profile } from './support/flow';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

async function invited(userIds: string[]): Promise<string> {
  const id = (await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME })).body.id as string;
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
  await call(h, 'POST', `/v1/programmes/${id}/invitations`, { token: manager, body: { userIds } });
  return id;
}

describe('the testimonial’s own consent', () => {
  it('is recorded only when given, lapses when the text changes, and can be withdrawn', async () => {
    const [withConsent, without] = [MENTEES[0] as string, MENTEES[1] as string];
    const id = await invited([withConsent, without]);
    const optIn = async (userId: string, extra: Record<string, unknown>) =>
      call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
        token: await h.token(userId),
        body: {
          profile: { ...profile('mentee'), testimonial: 'I want to learn from the young.', ...extra },
          consentTextVersion: '2026-01',
        },
      });
    const a = await optIn(withConsent, { testimonialConsent: true });
    expect(a.status).toBe(200);
    expect(a.body.testimonialConsentAt).toEqual(expect.any(String));
    expect(a.body).not.toHaveProperty('testimonialConsent');
    const b = await optIn(without, {});
    expect(b.status).toBe(200);
    expect(b.body.testimonial).toBe('I want to learn from the young.');
    expect(b.body.testimonialConsentAt).toBeUndefined();

    const token = await h.token(withConsent);
    const patch = async (body: Record<string, unknown>) => {
      const current = await call(h, 'GET', `/v1/programmes/${id}/participants/me`, { token });
      return call(h, 'PATCH', `/v1/programmes/${id}/participants/me`, {
        token,
        body,
        headers: { 'if-match': current.headers.get('etag') as string },
      });
    };
    // Another profile change keeps the consent; a new text needs it again.
    expect((await patch({ interests: ['chess'] })).body.testimonialConsentAt).toEqual(a.body.testimonialConsentAt);
    expect((await patch({ testimonial: 'Something else entirely.' })).body.testimonialConsentAt).toBeUndefined();
    expect((await patch({ testimonialConsent: true })).body.testimonialConsentAt).toEqual(expect.any(String));
    expect((await patch({ testimonialConsent: false })).body.testimonialConsentAt).toBeUndefined();
    // The manager never sees when (or whether) someone agreed to be quoted.
    const list = await call(h, 'GET', `/v1/programmes/${id}/participants`, { token: manager });
    expect(JSON.stringify(list.body)).not.toContain('testimonialConsentAt');
  });
});
