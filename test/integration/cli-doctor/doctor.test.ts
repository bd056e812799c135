import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../functions/src/cli/main';
import { loadConfig } from '../../../functions/src/config';
import { openEmbeddedStore } from '../../../functions/src/local/embedded-store';
import { startEmbeddedCosmos } from '../../../functions/src/local/embedded-cosmos';
import { createCosmosClient } from '../../../functions/src/adapters/cosmos/store';
import { CONTAINERS } from '../../../functions/src/ports/containers';
import { startGraphStandIn, type GraphStandIn } from '../../../functions/src/local/graph-stand-in/server';
import { GRANTED_ROLES } from '../../../functions/src/local/graph-stand-in/permissions';
import { LOCAL_TEAMS_APP_ID } from '../../../functions/src/local/graph-stand-in/teams-catalog';
import { forgetStandIn, trustStandIn } from '../../../functions/src/local/graph-stand-in/trust';

jest.setTimeout(60_000);

const CHECKS = [
  'configuration',
  'graph-permissions',
  'directory',
  'calendars',
  'teams-app',
  'invitee-reach',
  'bot-token',
  'cosmos-containers',
  'notification-url',
];
/** Settings a developer's shell might hold that would change what the doctor checks. */
const CLEARED = [
  'WEBSITE_INSTANCE_ID',
  'COSMOS_ENDPOINT',
  'COSMOS_KEY',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'MicrosoftAppId',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'MicrosoftAppPassword',
  'GRAPH_BASE_URL',
  'GRAPH_ACCESS_TOKEN',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'GRAPH_MANAGED_IDENTITY_CLIENT_ID',
  'AZURE_AUTHORITY_HOST',
];

let standIn: GraphStandIn;
let dataDir: string;
let testUser: string;

interface Run {
  code: number;
  lines: string[];
  summary: { ok: boolean; failed: string[]; checks: Record<string, string> };
}

/** Runs `tandem doctor` in-process with these settings; returns the exit code, its lines and the JSON last line. */
async function doctor(args: string[] = [], env: Record<string, string> = {}, graph = true): Promise<Run> {
  const saved = { ...process.env };
  for (const name of CLEARED) delete process.env[name];
  Object.assign(
    process.env,
    { TANDEM_DATA_DIR: dataDir },
    graph ? { GRAPH_BASE_URL: standIn.baseUrl, GRAPH_ACCESS_TOKEN: standIn.token, GRAPH_MAX_RETRIES: '0' } : {},
    env,
  );
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const base = graph ? ['--teams-app-id', LOCAL_TEAMS_APP_ID, '--test-user', testUser] : [];
    const code = await main(['doctor', ...base, ...args]);
    const lines = out.join('\n').split('\n');
    return { code, lines, summary: JSON.parse(lines[lines.length - 1] ?? '{}') as Run['summary'] };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.env = saved;
  }
}

/** The one line of a check (its ✓/✗/– mark and title) and its fix. */
const lineOf = (run: Run, title: string) => {
  const i = run.lines.findIndex((l) => l.slice(2).startsWith(title));
  return `${run.lines[i] ?? ''}\n${run.lines[i + 1]?.startsWith('    fix:') ? run.lines[i + 1] : ''}`;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tandem-doctor-'));
  // The local store as `npm start` leaves it: every container created.
  const opened = await openEmbeddedStore(loadConfig({ ...process.env, TANDEM_DATA_DIR: dataDir, COSMOS_ENDPOINT: '' }));
  await opened.dispose();
  standIn = await startGraphStandIn({ size: 40, seed: 7 });
  trustStandIn(standIn.baseUrl, standIn.certPem);
  testUser = [...standIn.directory.users.values()].find((u) => u.accountEnabled)?.mail ?? '';
});

