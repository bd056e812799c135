/**
 * The tab's bearer token inside Teams: `authentication.getAuthToken()` (Teams SSO). Teams caches the
 * token; after a 401 the client asks again with the API's claims challenge, if it sent one, and never
 * sends a refused token twice (api/client.ts). A rejection that needs the person's consent (or another interaction)
 * becomes a ConsentRequiredError: the page then offers a button that opens Entra's consent page in
 * the documented popup (`authentication.authenticate()`), and tries again.
 */
import type { TokenSource } from '../api/client';
import type { TeamsModule } from '../host/detect-teams';

/** What getAuthToken rejects with when only the person can fix it (consent, MFA, conditional access). */
const NEEDS_INTERACTION = /resourceRequiresConsent|consent_required|interaction_required|invalid_grant|AADSTS65001/i;

export class ConsentRequiredError extends Error {
  constructor(readonly reason: string) {
    super(`Tandem needs your consent to sign you in (${reason}).`);
    this.name = 'ConsentRequiredError';
  }
}

export function needsInteraction(err: unknown): boolean {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err ?? '');
  return NEEDS_INTERACTION.test(text);
}

/** The consent page Tandem serves (it redirects to Entra ID), for the person's tenant and account. */
export function consentUrl(origin: string, context: { tenantId?: string; loginHint?: string }): string {
  const url = new URL('/api/auth/consent', origin);
  if (context.tenantId) url.searchParams.set('tenant', context.tenantId);
  if (context.loginHint) url.searchParams.set('loginHint', context.loginHint);
  return url.href;
}

export interface TeamsTokens extends TokenSource {
  /** Opens the consent popup; resolves once the person consented (rejects if they closed it). */
  consent(): Promise<void>;
}

export function teamsTokens(
  teams: Pick<TeamsModule, 'authentication'>,
  context: { tenantId?: string; loginHint?: string },
  origin = location.origin,
): TeamsTokens {
  const ask = async (claims?: string): Promise<string> => {
    try {
      return await teams.authentication.getAuthToken(claims ? { claims: [claims] } : undefined);
    } catch (err) {
      if (needsInteraction(err)) throw new ConsentRequiredError(err instanceof Error ? err.message : String(err));
      throw err;
    }
  };
  return {
    // NOTE: getAuthToken has no forceRefresh: after a 401 the claims challenge is what makes Teams ask
    // Entra ID again; the client does not resend a token the API refused (api/client.ts).
    getToken: (options) => ask(options?.refresh ? options.claims : undefined),
    async consent() {
      await teams.authentication.authenticate({ url: consentUrl(origin, context), width: 600, height: 535 });
    },
  };
}
