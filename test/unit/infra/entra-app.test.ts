import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read, ROOT } from './bicep-text';
import { GRANTED_ROLES } from '../../../functions/src/local/graph-stand-in/permissions';

const script = read('infra/scripts/entra-app.sh');

/** Microsoft Graph's app role id for a permission, as the fake `az` reports it. */
const roleId = (permission: string) => `role-${permission}`;

interface FakeTenant {
  /** A Graph permission the fake Microsoft Graph service principal does not know. */
  unknownPermission?: string;
  /** Lines `az ad app list` prints (client ids); with it the script runs without --app-id. */
  appsNamed?: string[];
  /** How many times a POST …/appRoleAssignedTo fails first (Entra replication lag). */
  failingAssignments?: number;
}

/**
 * Runs entra-app.sh against a fake `az` on PATH that records every call and answers like an empty
 * tenant: app, service principal and Graph service principal exist, nothing is granted yet.
 */
function runWithFakeAz(args: string[], tenant: FakeTenant = {}) {
  const { unknownPermission, appsNamed, failingAssignments = 0 } = tenant;
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
const failures = ${JSON.stringify(join(dir, 'failures'))};
let out = '';
if (has('POST') && args.some((a) => a.endsWith('/appRoleAssignedTo'))) {
  const failed = fs.existsSync(failures) ? Number(fs.readFileSync(failures, 'utf8')) : 0;
  if (failed < ${failingAssignments}) {
    fs.writeFileSync(failures, String(failed + 1));
    process.stderr.write('ERROR: Resource does not exist or one of its queried reference-property objects are not present.\\n');
    process.exit(1);
  }
}
if (has('account')) out = 'tenant-1';
else if (has('ad') && has('app') && has('list')) out = ${JSON.stringify((appsNamed ?? []).join('\n'))};
else if (has('ad') && has('app') && has('create')) out = 'app-new';
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
        ...(appsNamed ? [] : ['--app-id', 'app-1']),
        ...args,
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${dir}:${process.env.PATH}`,
          TEAMSFX_ENV: '',
          AAD_APP_CLIENT_ID: '',
          ENTRA_RETRIES: '3',
          ENTRA_RETRY_SECONDS: '0',
        },
      },
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

/** Microsoft 365 (Office) and Outlook clients that run the personal tab (Learn: extend a Teams personal tab across Microsoft 365). */
const PRE_AUTHORIZED_OFFICE_OUTLOOK = [
  '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 (Office) web
  '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 (Office) desktop
  'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Microsoft 365 mobile, Outlook desktop
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
  '27922004-5251-4030-b22d-91ecd9a37ea4', // Outlook mobile
];

const ALL = [
  'User.Read.All',
  'GroupMember.Read.All',
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'AppCatalog.Read.All',
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

  it('requests exactly User.Read.All, GroupMember.Read.All, TeamsAppInstallation.ReadWriteSelfForUser.All and AppCatalog.Read.All by default, never the mailbox permissions Exchange RBAC scopes', () => {
    const run = runDefault();
    expect(run.status).toBe(0);
    expect(permissionsOf(run.calls).requested).toEqual(
      [
        'User.Read.All',
        'GroupMember.Read.All',
        'TeamsAppInstallation.ReadWriteSelfForUser.All',
        'AppCatalog.Read.All',
      ].map((p) => ({
        id: roleId(p),
        type: 'Role',
      })),
    );
  });

  it('requests exactly User.Read.All, GroupMember.Read.All, Calendars.ReadWrite, MailboxSettings.Read, TeamsAppInstallation.ReadWriteSelfForUser.All and AppCatalog.Read.All with --calendars entra', () => {
    const run = runWithFakeAz(['--calendars', 'entra']);
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
        ...PRE_AUTHORIZED_OFFICE_OUTLOOK,
        'd722c206-89e4-49d4-8ffc-cf98ac89cb34',
        '3da94e07-5ee0-4df1-92c1-7250a3a991c9',
        'cb853493-c895-4477-a89f-9022d5e28082',
        'eb757b0a-6df6-4998-9591-6fa0e62e72ef',
      ].sort(),
    );
  });

  it('stops, naming the permission, when Microsoft Graph does not know one of them', () => {
    const run = runWithFakeAz([], { unknownPermission: 'MailboxSettings.Read' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('no application permission MailboxSettings.Read');
    expect(permissionsOf(run.calls).requested).toEqual([]);
  });

  it('grants User.Read.All, GroupMember.Read.All, the Teams app installation and the catalog read in Entra ID and leaves the mailbox permissions to Exchange RBAC', () => {
    const run = runDefault();
    expect(run.status).toBe(0);
    expect(permissionsOf(run.calls).granted).toEqual(
      [
        'User.Read.All',
        'GroupMember.Read.All',
        'TeamsAppInstallation.ReadWriteSelfForUser.All',
        'AppCatalog.Read.All',
      ].map(roleId),
    );
    expect(run.stderr).toContain('Calendars.ReadWrite and MailboxSettings.Read are not granted in Entra ID');
    expect(run.stderr).toContain('Application MailboxSettings.Read');
    expect(run.stderr).toContain('infra/scripts/exchange-rbac.ps1 -AppId app-1 -ServicePrincipalId sp-1');
    expect(run.stdout.trim().split('\n').pop()).toBe('AAD_APP_CLIENT_ID=app-1');
  });

  it('grants all six tenant-wide with --calendars entra', () => {
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
    const preAuthorized = runDefault()
      .calls.filter((c) => c.includes('PATCH') && c.join(' ').includes('preAuthorizedApplications'))
      .map((c) => (bodyOf(c).api as { preAuthorizedApplications: unknown[] }).preAuthorizedApplications);
    expect(preAuthorized).toHaveLength(1);
    expect(preAuthorized[0]?.slice(0, 2)).toEqual(
      ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'].map((appId) => ({
        appId,
        delegatedPermissionIds: ['d722c206-89e4-49d4-8ffc-cf98ac89cb34'],
      })),
    );
  });

  it('pre-authorises the Microsoft 365 (Office) and Outlook clients too, where the personal tabs also run', () => {
    const run = runDefault();
    const body = run.calls
      .filter((c) => c.includes('PATCH') && c.join(' ').includes('preAuthorizedApplications'))
      .map(
        (c) => bodyOf(c).api as { preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[] },
      )[0];
    expect(body?.preAuthorizedApplications.map((a) => a.appId)).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
      ...PRE_AUTHORIZED_OFFICE_OUTLOOK,
    ]);
    for (const client of body?.preAuthorizedApplications ?? [])
      expect(client.delegatedPermissionIds).toEqual(['d722c206-89e4-49d4-8ffc-cf98ac89cb34']);
  });

  it('finds the app by its exact display name, never by prefix', () => {
    const run = runWithFakeAz([], { appsNamed: ['app-exact'] });
    expect(run.status).toBe(0);
    const list = run.calls.find((c) => c.slice(0, 3).join(' ') === 'ad app list');
    expect(list).toBeDefined();
    expect(list).not.toContain('--display-name');
    expect(list?.[list.indexOf('--filter') + 1]).toBe("displayName eq 'Tandem'");
    expect(list?.[list.indexOf('--query') + 1]).toBe("[?displayName=='Tandem'].appId");
    expect(run.stdout.trim().split('\n').pop()).toBe('AAD_APP_CLIENT_ID=app-exact');
  });

  it('refuses, naming them, when more than one app has that exact name, and changes nothing', () => {
    const run = runWithFakeAz(['--name', 'Tandem'], { appsNamed: ['app-a', 'app-b'] });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain(
      '2 app registrations are named exactly "Tandem" (app-a, app-b); pass the one to use with --app-id',
    );
    expect(run.calls.filter((c) => c.includes('PATCH') || c.includes('POST') || c.includes('create'))).toEqual([]);
  });

  it('uses --app-id as given without listing apps by name', () => {
    const run = runDefault();
    expect(run.calls.some((c) => c.slice(0, 3).join(' ') === 'ad app list')).toBe(false);
    expect(run.calls).toContainEqual(['ad', 'app', 'show', '--id', 'app-1', '--query', 'id', '-o', 'tsv']);
  });

  it('retries an app role assignment while Entra ID replicates the new service principal, a bounded number of times', () => {
    const healed = runWithFakeAz([], { failingAssignments: 2 });
    expect(healed.status).toBe(0);
    expect(healed.stderr).toContain('Entra ID has not replicated yet (attempt 1 of 3)');
    // Two refused attempts, then the assignment and the others.
    expect(permissionsOf(healed.calls).granted).toEqual(
      [
        'User.Read.All',
        'User.Read.All',
        'User.Read.All',
        'GroupMember.Read.All',
        'TeamsAppInstallation.ReadWriteSelfForUser.All',
        'AppCatalog.Read.All',
      ].map(roleId),
    );
    const stuck = runWithFakeAz([], { failingAssignments: 10 });
    expect(stuck.status).not.toBe(0);
    expect(stuck.stderr).toContain('Still failing after 3 attempts');
    expect(stuck.calls.filter((c) => c.includes('POST'))).toHaveLength(3);
  });

  it('names the deployment outputs as infra/main.bicep spells them', () => {
    const outputs = [...read('infra/main.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]);
    for (const name of ['TANDEM_DOMAIN', 'IDENTITY_PRINCIPAL_ID', 'BOT_ID']) expect(outputs).toContain(name);
    expect(script).toContain('output TANDEM_DOMAIN of infra/main.bicep');
    expect(script).toContain('output IDENTITY_PRINCIPAL_ID of infra/main.bicep');
    const envExample = read('appPackage/.env.local.example');
    expect(envExample).toContain('output BOT_ID of infra/main.bicep');
    expect(envExample).toContain('output TANDEM_DOMAIN of infra/main.bicep');
    for (const text of [script, envExample]) expect(text).not.toMatch(/tandemDomain|identityPrincipalId|botId\b/);
  });

  it('defines the app roles Programme.Manage and Reports.Read for users', () => {
    expect(script).toContain('\\"value\\": \\"Programme.Manage\\"');
    expect(script).toContain('\\"value\\": \\"Reports.Read\\"');
  });

  it('defines Tandem.Operate for operators and gives it to --operators-group', () => {
    const run = runWithFakeAz(['--operators-group', 'ops-group']);
    expect(run.status).toBe(0);
    const roles = run.calls
      .filter((c) => c.includes('PATCH') && c.join(' ').includes('appRoles'))
      .flatMap((c) => bodyOf(c).appRoles as { id: string; value: string; allowedMemberTypes: string[] }[]);
    expect(roles.map((r) => r.value)).toEqual(['Programme.Manage', 'Reports.Read', 'Tandem.Operate']);
    const operate = roles.find((r) => r.value === 'Tandem.Operate');
    expect(operate).toMatchObject({ id: 'eb757b0a-6df6-4998-9591-6fa0e62e72ef', allowedMemberTypes: ['User'] });
    const assigned = run.calls
      .filter((c) => c.includes('POST') && urlOf(c).endsWith('/servicePrincipals/sp-1/appRoleAssignedTo'))
      .map((c) => bodyOf(c));
    expect(assigned).toEqual([{ principalId: 'ops-group', resourceId: 'sp-1', appRoleId: operate?.id }]);
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