afterAll(async () => {
  forgetStandIn(standIn.baseUrl);
  await standIn.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('tandem doctor', () => {
  it('is green against the local stack with no settings at all (its own Graph stand-in, the embedded store), every check in order', async () => {
    const run = await doctor([], {}, false);
    expect(run.summary.failed).toEqual([]);
    expect(run.code).toBe(0);
    expect(Object.keys(run.summary.checks)).toEqual(CHECKS);
    expect(run.summary.checks).toMatchObject({
      configuration: 'ok',
      'graph-permissions': 'ok',
      directory: 'ok',
      calendars: 'ok',
      'teams-app': 'ok',
      'invitee-reach': 'skip',
      'bot-token': 'skip',
      'cosmos-containers': 'ok',
      'notification-url': 'skip',
    });
    expect(lineOf(run, 'Microsoft Graph permissions')).toMatch(/^✓ .*User\.Read\.All, GroupMember\.Read\.All/);
    expect(lineOf(run, 'Tandem in the org app catalog')).toMatch(/^✓ .*installed/);
    expect(lineOf(run, 'Cosmos DB containers')).toContain(
      `✓ Cosmos DB containers: ${Object.keys(CONTAINERS).length} containers`,
    );
  });

  it('is green against a configured Graph endpoint that grants everything, installing Tandem for the test user', async () => {
    const run = await doctor();
    expect(run.summary).toMatchObject({ ok: true, failed: [] });
    expect(run.code).toBe(0);
    expect(lineOf(run, 'Tandem in the org app catalog')).toContain(`installed`);
    expect(lineOf(run, 'Tandem in the org app catalog')).toContain(testUser);
  });

  it('names an inconsistent configuration with the settings to add', async () => {
    const run = await doctor([], { AUTH_ISSUER: 'https://login.microsoftonline.com/t-1/v2.0' });
    expect(run.summary.failed).toEqual(['configuration']);
    expect(run.code).toBe(1);
    expect(lineOf(run, 'Configuration')).toMatch(
      /^✗ Configuration: .*AUTH_ISSUER set without AUTH_AUDIENCE, AUTH_JWKS_URL[\s\S]*fix: set AUTH_AUDIENCE, AUTH_JWKS_URL/,
    );
  });

  it('names a Graph permission missing from the token roles and how to grant it', async () => {
    const token = standIn.issueToken(GRANTED_ROLES.filter((r) => r !== 'GroupMember.Read.All'));
    const run = await doctor([], { GRAPH_ACCESS_TOKEN: token });
    expect(run.summary.failed).toEqual(['graph-permissions']);
    expect(lineOf(run, 'Microsoft Graph permissions')).toMatch(
      /^✗ .*lacks GroupMember\.Read\.All[\s\S]*fix: Run infra\/scripts\/entra-app\.sh/,
    );
  });

  it('names a directory without managers', async () => {
    const managers = new Map([...standIn.directory.users.values()].map((u) => [u.id, u.managerId]));
    for (const id of managers.keys()) standIn.directory.setManager(id, undefined);
    try {
      const run = await doctor();
      expect(run.summary.failed).toEqual(['directory']);
      expect(lineOf(run, 'Directory and managers')).toMatch(
        /^✗ .*none of the first \d+ people has a manager[\s\S]*fix: Fill in each person's Manager/,
      );
    } finally {
      for (const [id, manager] of managers) standIn.directory.setManager(id, manager);
    }
  });

  it('names the sampled people whose mailboxes are outside the Exchange scope', async () => {
    const sample = [...standIn.directory.users.values()].filter((u) => u.accountEnabled).slice(0, 5);
    const outside = sample.slice(1, 3).map((u) => u.mail);
    for (const mail of outside) standIn.outsideExchangeScope.add(mail);
    try {
      const run = await doctor();
      expect(run.summary.failed).toEqual(['calendars']);
      expect(lineOf(run, 'Calendar access')).toContain(
        `✗ Calendar access (Exchange scope): 2 of 5 (from the directory) outside the granted scope: ${outside.join(', ')}`,
      );
      expect(lineOf(run, 'Calendar access')).toContain(
        'fix: Add them to the mail-enabled group of the Exchange management scope',
      );
    } finally {
      standIn.outsideExchangeScope.clear();
    }
  });

  it('tries the calendars of people invited to programmes first, and names those outside the scope', async () => {
    const people = [...standIn.directory.users.values()].filter((u) => u.accountEnabled).slice(10, 13);
    const cosmos = await startEmbeddedCosmos({ snapshotFile: join(dataDir, 'cosmos.json') });
    const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
    const participants = client.database('tandem').container('participants');
    for (const p of people) await participants.items.create({ id: p.id, programmeId: 'p-doctor', schemaVersion: 1 });
    client.dispose();
    await cosmos.close();
    standIn.outsideExchangeScope.add(people[1]?.id ?? '');
    try {
      const run = await doctor();
      expect(run.summary.failed).toEqual(['calendars']);
      expect(lineOf(run, 'Calendar access')).toContain(
        `✗ Calendar access (Exchange scope): 1 of 3 (invited) outside the granted scope: ${people[1]?.id ?? ''}`,
      );
    } finally {
      standIn.outsideExchangeScope.clear();
      const again = await startEmbeddedCosmos({ snapshotFile: join(dataDir, 'cosmos.json') });
      const cleanup = createCosmosClient({ endpoint: again.endpoint, key: again.key });
      for (const p of people)
        await cleanup.database('tandem').container('participants').item(p.id, 'p-doctor').delete();
      cleanup.dispose();
      await again.close();
    }
  });

  it('names an app missing from the org catalog, and a permission policy that blocks the test user', async () => {
    standIn.catalog.unpublish(LOCAL_TEAMS_APP_ID);
    let run: Run;
    try {
      run = await doctor();
    } finally {
      standIn.catalog.publish(LOCAL_TEAMS_APP_ID, 'Tandem');
    }
    expect(run.summary.failed).toEqual(['teams-app']);
    expect(lineOf(run, 'Tandem in the org app catalog')).toMatch(
      /^✗ .*no app with manifest id .* in the org catalog[\s\S]*fix: Teams admin center/,
    );

    const blocked = [...standIn.directory.users.values()].filter((u) => u.accountEnabled)[5];
    standIn.catalog.blocked.add(blocked?.id ?? '');
    const policy = await doctor(['--test-user', blocked?.mail ?? '']);
    expect(policy.summary.failed).toEqual(['teams-app']);
    expect(lineOf(policy, 'Tandem in the org app catalog')).toMatch(
      /^✗ .*installing Tandem for .* failed \(403[\s\S]*fix: Allow Tandem in the app permission policy/,
    );
  });

  it('names the state the app recorded when Tandem cannot be installed for invitees, once, with how many wait', async () => {
    const cosmos = await startEmbeddedCosmos({ snapshotFile: join(dataDir, 'cosmos.json') });
    const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
    const database = client.database('tandem');
    const waiting = { state: 'pending', attempts: 1, at: '2026-03-02T08:00:00.000Z' };
    // Invited people of the directory (the calendar check tries them too).
    const reach = [...standIn.directory.users.values()]
      .filter((u) => u.accountEnabled)
      .slice(20, 22)
      .map((u) => u.id);
    for (const id of reach)
      await database
        .container('participants')
        .items.create({ id, programmeId: 'p-reach', schemaVersion: 1, appInstall: waiting });
    await database.container('state').items.create({
      id: 'teams-app-install',
      schemaVersion: 1,
      value: { status: 'blocked-by-policy', at: '2026-03-02T08:00:00.000Z', message: '403 Forbidden' },
      updatedAt: '2026-03-02T08:00:00.000Z',
    });
    client.dispose();
    await cosmos.close();
    try {
      const run = await doctor([], { TEAMS_APP_ID: LOCAL_TEAMS_APP_ID });
      expect(run.summary.failed).toEqual(['invitee-reach']);
      expect(lineOf(run, 'Reaching invitees')).toMatch(
        /^✗ .*since 2026-03-02T08:00:00.000Z: the app permission policy blocks Tandem for everyone tried; .*waiting 2[\s\S]*fix: Allow Tandem in the app permission policy/,
      );
    } finally {
      const again = await startEmbeddedCosmos({ snapshotFile: join(dataDir, 'cosmos.json') });
      const cleanup = createCosmosClient({ endpoint: again.endpoint, key: again.key });
      for (const id of reach) await cleanup.database('tandem').container('participants').item(id, 'p-reach').delete();
      await cleanup.database('tandem').container('state').item('teams-app-install', 'teams-app-install').delete();
      cleanup.dispose();
      await again.close();
    }
  });

  it('names a bot identity that cannot get a token', async () => {
    const run = await doctor([], {
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppPassword: 'not-a-secret',
      AZURE_AUTHORITY_HOST: 'https://127.0.0.1:9',
    });
    expect(run.summary.failed).toEqual(['bot-token']);
    expect(lineOf(run, 'Bot identity')).toMatch(
      /^✗ Bot identity: MultiTenant 11111111-.* could not get a Bot Framework token[\s\S]*fix: Check MicrosoftAppId, MicrosoftAppPassword/,
    );
  });

  it('names a container with the wrong partition key and the missing ones', async () => {
    const other = mkdtempSync(join(tmpdir(), 'tandem-doctor-cosmos-'));
    try {
      const cosmos = await startEmbeddedCosmos({ snapshotFile: join(other, 'cosmos.json') });
      const client = createCosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key });
      const { database } = await client.databases.createIfNotExists({ id: 'tandem' });
      for (const c of Object.values(CONTAINERS).filter((c) => c.name !== 'interest'))
        await database.containers.createIfNotExists({
          id: c.name,
          partitionKey: c.name === 'outbox' ? '/id' : c.partitionKey,
        });
      client.dispose();
      await cosmos.close();
      const run = await doctor([], { TANDEM_DATA_DIR: other });
      expect(run.summary.failed).toEqual(['cosmos-containers']);
      expect(lineOf(run, 'Cosmos DB containers')).toMatch(
        /^✗ Cosmos DB containers: missing: interest; outbox is partitioned by \/id, expected \/batchId/,
      );
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('names a notification URL Graph cannot reach', async () => {
    const run = await doctor(['--notification-url', 'http://localhost:7071/api/graph-notifications']);
    expect(run.summary.failed).toEqual(['notification-url']);
    expect(lineOf(run, 'Graph notification URL')).toMatch(
      /^✗ .*it is not https; localhost is not a public host name[\s\S]*fix: Graph only delivers/,
    );
    const good = await doctor([
      '--notification-url',
      'https://func-tandem-abc.azurewebsites.net/api/graph-notifications',
    ]);
    expect(good.summary.checks['notification-url']).toBe('ok');
  });
});
