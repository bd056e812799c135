/**
 * npm run bench:api — the API at company scale. Seeds a programme of 5,000 participants (2,500 booked
 * pairs of 12 sessions, feedback on held sessions, start and end self-assessments) and the same
 * people with 2,500 unpublished proposals in a second programme, on the embedded store; starts the
 * app as `npm start` does, in its own process, against that store; and measures over loopback, with
 * bounded concurrency:
 *   - the HR report: one request alone, then p50/p95/p99 with 10 concurrent readers (autocannon);
 *   - a participant opening My tandem (GET /me and the programme's calls), 10 people at a time;
 *   - the console's pair list (every page), as the programme manager;
 *   - publishing the 2,500 proposals;
 * and, for each, the store requests it makes (counted by a proxy in front of the store: the proxy for
 * Cosmos DB request units in Azure).
 *
 *   npm run bench:api [-- --participants=5000 --sessions=12 --reports=50 --readers=10 --people=100]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { EMBEDDED_COSMOS_KEY, startEmbeddedCosmos } from '../../functions/src/local/embedded-cosmos';
import { openCosmosStore } from '../../functions/src/adapters/cosmos/store';
import { seedCompanyProgramme } from './lib/company-programme';

const ROOT = join(__dirname, '..', '..');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k as string, v ?? 'true'];
  }),
);
const num = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);
const PARTICIPANTS = num('participants', 5000);
const SESSIONS = num('sessions', 12);
/** Reports requested under load (each reader asks again as soon as it has its answer). */
const REPORTS = num('reports', 50);
const READERS = num('readers', 10);
const DATABASE = 'tandem';
const TENANT = 'local';

/** Counts the requests that reach the store. */
interface CountingProxy {
  url: string;
  count: number;
  close(): Promise<void>;
}

