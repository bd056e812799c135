/**
 * The Microsoft Graph application permissions Tandem uses (docs/graph.md, infra/scripts/entra-app.sh)
 * and the rule that checks a token's `roles` claim against them.
 */
import { fail, ok, type CheckResult } from './checks';

/** Granted in Entra ID by entra-app.sh in every mode: they must be in the token's roles. */
export const ENTRA_GRAPH_ROLES: readonly string[] = [
  'User.Read.All',
  'GroupMember.Read.All',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'AppCatalog.Read.All',
];

/**
 * Granted through Exchange RBAC for Applications by default (then never in a token's roles: Exchange
 * checks them, the calendar check proves them), or tenant-wide in Entra ID with `--calendars entra`.
 */
export const MAILBOX_GRAPH_ROLES: readonly string[] = ['Calendars.ReadWrite', 'MailboxSettings.Read'];

/** The `roles` claim of a JWT access token (payload not verified: this is a diagnosis, not a sign-in). */
export function tokenRoles(token: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  } catch {
    return undefined;
  }
}

/** Every Entra permission must be in `roles`; the mailbox ones are either both there (tenant-wide) or left to Exchange. */
export function checkGraphRoles(roles: readonly string[] | undefined): CheckResult {
  if (!roles)
    return fail(
      'the Graph token is not a JWT with a roles claim',
      'Check GRAPH_CLIENT_ID and the credential settings (docs/graph.md).',
    );
  const missing = ENTRA_GRAPH_ROLES.filter((r) => !roles.includes(r));
  const mailbox = MAILBOX_GRAPH_ROLES.filter((r) => roles.includes(r));
  if (missing.length)
    return fail(
      `the token lacks ${missing.join(', ')} (it holds: ${roles.length ? roles.join(', ') : 'none'})`,
      `Run infra/scripts/entra-app.sh again (it requests and grants ${missing.join(', ')}), or grant admin consent for them in Entra ID → Enterprise applications → Tandem → Permissions; tokens carry new roles after up to an hour.`,
    );
  if (mailbox.length === 1)
    return fail(
      `only ${mailbox[0]} of ${MAILBOX_GRAPH_ROLES.join(' and ')} is granted tenant-wide`,
      'Grant both through Exchange RBAC (infra/scripts/exchange-rbac.ps1) and remove the Entra grant, or both with entra-app.sh --calendars entra.',
    );
  return ok(
    `${ENTRA_GRAPH_ROLES.join(', ')} granted; ${MAILBOX_GRAPH_ROLES.join(' and ')} ${
      mailbox.length
        ? 'granted tenant-wide in Entra ID (not scoped)'
        : 'left to Exchange RBAC (checked with the calendars below)'
    }`,
  );
}
