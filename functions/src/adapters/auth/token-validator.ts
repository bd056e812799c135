/**
 * Validates the API's bearer tokens as Teams SSO issues them (Entra ID v1 or v2 access tokens):
 * RS256 signature against the issuer's JWKS (cached; an unknown key id triggers a refetch, so key
 * rotation just works), issuer in both Microsoft forms, audience (client id or api:// URI), exp/nbf
 * with a small clock skew, and an allowed tenant. Returns the Caller the use cases work with.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../../config';
import { tenantOfIssuer } from '../../config';
import { UnauthorizedError, UnavailableError } from '../../core/errors';
import type { TokenValidator } from '../../ports/auth';

/** Clock skew tolerated on exp / nbf, in seconds. */
export const CLOCK_SKEW_SECONDS = 120;

/** The port this adapter implements (re-exported for the callers that import it from here). */
export type { TokenValidator } from '../../ports/auth';

export interface TokenValidatorOptions {
  /** Replaces the remote JWKS (tests). */
  keys?: JWTVerifyGetKey;
  /** Seconds since the epoch (tests). */
  currentDate?: () => Date;
  /** Least time between two JWKS fetches for unknown key ids (default 30 s; tests use less). */
  jwksCooldownMs?: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** The issuers a token of tenant `tid` may carry: the v2 and the v1 form of Microsoft's, or exactly the configured one. */
export function issuersFor(configured: string, tid: string): string[] {
  const issuer = configured.replace('{tenantid}', tid);
  const microsoft = tenantOfIssuer(issuer) !== undefined;
  return microsoft ? [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`] : [issuer];
}

function unauthorized(reason: string): UnauthorizedError {
  return new UnauthorizedError(reason);
}

export function createTokenValidator(config: AuthConfig, options: TokenValidatorOptions = {}): TokenValidator {
  const keys: JWTVerifyGetKey | undefined =
    options.keys ??
    (config.jwksUrl
      ? createRemoteJWKSet(new URL(config.jwksUrl), {
          timeoutDuration: 5000,
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          cacheMaxAge: 12 * 3600 * 1000,
        })
      : undefined);
  const allowed = new Set(config.allowedTenants);

  return {
    async validate(authorization) {
      if (!config.configured || !keys || !config.issuer)
        throw unauthorized('The API has no identity provider configured (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL).');
      const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? '');
      if (!m)
        throw unauthorized(
          authorization ? 'The Authorization header is not a bearer token.' : 'A bearer token is required.',
        );
      const token = m[1] as string;
      // The tenant decides which issuers are valid; it is checked again after the signature.
      let tid: string;
      try {
        const [, body] = token.split('.');
        const claims = JSON.parse(Buffer.from(body as string, 'base64url').toString('utf8')) as JWTPayload;
        tid = typeof claims.tid === 'string' ? claims.tid : '';
      } catch {
        throw unauthorized('The token is not a JWT.');
      }
      if (!tid || !allowed.has(tid)) throw unauthorized('The token is from a tenant this app does not accept.');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          issuer: issuersFor(config.issuer, tid),
          audience: config.audiences,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp', 'iat'],
          ...(options.currentDate ? { currentDate: options.currentDate() } : {}),
        }));
      } catch (err) {
        throw mapJoseError(err);
      }
      if (payload.tid !== tid) throw unauthorized('The token names no tenant.');
      if (payload.idtyp === 'app') throw unauthorized('The API accepts tokens of signed-in users only.');
      const oid = payload.oid;
      if (typeof oid !== 'string' || !ID.test(oid)) throw unauthorized('The token names no user (oid).');
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      const name = typeof payload.name === 'string' ? payload.name.slice(0, 200) : undefined;
      const upn = payload.preferred_username ?? payload.upn;
      return {
        userId: oid,
        tenantId: tid,
        roles,
        ...(name ? { displayName: name } : {}),
        ...(typeof upn === 'string' ? { username: upn.slice(0, 200) } : {}),
      };
    },
  };
}

function mapJoseError(err: unknown): Error {
  if (err instanceof errors.JWTExpired) return unauthorized('The token has expired.');
  if (err instanceof errors.JWTClaimValidationFailed) {
    const what = err.claim === 'iss' ? 'issuer' : err.claim === 'aud' ? 'audience' : err.claim;
    return unauthorized(`The token's ${what} is not accepted (${err.reason}).`);
  }
  if (err instanceof errors.JWKSTimeout)
    return new UnavailableError('The identity provider’s keys could not be read in time.');
  // jose reports a failed key-set download (non-200, not JSON) as a generic error: the provider's fault, not the caller's.
  if (
    err instanceof errors.JWKSInvalid ||
    (err instanceof errors.JOSEError && /Key Set HTTP response/.test(err.message))
  )
    return new UnavailableError('The identity provider’s keys could not be read.');
  if (err instanceof errors.JWKSNoMatchingKey) return unauthorized('The token is signed with an unknown key.');
  if (err instanceof errors.JWSSignatureVerificationFailed) return unauthorized('The token signature is not valid.');
  if (err instanceof errors.JOSEAlgNotAllowed)
    return unauthorized('The token is signed with an algorithm the API does not accept.');
  if (err instanceof errors.JOSEError) return unauthorized(`The token is not valid (${err.code}).`);
  // Fetching the JWKS failed (network, 5xx): not the caller's fault.
  return new UnavailableError(
    `The identity provider’s keys could not be read (${err instanceof Error ? err.message : String(err)}).`,
  );
}
