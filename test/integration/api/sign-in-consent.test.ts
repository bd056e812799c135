import { HttpRequest } from '@azure/functions';
import { consentRedirect, createConsentHandler } from '../../../functions/src/http/consent';
import { loadAuthConfig } from '../../../functions/src/config';
import manifest from '../../../appPackage/manifest.json';

const CLIENT = '6b1e4f0c-8d2a-4c9e-9a57-3f3d2c1b0a99';
const TENANT = '0d7c9a3e-1b2f-4c5d-8e6f-7a8b9c0d1e2f';
const entra = loadAuthConfig(
  {
    AUTH_ISSUER: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    AUTH_JWKS_URL: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: `${CLIENT},api://tandem.example.com/${CLIENT}`,
  },
  true,
);

describe('the consent popup of the tab', () => {
  it('redirects to Entra ID for consent to Tandem’s own scope, returning to the tab’s auth-end page', async () => {
    const handler = createConsentHandler(() => entra);
    const res = await handler(
      new HttpRequest({
        url: `https://tandem.example.com/api/auth/consent?tenant=${TENANT}&loginHint=ada%40contoso.com`,
        method: 'GET',
      }),
    );
    expect(res.status).toBe(302);
    const to = new URL((res.headers as Record<string, string>).location!);
    expect(to.origin + to.pathname).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`);
    expect(Object.fromEntries(to.searchParams)).toEqual({
      client_id: CLIENT,
      response_type: 'code',
      response_mode: 'query',
      redirect_uri: 'https://tandem.example.com/api/tab/auth-end',
      scope: `api://tandem.example.com/${CLIENT}/access_as_user`,
      prompt: 'consent',
      login_hint: 'ada@contoso.com',
    });
  });

  it('never sends a person to a tenant the installation does not accept', () => {
    const other = '11111111-2222-3333-4444-555555555555';
    const target = consentRedirect(entra, { tenant: other, loginHint: 'not an address' });
    expect('url' in target && new URL(target.url).pathname).toBe(`/${TENANT}/oauth2/v2.0/authorize`);
    expect('url' in target && new URL(target.url).searchParams.has('login_hint')).toBe(false);
  });

  it('answers 404 where sign-in is not Entra ID (the local identity provider of npm start)', async () => {
    const local = loadAuthConfig(
      {
        AUTH_ISSUER: 'http://127.0.0.1:4100',
        AUTH_JWKS_URL: 'http://127.0.0.1:4100/jwks',
        AUTH_AUDIENCE: CLIENT,
        AUTH_ALLOWED_TENANTS: TENANT,
      },
      false,
    );
    const res = await createConsentHandler(() => local)(
      new HttpRequest({ url: 'http://localhost:7071/api/auth/consent', method: 'GET' }),
    );
    expect(res.status).toBe(404);
  });
});

describe('the app manifest', () => {
  it('opens the static tabs only inside Teams: no websiteUrl that would land on a page without sign-in', () => {
    for (const tab of manifest.staticTabs) expect(tab).not.toHaveProperty('websiteUrl');
  });
});
