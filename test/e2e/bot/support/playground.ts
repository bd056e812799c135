/**
 * Microsoft 365 Agents Playground as a real Teams-like client: its server posts activities to the
 * bot endpoint like the Teams channel does and hosts the connector the bot answers to; its web
 * client (driven in headless Chromium) renders the cards and sends Action.Execute invokes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlaygroundUser {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
}

export interface Playground {
  url: string;
  process: ChildProcess;
  log: string[];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function yamlUser(u: PlaygroundUser, indent: string): string {
  const [given, ...rest] = u.name.split(' ');
  return [
    `id: ${u.id}`,
    `name: "${u.name}"`,
    `userPrincipleName: ${u.email}`,
    `aadObjectId: ${u.aadObjectId}`,
    `givenName: "${given ?? u.name}"`,
    `surname: "${rest.join(' ') || u.name}"`,
    `email: ${u.email}`,
  ].join(`\n${indent}`);
}

/** Mock colleagues from the playground's default file: NOTE: it refuses to start with fewer than five users. */
const FILLERS: PlaygroundUser[] = [
  {
    id: 'user-id-2',
    aadObjectId: '00000000-0000-0000-0000-0000000000022',
    name: 'Adele Vance',
    email: 'adelev@example.com',
  },
  {
    id: 'user-id-3',
    aadObjectId: '00000000-0000-0000-0000-0000000000023',
    name: 'Isaiah Langer',
    email: 'isaiah@example.com',
  },
  {
    id: 'user-id-4',
    aadObjectId: '00000000-0000-0000-0000-0000000000024',
    name: 'Patti Fernandez',
    email: 'pattif@example.com',
  },
  {
    id: 'user-id-5',
    aadObjectId: '00000000-0000-0000-0000-0000000000025',
    name: 'Lynne Robbins',
    email: 'lynner@example.com',
  },
];

/** Starts the playground (telemetry off) for `endpoint`, as `currentUser`, in English. */
export async function startPlayground(
  endpoint: string,
  currentUser: PlaygroundUser,
  others: PlaygroundUser[],
): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-playground-'));
  writeFileSync(
    join(dir, '.m365agentsplayground.yml'),
    [
      'version: "0.1.1"',
      'tenantId: 00000000-0000-0000-0000-0000000000001',
      'bot:',
      '  id: 00000000-0000-0000-0000-00000000000011',
      '  name: Tandem',
      'currentUser:',
      `  ${yamlUser(currentUser, '  ')}`,
      'users:',
      ...[...others, ...FILLERS].slice(0, Math.max(5, others.length)).map((u) => `  - ${yamlUser(u, '    ')}`),
      'personalChat:',
      '  id: personal-chat-id',
      'groupChat:',
      '  id: group-chat-id',
      '  name: Group Chat',
      'team:',
      '  id: team-id',
      '  name: My Team',
      '  aadGroupId: 00000000-0000-0000-0000-000000000031',
      '  channels:',
      '    - id: channel-announcements-id',
      '      name: Announcements',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(
    process.execPath,
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      'start',
      '-e',
      endpoint,
      '-c',
      'msteams',
      '-p',
      String(port),
      '--dt',
    ],
    // NOTE: stdin stays open: the CLI stops when its standard input ends.
    {
      cwd: dir,
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', TZ: 'Europe/Berlin' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (c: Buffer) => log.push(c.toString()));
  child.stderr?.on('data', (c: Buffer) => log.push(c.toString()));
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 100; i++) {
    if (log.join('').includes('Listening on')) break;
    if (child.exitCode !== null) throw new Error(`The playground stopped: ${log.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    log,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    },
  };
}
