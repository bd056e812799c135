/**
 * Sends well over a thousand malformed or hostile requests across every API route: bad JSON, wrong
 * types, unknown fields, huge and deeply nested bodies, injection strings, other people's ids, bad
 * headers and tokens. Nothing may answer 5xx, and every error must be problem+json.
 */
import { registrations } from '../../../functions/src/local/functions-core-shim';
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, profile, programmeInMatching } from './support/flow';
import { MALFORMED_HEADS, rawStatus } from '../../support/raw-http';

let h: Harness;
let programmeId: string;
let pairs: Json[];
const REQUESTS = 1200;

beforeAll(async () => {
  h = await startHarness();
  programmeId = await programmeInMatching(h);
  pairs = await matchAndPublish(h, programmeId);
  await confirmAll(h, programmeId, pairs.slice(0, 2));
});
afterAll(async () => h.close());

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const HOSTILE = [
  "' OR 1=1 --",
  '"; DROP TABLE programmes; --',
  'SELECT * FROM c',
  '../../../../etc/passwd',
  '..%2F..%2Fadmin',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${process.exit()}',
  '__proto__',
  'constructor',
  '$where',
  '\u0000',
  '\u202e\u0041',
  'ä'.repeat(300),
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  ' ',
  '',
  'me',
  'null',
];

function hostileValue(r: ReturnType<typeof rng>, depth = 0): unknown {
  const choice = Math.floor(r.next() * 12);
  switch (choice) {
    case 0:
      return r.pick(HOSTILE);
    case 1:
      return Math.floor(r.next() * 1e6) * (r.next() < 0.5 ? -1 : 1);
    case 2:
      return r.next() < 0.5;
    case 3:
      return null;
    case 4:
      return depth < 3 ? Array.from({ length: 3 }, () => hostileValue(r, depth + 1)) : [];
    case 5:
      return depth < 3 ? { [r.pick(HOSTILE)]: hostileValue(r, depth + 1), __proto__: { admin: true } } : {};
    case 6:
      return 1.5;
    case 7:
      return '2026-13-45T99:99:99Z';
    case 8:
      return r.pick(['mentor', 'mentee', 'start', 'end', 'closed', 'execution', 'ai', 'teams']);
    default:
      return r.pick(HOSTILE);
  }
}

const FIELDS = [
  'name',
  'topics',
  'cadence',
  'to',
  'userIds',
  'department',
  'groupId',
  'profile',
  'consentTextVersion',
  'role',
  'locked',
  'pairIds',
  'reason',
  'pairId',
  'occurrenceIndex',
  'rating',
  'ratings',
  'start',
  'title',
  'text',
  'audience',
  'anonymityThreshold',
  'extra',
];

function hostileBody(r: ReturnType<typeof rng>): { body?: string; contentType?: string } {
  const kind = Math.floor(r.next() * 10);
  switch (kind) {
    case 0:
      return { body: r.pick(['{', '[1,2', 'nul', '{"a":}', "{'a':1}", '\u0000', '{"a":1}{"b":2}']) };
    case 1:
      return { body: JSON.stringify({ big: 'x'.repeat(70 * 1024) }) };
    case 2:
      return { body: '['.repeat(20000) + ']'.repeat(20000) };
    case 3:
      return { body: JSON.stringify(hostileValue(r)) };
    case 4:
      return {
        body: '{"name":"x"}',
        contentType: r.pick([
          'text/plain',
          'application/xml',
          'multipart/form-data',
          'application/x-www-form-urlencoded',
        ]),
      };
    case 5:
      return {
        body: JSON.stringify({
          profile: { ...profile('mentor'), [r.pick(FIELDS)]: hostileValue(r) },
          consentTextVersion: r.pick(['2026-01', ...HOSTILE]),
        }),
      };
    default: {
      const o: Record<string, unknown> = {};
      const n = 1 + Math.floor(r.next() * 4);
      for (let i = 0; i < n; i++) o[r.pick(FIELDS)] = hostileValue(r);
      return { body: JSON.stringify(o) };
    }
  }
}

