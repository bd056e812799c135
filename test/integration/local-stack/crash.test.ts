/**
 * `npm start` killed with SIGKILL in the middle of writes, three times, and started again on the
 * same data folder each time: every write the API acknowledged is still there afterwards. The stack
 * runs in a child process exactly as `npm start` runs it (functions/src/local/start.ts); the writes
 * are a mix of creates, replaces, upserts and deletes through the API, several at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const KILLS = 3;
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface Running {
  child: ChildProcess;
  api: string;
  idp: string;
  output: string[];
}

/** Starts the stack as npm start does, on a free port, and waits for its banner. */
function startStack(dataDir: string): Promise<Running> {
  // One process, so that SIGKILL kills the stack itself (tsx's CLI would leave its child running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', TANDEM_DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const output: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the stack did not start:\n${output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const api = /API\s+(http:\/\/localhost:\d+)\/api\/v1/.exec(text)?.[1];
      const idp = /Sign-in \(dev\)\s+(http:\/\/127\.0\.0\.1:\d+)\/accounts/.exec(text)?.[1];
      if (api && idp) {
        clearTimeout(timer);
        resolvePromise({ child, api, idp, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited with ${code}:\n${output.join('')}`));
    });
  });
}

function kill(running: Running): Promise<void> {
  return new Promise((done) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', () => done());
    running.child.kill('SIGKILL');
  });
}

async function token(running: Running, userId: string): Promise<string> {
  const res = await fetch(`${running.idp}/token`, { method: 'POST', body: JSON.stringify({ userId }) });
  if (res.status !== 200) throw new Error(`no token for ${userId}: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api(running: Running, bearer: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${running.api}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** Every value written to one key, in order, and how many of them were acknowledged. */
interface History {
  values: string[];
  acked: number;
}

describe('the local stack killed during writes', () => {
  it(`keeps every acknowledged write across ${KILLS} kills with SIGKILL`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    let running = await startStack(dataDir);
    const accounts = (
      (await (await fetch(`${running.idp}/accounts`)).json()) as { accounts: { kind: string; userId: string }[] }
    ).accounts;
    const managerId = accounts.find((a) => a.kind === 'manager')?.userId as string;
    let manager = await token(running, managerId);
    const listed = await api(running, manager, 'GET', '/programmes?pageSize=50');
    const cohort = (listed.body?.items as { id: string; phase: string }[]).find((p) => p.phase === 'execution')
      ?.id as string;
    const people = (
      (await api(running, manager, 'GET', '/directory/users?pageSize=40')).body?.items as { id: string }[]
    ).map((u) => u.id);

    const programmes = new Map<string, History>();
    const interest = new Map<string, History>();
    let acknowledged = 0;
    let writes = 0;
    for (let kill_ = 0; kill_ < KILLS; kill_++) {
      let stop = false;
      const current = running;
      const writer = async (w: number) => {
        const mine = people.slice(w * 8, w * 8 + 8);
        const tokens = await Promise.all(mine.map((id) => token(current, id)));
        const own: string[] = [];
        for (let i = 0; !stop; i++) {
          const op = i % 4;
          try {
            if (op === 0 || own.length === 0) {
              const name = `Crash ${kill_}.${w}.${i}`;
              writes++;
              const res = await api(current, manager, 'POST', '/programmes', {
                name,
                topics: [{ id: 'ai', name: 'AI' }],
              });
              if (res.status !== 201) throw new Error(`create: ${res.status}`);
              const id = res.body?.id as string;
              own.push(id);
              programmes.set(id, { values: [name], acked: 1 });
              acknowledged++;
            } else if (op === 1) {
              const id = own[i % own.length] as string;
              const history = programmes.get(id) as History;
              const name = `Renamed ${kill_}.${w}.${i}`;
              history.values.push(name);
              writes++;
              const res = await api(current, manager, 'PATCH', `/programmes/${id}`, { name });
              if (res.status !== 200) throw new Error(`rename: ${res.status}`);
              history.acked = history.values.length;
              acknowledged++;
            } else {
              const who = i % mine.length;
              const userId = mine[who] as string;
              const history = interest.get(userId) ?? { values: ['absent'], acked: 1 };
              interest.set(userId, history);
              const want = op === 2 ? 'present' : 'absent';
              history.values.push(want);
              writes++;
              const res = await api(
                current,
                tokens[who] as string,
                want === 'present' ? 'PUT' : 'DELETE',
                `/programmes/${cohort}/interest`,
              );
              if (res.status >= 300) throw new Error(`interest: ${res.status}`);
              history.acked = history.values.length;
              acknowledged++;
            }
          } catch {
            // The stack was killed under this request: it may or may not have landed.
            return;
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await new Promise((r) => setTimeout(r, 700 + kill_ * 300));
      stop = true;
      await kill(running);
      await Promise.all(writers);

      running = await startStack(dataDir);
      manager = await token(running, managerId);
      const lost: string[] = [];
      for (const [id, history] of programmes) {
        const res = await api(running, manager, 'GET', `/programmes/${id}`);
        const possible = history.values.slice(history.acked - 1);
        if (res.status !== 200 || !possible.includes(res.body?.name as string))
          lost.push(`programme ${id}: ${res.status} ${String(res.body?.name)} (acknowledged ${possible[0]})`);
      }
      for (const [userId, history] of interest) {
        const res = await api(running, await token(running, userId), 'GET', `/programmes/${cohort}/interest`);
        // A participant's view of the list is their own record or nothing.
        const own = (res.body?.items ?? []) as { userId: string }[];
        if (res.status !== 200) lost.push(`interest of ${userId}: ${res.status}`);
        const state = own.some((i) => i.userId === userId) ? 'present' : 'absent';
        const possible = history.values.slice(history.acked - 1);
        if (!possible.includes(state)) lost.push(`interest of ${userId}: ${state} (acknowledged ${possible[0]})`);
      }
      expect([kill_, lost]).toEqual([kill_, []]);
      // A restart on the same folder never seeds the demo again.
      expect(running.output.join('')).not.toContain('Seeded the demo');
    }
    await kill(running);
    console.log(
      `crash test: ${KILLS} kills with SIGKILL, ${writes} writes sent, ${acknowledged} acknowledged, 0 lost ` +
        `(${programmes.size} programmes, ${interest.size} interest records checked)`,
    );
    expect(acknowledged).toBeGreaterThan(60);
  }, 240_000);
});
