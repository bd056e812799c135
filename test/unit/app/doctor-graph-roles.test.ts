import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ENTRA_GRAPH_ROLES,
  MAILBOX_GRAPH_ROLES,
  checkGraphRoles,
  tokenRoles,
} from '../../../functions/src/app/doctor/graph-roles';
import { GRANTED_ROLES, mintToken } from '../../../functions/src/local/graph-stand-in/permissions';

const graphDoc = readFileSync(join(__dirname, '../../../docs/graph.md'), 'utf8');

describe('tandem doctor: the Graph token roles check', () => {
  it('checks exactly the permissions the stand-in grants and docs/graph.md names', () => {
    expect([...ENTRA_GRAPH_ROLES, ...MAILBOX_GRAPH_ROLES].sort()).toEqual([...GRANTED_ROLES].sort());
    for (const role of GRANTED_ROLES) expect(graphDoc).toContain(`\`${role}\``);
  });

  it("reads the roles claim of a token's payload", () => {
    expect(tokenRoles(mintToken(['User.Read.All']))).toEqual(['User.Read.All']);
    expect(tokenRoles('not-a-jwt')).toBeUndefined();
  });

  it('passes a real Exchange-scoped token, which never lists the mailbox permissions', () => {
    expect(checkGraphRoles(ENTRA_GRAPH_ROLES)).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('left to Exchange RBAC') as string,
    });
  });

  it('names each missing Entra permission', () => {
    const result = checkGraphRoles(['User.Read.All', 'Calendars.ReadWrite', 'MailboxSettings.Read']);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain(
      'lacks GroupMember.Read.All, TeamsAppInstallation.ReadWriteSelfForUser.All, AppCatalog.Read.All',
    );
  });

  it('refuses one mailbox permission granted tenant-wide without the other', () => {
    expect(checkGraphRoles([...ENTRA_GRAPH_ROLES, 'Calendars.ReadWrite'])).toMatchObject({ status: 'fail' });
    expect(checkGraphRoles(undefined)).toMatchObject({ status: 'fail' });
  });
});