describe('the API under hostile input', () => {
  it(`answers ${REQUESTS} malformed or hostile requests across all routes without a 5xx, every error as problem+json`, async () => {
    const routes = registrations()
      .map((reg) => {
        const trigger = Object.values(reg.metadata.bindings).find((b) => b.type === 'httpTrigger');
        return trigger?.route?.startsWith('v1/')
          ? { name: reg.name, route: trigger.route, methods: trigger.methods ?? ['GET'] }
          : undefined;
      })
      .filter((x): x is { name: string; route: string; methods: string[] } => Boolean(x));
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes.map((x) => x.route)).toContain('v1/programmes/{id}/pair-health');

    const r = rng(20261126);
    const tokens = {
      none: undefined,
      manager: await h.manager(),
      hr: await h.hr(),
      mentee: await h.token(pairs[0].menteeId),
      outsider: await h.token('it-junior-1'),
      garbage: 'eyJhbGciOiJub25lIn0.e30.',
    };
    const ids = [
      programmeId,
      pairs[0].id,
      pairs[1].id,
      pairs[0].mentorId,
      pairs[2].menteeId,
      'manager-1',
      'job-1',
      `${pairs[0].id}-series`,
      '0',
      '3',
    ];
    const seen = new Map<string, number>();
    const failures: string[] = [];
    const routeHits = new Set<string>();

    const one = async (i: number) => {
      const route = routes[i % routes.length] as (typeof routes)[number];
      routeHits.add(route.name);
      const method = r.pick(route.methods);
      const path = route.route.replace(/\{(\w+)[^}]*\}/g, () =>
        encodeURIComponent(String(r.next() < 0.55 ? r.pick(ids) : r.pick(HOSTILE) || 'x')),
      );
      const query =
        r.next() < 0.3
          ? `?${r.pick(['pageSize', 'continuationToken', 'status', 'search', 'x', 'pageSize'])}=${encodeURIComponent(String(hostileValue(r)))}&pageSize=2`
          : '';
      const token = tokens[r.pick(Object.keys(tokens) as (keyof typeof tokens)[])];
      const headers: Record<string, string> = {};
      const { body, contentType } = method === 'GET' ? {} : hostileBody(r);
      if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
      if (r.next() < 0.2)
        headers['if-match'] = r.pick(['"stale"', 'W/"x"', '*', 'no-quotes', '"' + 'a'.repeat(300) + '"']);
      if (r.next() < 0.2) headers['idempotency-key'] = r.pick(['k1', 'k'.repeat(500), 'ünicode', 'a b']);
      const res = await call(h, method, `/${path}${query}`, {
        ...(token ? { token } : {}),
        ...(body !== undefined ? { body } : {}),
        headers,
      });
      seen.set(String(res.status), (seen.get(String(res.status)) ?? 0) + 1);
      const label = `${method} /${path.slice(0, 80)} → ${res.status}`;
      if (res.status >= 500) failures.push(`${label}: ${JSON.stringify(res.body).slice(0, 200)}`);
      if (res.status >= 400) {
        const type = res.headers.get('content-type') ?? '';
        const ok =
          type.startsWith('application/problem+json') &&
          typeof res.body === 'object' &&
          res.body !== null &&
          res.body.status === res.status &&
          typeof res.body.type === 'string' &&
          typeof res.body.title === 'string' &&
          typeof res.body.detail === 'string';
        if (!ok) failures.push(`${label}: not problem+json (${type})`);
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < REQUESTS) await one(next++);
      }),
    );
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify(Object.fromEntries(seen)));
    expect(failures).toEqual([]);
    expect(routeHits.size).toBe(routes.length);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    // Hostile input is refused, not ignored: most answers are 4xx.
    expect((seen.get('400') ?? 0) + (seen.get('401') ?? 0) + (seen.get('403') ?? 0)).toBeGreaterThan(REQUESTS / 2);
  }, 120_000);
});

/** Keys that name members of Object.prototype: a plain object used as a map returns the inherited member. */
const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'isPrototypeOf',
];

describe('prototype keys in a JSON body', () => {
  it('are refused with 400 problem+json on every route with a body, at the root and nested, and nothing breaks', async () => {
    const routes = registrations().flatMap((reg) => {
      const trigger = Object.values(reg.metadata.bindings).find((b) => b.type === 'httpTrigger');
      if (!trigger?.route?.startsWith('v1/')) return [];
      return (trigger.methods ?? ['GET'])
        .filter((m) => m !== 'GET')
        .map((method) => ({ method, route: trigger.route as string }));
    });
    expect(routes.length).toBeGreaterThanOrEqual(26);
    const manager = await h.manager();
    const mentee = await h.token(pairs[0].menteeId);
    const fill = (route: string) =>
      route
        .replace('{id}', programmeId)
        .replace(/\{pairId[^}]*\}/, pairs[0].id)
        .replace(/\{userId[^}]*\}/, 'me')
        .replace(/\{(\w+)[^}]*\}/g, 'x');
    // Raw JSON text: JSON.parse makes "__proto__" an own key, as a client's body would.
    const bodies = PROTOTYPE_KEYS.flatMap((key) => [
      `{"${key}": {"admin": true}}`,
      `{"${key}": 1, "name": "x"}`,
      `{"profile": {"${key}": ["x"], "role": "mentor"}, "consentTextVersion": "v1"}`,
      `{"ratings": {"${key}": 3}}`,
      `{"cadence": {"${key}": 1}, "weights": {"${key}": 1}}`,
    ]);
    const failures: string[] = [];
    let refused = 0;
    for (const { method, route } of routes) {
      for (const body of bodies) {
        for (const token of [manager, mentee]) {
          const res = await call(h, method, `/${fill(route)}`, { token, body });
          const label = `${method} /${route} ${body} → ${res.status}`;
          if (res.status >= 500) failures.push(`${label}: ${JSON.stringify(res.body).slice(0, 160)}`);
          else if (res.status < 400) failures.push(`${label}: accepted`);
          else if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json'))
            failures.push(`${label}: not problem+json`);
          if (res.status === 400) refused++;
        }
      }
    }
    expect(failures).toEqual([]);
    // Most are refused as bad input (others are 403/404/405 for who or where, before the body counts).
    expect(refused).toBeGreaterThan((routes.length * bodies.length * 2) / 3);
    // The process is alive and Object.prototype untouched.
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await call(h, 'GET', '/health')).status).toBeLessThan(500);
  }, 120_000);
});

describe('malformed request-targets and Host headers', () => {
  it('are answered with a 4xx by the local host, which keeps serving', async () => {
    const answers: string[] = [];
    for (const head of MALFORMED_HEADS) {
      const status = await rawStatus(h.baseUrl, head, head.startsWith('POST /api/v1') ? '{}' : '');
      if (status < 400 || status >= 500) answers.push(`${JSON.stringify(head)} → ${status}`);
      // After each one, the process still answers a normal request.
      expect((await call(h, 'GET', '/health')).status).toBeLessThan(500);
    }
    expect(answers).toEqual([]);
  });
});