async function countingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target);
  const proxy: CountingProxy = { url: '', count: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    proxy.count++;
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The app as `npm start` runs it, in its own process, on the given store. */
async function startApp(port: number, dataDir: string, cosmos: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'functions', 'src', 'local', 'start.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      PORT: String(port),
      TANDEM_DATA_DIR: dataDir,
      COSMOS_ENDPOINT: cosmos,
      COSMOS_KEY: EMBEDDED_COSMOS_KEY,
      COSMOS_DATABASE: DATABASE,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${output}`)), 120_000);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tandem is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    // What the app says after its start (warnings, errors) goes to the bench's stderr.
    child.stderr?.on('data', (chunk: Buffer) => {
      if (output.includes('Tandem is running')) process.stderr.write(`[app] ${chunk.toString()}`);
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}):\n${output}`)));
  });
  return child;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (p: number) => `${percentile(sorted, p).toFixed(0)}`;
  return `p50 ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms (n=${sorted.length})`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-api-'));
  const log = (line: string) => console.log(line);
  const cosmos = await startEmbeddedCosmos({});
  const proxy = await countingProxy(cosmos.endpoint);
  let app: ChildProcess | undefined;
  try {
    const store = await openCosmosStore({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      database: DATABASE,
      createContainers: true,
    });
    log(`Seeding ${PARTICIPANTS} participants, ${SESSIONS} sessions per pair ...`);
    const seed = await seedCompanyProgramme(store, {
      tenantId: TENANT,
      now: new Date(),
      participants: PARTICIPANTS,
      sessions: SESSIONS,
      log: (line) => log(`  ${line}`),
    });

    const port = await freePort();
    app = await startApp(port, dataDir, proxy.url);
    const base = `http://127.0.0.1:${port}`;
    const identity = (await (await fetch(`${base}/api/dev/identity`)).json()) as { tokenUrl: string };
    const token = async (userId: string, roles: string[] = []) => {
      const answer = await fetch(identity.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, roles }),
      });
      if (!answer.ok) throw new Error(`no token for ${userId}: ${answer.status} ${await answer.text()}`);
      return `Bearer ${((await answer.json()) as { access_token: string }).access_token}`;
    };
    const hr = await token(seed.reporterId, ['Reports.Read']);
    const manager = await token(seed.managerId, ['Programme.Manage']);
    const running = seed.running.programme.id;
    const api = (path: string) => `${base}/api/v1${path}`;

    /** One call: its time and the store requests it made (nothing else runs meanwhile). */
    const once = async (path: string, authorization: string, init: RequestInit = {}) => {
      const before = proxy.count;
      const started = performance.now();
      const answer = await fetch(api(path), { ...init, headers: { authorization, ...(init.headers ?? {}) } });
      const body = await answer.text();
      const ms = performance.now() - started;
      if (!answer.ok) throw new Error(`${path}: ${answer.status} ${body.slice(0, 300)}`);
      return { ms, requests: proxy.count - before, body, etag: answer.headers.get('etag') ?? '' };
    };

    /** A phase that fails (e.g. the store's 60 s request timeout) is reported, and the next one runs. */
    const phase = async (name: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (err) {
        console.log(`${name}: FAILED: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
      }
    };
    console.log('');
    console.log(
      `Programme: ${seed.running.participants.length} participants, ${seed.running.pairs.length} pairs, ` +
        `${seed.running.meetings.length * SESSIONS} sessions, ${seed.running.feedback.length} feedback, ` +
        `${seed.running.assessments.length} assessments (${seed.documents} documents seeded)`,
    );

    await phase('HR report', async () => {
      // HR report.
      const first = await once(`/programmes/${running}/report`, hr);
      const warm = await once(`/programmes/${running}/report`, hr);
      console.log(
        `HR report alone: ${first.ms.toFixed(0)} ms first, ${warm.ms.toFixed(0)} ms again; store requests per report: ${warm.requests}`,
      );
      const latencies: number[] = [];
      const requestsBefore = proxy.count;
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: api(`/programmes/${running}/report`),
            connections: READERS,
            amount: REPORTS,
            timeout: 120,
            headers: { authorization: hr },
          },
          (err, res) => (err ? reject(err) : resolve(res)),
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });
      console.log(
        `HR report, ${READERS} concurrent readers, ${REPORTS} reports: ${summary(latencies)}, ` +
          `${result.requests.average.toFixed(1)} req/s, ${result.non2xx} non-2xx, ` +
          `store requests ${((proxy.count - requestsBefore) / Math.max(1, result.requests.total)).toFixed(1)} per report`,
      );
    });

    await phase('My tandem', async () => {
      // My tandem: what the tab loads for a participant (tab/src/pages/my-tandem/overview-data.ts).
      const people = seed.running.pairs.slice(0, num('people', 100)).map((p) => p.menteeId);
      const pageTimes: number[] = [];
      const pageRequests: number[] = [];
      const myTandem = async (userId: string) => {
        const auth = await token(userId);
        const started = performance.now();
        let requests = 0;
        const call = async (path: string) => {
          const r = await once(path, auth);
          requests += r.requests;
          return JSON.parse(r.body) as unknown;
        };
        await call('/me');
        const p = `/programmes/${running}`;
        await Promise.all([call(p), call(`${p}/participants/me`)]);
        const [pairs] = (await Promise.all([
          call(`${p}/pairs?pageSize=200`),
          call(`${p}/meetings`),
          call(`${p}/feedback`),
          call(`${p}/assessments`),
        ])) as [{ items: { id: string }[] }, ...unknown[]];
        const own = pairs.items[0];
        if (own) await call(`${p}/pairs/${encodeURIComponent(own.id)}`);
        pageTimes.push(performance.now() - started);
        pageRequests.push(requests);
      };
      // One alone first, for an exact count of its store requests.
      await myTandem(people[0] as string);
      console.log(`My tandem alone: ${pageTimes[0]?.toFixed(0)} ms, ${pageRequests[0]} store requests`);
      if ((pageTimes[0] ?? 0) > 10_000) return console.log('My tandem under load: skipped (over 10 s alone)');
      pageRequests.length = 0;
      pageTimes.length = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: READERS }, async () => {
          while (next < people.length) await myTandem(people[next++] as string);
        }),
      );
      const avg = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
      console.log(
        `My tandem (GET /me + 7 calls), ${people.length} people, ${READERS} at a time: ${summary(pageTimes)}; ` +
          `store requests per page ${avg(pageRequests).toFixed(1)} (counted while ${READERS} pages load, so approximate)`,
      );
    });

    await phase('Pair list', async () => {
      // The console's pair list: every page, as the programme manager.
      const listTimes: number[] = [];
      let listRequests = 0;
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        let token: string | undefined;
        let requests = 0;
        let pairs = 0;
        do {
          const query = `pageSize=200${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
          const r = await once(`/programmes/${running}/pairs?${query}`, manager);
          const page = JSON.parse(r.body) as { items: unknown[]; continuationToken?: string };
          pairs += page.items.length;
          requests += r.requests;
          token = page.continuationToken;
        } while (token);
        listTimes.push(performance.now() - started);
        listRequests = requests;
        if (run === 0) console.log(`Pair list: ${pairs} pairs in pages of 200`);
      }
      console.log(`Pair list (all pages, 5 runs): ${summary(listTimes)}; store requests ${listRequests}`);
    });

    await phase('Publish', async () => {
      // Publishing the proposals.
      const programme = await once(`/programmes/${seed.matching.programme.id}`, manager);
      const etag = programme.etag;
      const published = await once(`/programmes/${seed.matching.programme.id}/publish`, manager, {
        method: 'POST',
        headers: { 'if-match': etag },
      });
      const count = (JSON.parse(published.body) as { published: number }).published;
      console.log(`Publish ${count} proposals: ${published.ms.toFixed(0)} ms, ${published.requests} store requests`);
    });
  } finally {
    if (app) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app?.once('exit', resolve));
    }
    await proxy.close();
    await cosmos.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
