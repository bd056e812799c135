import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read, ROOT } from './bicep-text';
import { GRANTED_ROLES } from '../../../functions/src/local/graph-stand-in/permissions';

const script = read('infra/scripts/entra-app.sh');

/** Microsoft Graph's app role id for a permission, as the fake `az` reports it. */
const roleId = (permission: string) => `role-${permission}`;

/**
 * Runs entra-app.sh against a fake `az` on PATH that records every call and answers like an empty
 * tenant: app, service principal and Graph service principal exist, nothing is granted yet.
 */
function runWithFakeAz(args: string[], unknownPermission?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-az-'));
  const log = join(dir, 'calls.jsonl');
  writeFileSync(
    join(dir, 'az'),
    `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
const has = (word) => args.includes(word);
const query = args[args.indexOf('--query') + 1] ?? '';
let out = '';
if (has('account')) out = 'tenant-1';
else if (has('ad') && has('app') && has('show')) out = 'app-object-1';
else if (has('ad') && has('sp') && has('show')) {
  const value = /value=='([^']+)'/.exec(query)?.[1];
  out = value && value !== ${JSON.stringify(unknownPermission ?? '')} ? 'role-' + value : '';
} else if (has('ad') && has('sp') && has('list')) out = args.some((a) => a.includes('00000003-0000-0000-c000-000000000000')) ? 'graph-sp' : 'sp-1';
else if (has('rest') && has('GET')) out = '0';
process.stdout.write(out ? out + '\\n' : '');
`,
  );
  chmodSync(join(dir, 'az'), 0o755);
  try {
    const run = spawnSync(
      'bash',
      [
        join(ROOT, 'infra/scripts/entra-app.sh'),
        '--domain',
        'tandem.example',
        '--identity-principal-id',
        'mi-1',
        '--app-id',
        'app-1',
        ...args,
      ],
      { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, TEAMSFX_ENV: '' } },
    );
    let calls: string[][] = [];
    try {
      calls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string[]);
    } catch {
      // no call made
    }
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let defaultRun: ReturnType<typeof runWithFakeAz> | undefined;
/** The script's run with default options (shared: every fake `az` call starts a Node process). */
const runDefault = () => (defaultRun ??= runWithFakeAz([]));

const bodyOf = (call: string[]) => JSON.parse(call[call.indexOf('--body') + 1] ?? '{}') as Record<string, unknown>;
const urlOf = (call: string[]) => call[call.indexOf('--url') + 1] ?? '';

/** The app role ids the script asked for (requiredResourceAccess) and granted (appRoleAssignedTo). */
function permissionsOf(calls: string[][]) {
  const requested = calls
    .filter((c) => c.includes('PATCH') && c.join(' ').includes('requiredResourceAccess'))
    .flatMap((c) => bodyOf(c).requiredResourceAccess as { resourceAccess: { id: string; type: string }[] }[])
    .flatMap((r) => r.resourceAccess);
  const granted = calls
    .filter((c) => c.includes('POST') && urlOf(c).endsWith('/servicePrincipals/graph-sp/appRoleAssignedTo'))
    .map((c) => bodyOf(c).appRoleId as string);
  return { requested, granted };
}

const ALL = [
  'User.Read.All',
  'GroupMember.Read.All',
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
];

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

  it('requests exactly User.Read.All, GroupMember.Read.All, Calendars.ReadWrite, MailboxSettings.Read and TeamsAppInstallation.ReadWriteSelfForUser.All as application permissions', () => {
    const access = /\\"resourceAccess\\": \[([\s\S]*?)\]/.exec(script)?.[1] ?? '';
    expect([...access.matchAll(/\\"id\\": \\"\$(\w+)\\", \\"type\\": \\"Role\\"/g)].map((m) => m[1])).toEqual([
      'USER_READ_ALL',
      'GROUP_MEMBER_READ_ALL',
      'CALENDARS_READ_WRITE',
      'MAILBOX_SETTINGS_READ',
      'TEAMS_APP_INSTALL_SELF_FOR_USER',
    ]);
    const run = runDefault();
    expect(run.status).toBe(0);
    expect(permissionsOf(run.calls).requested).toEqual(ALL.map((p) => ({ id: roleId(p), type: 'Role' })));
  });

  it('looks every Graph app role id up by name on the Microsoft Graph service principal instead of hard-coding it', () => {
    const run = runDefault();
    const lookups = run.calls
      .filter((c) => c.slice(0, 3).join(' ') === 'ad sp show' && c.includes('00000003-0000-0000-c000-000000000000'))
      .map((c) => /appRoles\[\?value=='([^']+)'\]\.id/.exec(c[c.indexOf('--query') + 1] ?? '')?.[1]);
    expect(lookups.sort()).toEqual([...ALL].sort());
    // No Graph app role id is written into the script (the Graph app id, the Teams clients and
    // Tandem's own scope and role ids are the only GUIDs it holds).
    const guids = new Set(script.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
    expect([...guids].sort()).toEqual(
      [
        '00000003-0000-0000-c000-000000000000',
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        'd722c206-89e4-49d4-8ffc-cf98ac89cb34',
        '3da94e07-5ee0-4df1-92c1-7250a3a991c9',
        'cb853493-c895-4477-a89f-9022d5e28082',
      ].sort(),
    );
  });

  it('stops, naming the permission, when Microsoft Graph does not know one of them', () => {
    const run = runWithFakeAz([], 'MailboxSettings.Read');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('no application permission MailboxSettings.Read');
    expect(permissionsOf(run.calls).requested).toEqual([]);
  });

  it('grants User.Read.All, GroupMember.Read.All and the Teams app installation in Entra ID and leaves the mailbox permissions to Exchange RBAC', () => {
    const run = runDefault();
    expect(run.status).toBe(0);
    expect(permissionsOf(run.calls).granted).toEqual(
      ['User.Read.All', 'GroupMember.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'].map(roleId),
    );
    expect(run.stderr).toContain('Calendars.ReadWrite and MailboxSettings.Read are not granted in Entra ID');
    expect(run.stderr).toContain('Application MailboxSettings.Read');
    expect(run.stderr).toContain('infra/scripts/exchange-rbac.ps1 -AppId app-1 -ServicePrincipalId sp-1');
    expect(run.stdout.trim().split('\n').pop()).toBe('AAD_APP_CLIENT_ID=app-1');
  });

  it('grants all five tenant-wide with --calendars entra', () => {
    const run = runWithFakeAz(['--calendars', 'entra']);
    expect(run.status).toBe(0);
    expect([...permissionsOf(run.calls).granted].sort()).toEqual(ALL.map(roleId).sort());
    expect(run.stderr).not.toContain('exchange-rbac.ps1');
  });

  it('scopes Calendars.ReadWrite and MailboxSettings.Read in Exchange Online to the participants group', () => {
    const ps1 = read('infra/scripts/exchange-rbac.ps1');
    expect(ps1).toContain("Grant-ScopedRole -Role 'Application Calendars.ReadWrite'");
    expect(ps1).toContain("Grant-ScopedRole -Role 'Application MailboxSettings.Read'");
    expect(ps1).toMatch(
      /New-ManagementRoleAssignment -App \$ServicePrincipalId -Role \$Role -CustomResourceScope \$ScopeName/,
    );
  });

  it('the Graph stand-in grants by default exactly what these scripts grant', () => {
    expect([...GRANTED_ROLES].sort()).toEqual([...ALL].sort());
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
