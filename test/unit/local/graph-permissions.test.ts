import { GRANTED_ROLES, denied, requiredPermission } from '../../../functions/src/local/graph-stand-in/permissions';

const need = (method: string, path: string) => requiredPermission(method, path.split('/').filter(Boolean));

/** Every Graph call Tandem makes (docs/graph.md) → the permission among GRANTED_ROLES that allows it. */
const CALLS: [string, string, string][] = [
  ['GET', '/users/delta', 'User.Read.All'],
  ['GET', '/users', 'User.Read.All'],
  ['GET', '/groups/g-1/transitiveMembers/microsoft.graph.user', 'GroupMember.Read.All'],
  ['GET', '/users/u-1/mailboxSettings', 'MailboxSettings.Read'],
  ['GET', '/users/u-1/calendar', 'Calendars.ReadWrite'],
  ['POST', '/users/u-1/calendar/getSchedule', 'Calendars.ReadWrite'],
  ['GET', '/users/u-1/events', 'Calendars.ReadWrite'],
  ['POST', '/users/u-1/events', 'Calendars.ReadWrite'],
  ['PATCH', '/users/u-1/events/e-1', 'Calendars.ReadWrite'],
  ['GET', '/users/u-1/events/e-1', 'Calendars.ReadWrite'],
  ['GET', '/users/u-1/events/e-1/instances', 'Calendars.ReadWrite'],
  ['POST', '/users/u-1/events/e-1/cancel', 'Calendars.ReadWrite'],
  // tandem doctor: Tandem in the org catalog, installed for a test user
  ['GET', '/appCatalogs/teamsApps', 'AppCatalog.Read.All'],
  ['GET', '/users/u-1/teamwork/installedApps', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
  ['POST', '/users/u-1/teamwork/installedApps', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
];

describe('the Graph stand-in: which application permission each call needs', () => {
  it.each(CALLS)(
    '%s %s needs a permission the app holds (%s), and only that one of its grants',
    (method, path, role) => {
      const permission = need(method, path);
      expect(permission).toBeDefined();
      expect(GRANTED_ROLES.filter((r) => permission?.anyOf.includes(r))).toEqual([role]);
    },
  );

  it('mailbox settings are not covered by Calendars.ReadWrite, group members not by User.Read.All', () => {
    expect(need('GET', '/users/u-1/mailboxSettings')?.anyOf).not.toContain('Calendars.ReadWrite');
    expect(need('GET', '/groups/g-1/transitiveMembers')?.anyOf).not.toContain('User.Read.All');
    expect(need('POST', '/users/u-1/events')?.anyOf).not.toContain('Calendars.Read');
  });

  it("answers with Graph's 403 body of the service that checks: Exchange or the directory", () => {
    const mailbox = denied(need('GET', '/users/u-1/mailboxSettings')!);
    expect(mailbox).toMatchObject({
      status: 403,
      body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } },
    });
    const delta = denied(need('GET', '/users/delta')!);
    expect(delta).toMatchObject({
      status: 403,
      body: {
        error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
      },
    });
  });
});
