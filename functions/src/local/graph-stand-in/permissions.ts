/**
 * Application permissions in the stand-in: its bearer tokens carry a `roles` claim, and each call
 * is refused, as Graph refuses it, when none of the permissions that endpoint accepts is among them.
 * Directory endpoints answer 403 `Authorization_RequestDenied`, Exchange (Outlook) endpoints 403
 * `ErrorAccessDenied`, with Graph's messages. Inside a `$batch` each request is checked on its own.
 */
import { randomBytes } from 'node:crypto';
import { odataError, type Answer } from './odata';

/**
 * What the deployed app holds: requested by infra/scripts/entra-app.sh and granted in Entra ID, or
 * (Calendars.ReadWrite, MailboxSettings.Read) through Exchange RBAC for Applications by
 * infra/scripts/exchange-rbac.ps1. NOTE: Exchange RBAC grants are checked by Exchange and never
 * appear in a real token's `roles`; the stand-in lists them there because it plays both parts.
 */
export const GRANTED_ROLES: readonly string[] = [
  'User.Read.All',
  'GroupMember.Read.All',
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'AppCatalog.Read.All',
];

/** Which permissions an endpoint accepts (least privileged first, as Learn lists them) and who checks them. */
export interface EndpointPermission {
  endpoint: string;
  anyOf: readonly string[];
  service: 'directory' | 'exchange';
}

const USER_READ = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const GROUP_MEMBERS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'GroupMember.ReadWrite.All',
  'Group.ReadWrite.All',
  'Directory.Read.All',
];
const SCHEDULE_READ = ['Calendars.Read', 'Calendars.ReadWrite'];
const CALENDAR_READ = ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'];
const CALENDAR_WRITE = ['Calendars.ReadWrite'];
const MAILBOX_SETTINGS = ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'];
const APP_CATALOG_READ = [
  'AppCatalog.Read.All',
  'AppCatalog.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const INSTALLED_APPS_READ = [
  'TeamsAppInstallation.ReadSelfForUser.All',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'TeamsAppInstallation.ReadForUser.All',
  'TeamsAppInstallation.ReadWriteForUser.All',
];
const INSTALLED_APPS_WRITE = [
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'TeamsAppInstallation.ReadWriteForUser.All',
];

/** The permission a request needs (parts: the path after /v1.0, split on '/'); undefined for no route. */
export function requiredPermission(method: string, parts: string[]): EndpointPermission | undefined {
  const [root, id, sub, ...rest] = parts;
  const read = method === 'GET';
  if (root === 'users') {
    if (!id || id === 'delta' || id === 'microsoft.graph.delta')
      return read && parts.length <= 2
        ? { endpoint: id ? 'GET /users/delta' : 'GET /users', anyOf: USER_READ, service: 'directory' }
        : undefined;
    if (!sub) return read ? { endpoint: 'GET /users/{id}', anyOf: USER_READ, service: 'directory' } : undefined;
    if (sub === 'manager' && read)
      return { endpoint: 'GET /users/{id}/manager', anyOf: USER_READ, service: 'directory' };
    if (sub === 'teamwork' && rest[0] === 'installedApps' && rest.length === 1)
      return read
        ? { endpoint: 'GET /users/{id}/teamwork/installedApps', anyOf: INSTALLED_APPS_READ, service: 'directory' }
        : method === 'POST'
          ? { endpoint: 'POST /users/{id}/teamwork/installedApps', anyOf: INSTALLED_APPS_WRITE, service: 'directory' }
          : undefined;
    if (sub === 'mailboxSettings' && read)
      return { endpoint: 'GET /users/{id}/mailboxSettings', anyOf: MAILBOX_SETTINGS, service: 'exchange' };
    if (sub === 'calendar' && rest[0] === 'getSchedule' && method === 'POST')
      return { endpoint: 'POST /users/{id}/calendar/getSchedule', anyOf: SCHEDULE_READ, service: 'exchange' };
    if (sub === 'calendar' && !rest.length && read)
      return { endpoint: 'GET /users/{id}/calendar', anyOf: CALENDAR_READ, service: 'exchange' };
    if (sub === 'events' || (sub === 'calendar' && rest[0] === 'events'))
      return {
        endpoint: `${method} /users/{id}/events${rest.length > (sub === 'events' ? 0 : 1) ? '/…' : ''}`,
        anyOf: read ? CALENDAR_READ : CALENDAR_WRITE,
        service: 'exchange',
      };
    return undefined;
  }
  if (root === 'appCatalogs' && id === 'teamsApps' && !sub && read)
    return { endpoint: 'GET /appCatalogs/teamsApps', anyOf: APP_CATALOG_READ, service: 'directory' };
  if (root === 'groups' && read) {
    if (!id) return { endpoint: 'GET /groups', anyOf: GROUP_MEMBERS, service: 'directory' };
    if (sub === 'transitiveMembers')
      return { endpoint: 'GET /groups/{id}/transitiveMembers', anyOf: GROUP_MEMBERS, service: 'directory' };
  }
  return undefined;
}

/** Creating or managing a subscription to a mailbox's events (Outlook change notifications, Microsoft Learn). */
export const SUBSCRIBE_EVENTS: EndpointPermission = {
  endpoint: 'POST|PATCH|DELETE /subscriptions (users/{id}/events)',
  anyOf: SCHEDULE_READ,
  service: 'exchange',
};

/** Graph's answer to a call whose permission is missing. */
export function denied(permission: EndpointPermission): Answer {
  return permission.service === 'exchange'
    ? odataError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.')
    : odataError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A token shaped like an app-only Entra access token (header.payload.signature) with the roles in
 * its payload. It is unsigned: the stand-in accepts only tokens it minted itself, so the claims
 * cannot be edited by a client — and no real Graph would accept it.
 */
export function mintToken(roles: readonly string[]): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    b64({ typ: 'JWT', alg: 'none' }),
    b64({
      aud: 'https://graph.microsoft.com',
      iss: 'https://graph-stand-in.invalid/',
      iat: now,
      idtyp: 'app',
      roles: [...roles],
      uti: randomBytes(16).toString('base64url'),
    }),
    '',
  ].join('.');
}
