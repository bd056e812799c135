/**
 * GET /api/auth/consent: the first page of Teams' authentication popup (`authentication.authenticate()`),
 * opened by the tab when `getAuthToken()` needs the person's consent or another prompt. It redirects
 * to Entra ID's authorize endpoint for Tandem's own scope with `prompt=consent`; Entra ID returns to
 * the tab's `/api/tab/auth-end`, which tells Teams the popup is done. The authorization code is never
 * redeemed: the consent itself is the result, and the tab then asks `getAuthToken()` again.
 * Only for Entra ID: with the local identity provider (npm start) there is nothing to consent to.
 */
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { loadConfig, type AuthConfig } from '../config';
import { problem } from './problem';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Entra ID authorize URL for consent to `api://<domain>/<client id>/access_as_user`, or why there is none. */
export function consentRedirect(
  auth: AuthConfig,
  given: { tenant?: string | null; loginHint?: string | null },
): { url: string } | { unavailable: string } {
  const resource = auth.audiences.find((a) => /^api:\/\/[^/]+\/[0-9a-f-]{36}$/i.test(a));
  const clientId = auth.audiences.find((a) => GUID.test(a)) ?? resource?.split('/').pop();
  const fromEntra = auth.issuer?.startsWith('https://login.microsoftonline.com/') ?? false;
  if (!auth.configured || !resource || !clientId || !fromEntra)
    return { unavailable: 'Consent is asked by Entra ID; this installation does not sign in with Entra ID.' };
  const domain = resource.slice('api://'.length).split('/')[0];
  const wanted = given.tenant && GUID.test(given.tenant) ? given.tenant : undefined;
  const tenant =
    wanted && (auth.allowedTenants.length === 0 || auth.allowedTenants.includes(wanted))
      ? wanted
      : (auth.allowedTenants[0] ?? 'organizations');
  const url = new URL(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('redirect_uri', `https://${domain}/api/tab/auth-end`);
  url.searchParams.set('scope', `${resource}/access_as_user`);
  url.searchParams.set('prompt', 'consent');
  const hint = given.loginHint?.trim();
  if (hint && hint.length <= 256 && /^[^\s@]+@[^\s@]+$/.test(hint)) url.searchParams.set('login_hint', hint);
  return { url: url.href };
}

export function createConsentHandler(auth: () => AuthConfig) {
  return async function consentStart(request: HttpRequest): Promise<HttpResponseInit> {
    const query = new URL(request.url).searchParams;
    const target = consentRedirect(auth(), { tenant: query.get('tenant'), loginHint: query.get('loginHint') });
    if ('unavailable' in target) return problem(404, target.unavailable);
    return {
      status: 302,
      headers: { location: target.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    };
  };
}

app.http('consentStart', {
  route: 'auth/consent',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: createConsentHandler(() => loadConfig().auth),
});
