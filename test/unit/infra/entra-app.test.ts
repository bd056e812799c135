import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { read, ROOT } from './bicep-text';

const script = read('infra/scripts/entra-app.sh');

describe('infra/scripts/entra-app.sh (Entra app registration)', () => {
  it('is valid bash', () => {
    expect(() => execFileSync('bash', ['-n', join(ROOT, 'infra/scripts/entra-app.sh')])).not.toThrow();
  });

  it('refuses to run without the deployment outputs it needs, before touching Azure', () => {
    let stderr = '';
    try {
      execFileSync('bash', [join(ROOT, 'infra/scripts/entra-app.sh')], { stdio: 'pipe' });
    } catch (err) {
      stderr = String((err as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain('--domain is required');
  });

  it('requests exactly User.Read.All, Calendars.ReadWrite and TeamsAppInstallation.ReadWriteSelfForUser.All as application permissions', () => {
    expect(script).toContain('USER_READ_ALL=df021288-bdef-4463-88db-98f22de89214');
    expect(script).toContain('CALENDARS_READ_WRITE=ef54d2bf-783f-4e0f-bca1-3210c0444d99');
    expect(script).toContain('TEAMS_APP_INSTALL_SELF_FOR_USER=908de74d-f8b2-4d6b-a9ed-2a17b3b78179');
    const access = /\\"resourceAccess\\": \[([\s\S]*?)\]/.exec(script)?.[1] ?? '';
    expect([...access.matchAll(/\\"id\\": \\"\$(\w+)\\", \\"type\\": \\"Role\\"/g)].map((m) => m[1])).toEqual([
      'USER_READ_ALL',
      'CALENDARS_READ_WRITE',
      'TEAMS_APP_INSTALL_SELF_FOR_USER',
    ]);
  });

  it('exposes access_as_user at api://<domain>/<client id> and pre-authorises the Teams desktop, mobile and web clients', () => {
    expect(script).toContain('\\"identifierUris\\": [\\"api://$DOMAIN/$APP_ID\\"]');
    expect(script).toContain('\\"value\\": \\"access_as_user\\"');
    expect(script).toContain('TEAMS_DESKTOP_MOBILE=1fec8e78-bce4-4aaf-ab1b-5451cc387264');
    expect(script).toContain('TEAMS_WEB=5e3ce6c0-2b1f-4285-8d4b-75ee78787346');
    expect(script).toMatch(/preAuthorizedApplications[\s\S]*\$TEAMS_DESKTOP_MOBILE[\s\S]*\$TEAMS_WEB/);
  });

  it('defines the app roles Programme.Manage and Reports.Read for users', () => {
    expect(script).toContain('\\"value\\": \\"Programme.Manage\\"');
    expect(script).toContain('\\"value\\": \\"Reports.Read\\"');
  });

  it('grants admin consent per permission, leaving Calendars.ReadWrite to Exchange RBAC unless asked', () => {
    expect(script).toContain('grant "$USER_READ_ALL"');
    expect(script).toContain('grant "$TEAMS_APP_INSTALL_SELF_FOR_USER"');
    expect(script).toContain('if [[ "$CALENDARS" == entra ]]; then grant "$CALENDARS_READ_WRITE"; fi');
    expect(script).toContain('CALENDARS=exchange-rbac');
    expect(read('infra/scripts/exchange-rbac.ps1')).toContain("-Role 'Application Calendars.ReadWrite'");
  });

  it('lets the Functions app sign in with its managed identity through a federated credential, not a secret', () => {
    expect(script).toContain('api://AzureADTokenExchange');
    expect(script).toContain('\\"subject\\": \\"$IDENTITY_PRINCIPAL_ID\\"');
    expect(script).not.toMatch(/credential reset|generateClientSecret|passwordCredentials/);
  });
});
