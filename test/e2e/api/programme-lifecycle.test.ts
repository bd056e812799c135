/**
 * One programme from draft to closed on the local stack (npm start's own wiring: embedded Cosmos DB,
 * Graph stand-in, development identity provider), through the HTTP API alone: invite → opt in →
 * train → match → publish → confirm → meetings booked → feedback → assessments → report → close.
 * Timers run as locally on demand (POST /admin/functions/<name>). The whole app runs on one injected
 * clock that starts on a fixed Monday and moves with real time, so the outcome does not depend on the
 * day the suite runs; to give feedback on a session the test moves that clock past the first session.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from '../../../functions/src/local/stack';
import type { Clock } from '../../../functions/src/ports/clock';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let stack: LocalStack;
let idp: string;

/** The app's time: a fixed start plus the real time elapsed since the test began; `jump` moves it. */
const START = Date.parse('2027-03-01T07:00:00Z');
const realStart = Date.now();
let jump = 0;
const clock: Clock = { now: () => new Date(START + jump + (Date.now() - realStart)) };

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'tandem-e2e-api-')), clock });
  idp = stack.components.find((c) => c.name === 'dev-idp')?.env.TANDEM_DEV_IDP_URL as string;
}, 60_000);
afterAll(async () => stack?.close());

async function token(userId: string): Promise<string> {
  const res = await fetch(`${idp}/token`, { method: 'POST', body: JSON.stringify({ userId }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api(
  method: string,
  path: string,
  bearer: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function profile(role: 'mentor' | 'mentee') {
  return {
    role,
    teachTopics: role === 'mentor' ? ['ai', 'loop'] : [],
    learnTopics: role === 'mentee' ? ['ai'] : [],
    interests: ['hiking'],
    languages: ['de', 'en'],
    timeZone: 'Europe/Berlin',
    weekdays: ['wed'],
    times: ['morning', 'afternoon'],
  };
}

describe('a programme on the local stack, through the API alone', () => {
  it('goes from draft to closed: invite, opt in, train, match, publish, confirm, book, feedback, assessments, report, close', async () => {
    const accounts = (
      (await (await fetch(`${idp}/accounts`)).json()) as { accounts: { kind: string; userId: string }[] }
    ).accounts;
    const manager = await token(accounts.find((a) => a.kind === 'manager')?.userId as string);
    const hr = await token(accounts.find((a) => a.kind === 'hr')?.userId as string);

    // Draft → preparation.
    const created = await api(
      'POST',
      '/programmes',
      manager,
      {
        name: 'E2E Cohort',
        topics: [
          { id: 'ai', name: 'AI assistants' },
          { id: 'loop', name: 'Loop' },
        ],
        cadence: {
          intervalWeeks: 1,
          weekday: 'wed',
          window: { start: '09:00', end: '17:00' },
          sessionMinutes: 45,
          sessions: 6,
        },
        anonymityThreshold: 5,
        consentTextVersion: 'v1',
      },
      { 'idempotency-key': 'e2e-create' },
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await api('POST', `/programmes/${id}/phase`, manager, { to: 'preparation' })).status).toBe(200);

    // Invite two departments' people: mentees from one, mentors from another (never the same chain).
    const departments = (await api('GET', '/directory/departments', manager)).body.items as string[];
    const pick = async (department: string) =>
      (
        (await api('GET', `/directory/users?department=${encodeURIComponent(department)}&pageSize=50`, manager)).body
          .items as Json[]
      )
        .filter((u) => u.mail)
        .slice(-5)
        .map((u) => u.id as string);
    const mentees = await pick(departments.includes('Finance') ? 'Finance' : (departments[0] as string));
    const mentors = await pick(departments.includes('IT') ? 'IT' : (departments[1] as string));
    expect(mentees).toHaveLength(5);
    expect(mentors).toHaveLength(5);
    const invited = await api('POST', `/programmes/${id}/invitations`, manager, { userIds: [...mentees, ...mentors] });
    expect(invited.body).toMatchObject({ invited: 10, notInvitable: [] });

    // Each person opts in with their consent; the manager records the mentors' training.
    const tokens = new Map<string, string>();
    for (const userId of [...mentees, ...mentors]) tokens.set(userId, await token(userId));
    for (const [ids, role] of [
      [mentees, 'mentee'],
      [mentors, 'mentor'],
    ] as const) {
      for (const userId of ids) {
        const me = await api('GET', '/me', tokens.get(userId) as string);
        expect(me.body.enrollments).toEqual(
          expect.arrayContaining([expect.objectContaining({ programmeId: id, status: 'invited' })]),
        );
        const opted = await api('POST', `/programmes/${id}/participants/me/opt-in`, tokens.get(userId) as string, {
          profile: profile(role),
          consentTextVersion: 'v1',
        });
        expect(opted.status).toBe(200);
        expect(opted.body.consent.textVersion).toBe('v1');
      }
    }
    for (const userId of mentors)
      expect((await api('POST', `/programmes/${id}/participants/${userId}/training`, manager)).status).toBe(200);

    // Matching: a job with explained proposals, published under the programme's ETag.
    expect((await api('POST', `/programmes/${id}/phase`, manager, { to: 'matching' })).status).toBe(200);
    const run = await api('POST', `/programmes/${id}/matching-runs`, manager);
    expect(run.status).toBe(202);
    const job = await until('the matching job', async () => {
      const j = await api('GET', `/programmes/${id}/jobs/${run.body.id}`, manager);
      return j.body.status === 'succeeded'
        ? j.body
        : j.body.status === 'failed'
          ? Promise.reject(new Error(j.body.error))
          : undefined;
    });
    expect(job.result.pairs).toBeGreaterThanOrEqual(3);
    const proposals = (await api('GET', `/programmes/${id}/pairs`, manager)).body.items as Json[];
    expect(proposals.every((p) => p.explanation.reasons.length > 0)).toBe(true);
    const etag = (await api('GET', `/programmes/${id}`, manager)).headers.get('etag') as string;
    const published = await api('POST', `/programmes/${id}/publish`, manager, undefined, { 'if-match': etag });
    expect(published.body.published).toBe(proposals.length);

    // Both people confirm each pair.
    for (const pair of proposals) {
      for (const userId of [pair.mentorId, pair.menteeId]) {
        expect(
          (await api('POST', `/programmes/${id}/pairs/${pair.id}/confirm`, tokens.get(userId) as string)).status,
        ).toBe(200);
      }
    }
    const confirmed = (await api('GET', `/programmes/${id}/pairs`, manager)).body.items as Json[];
    expect(confirmed.every((p) => p.status === 'confirmed')).toBe(true);

    // Execution: the daily booking run books every pair's series in both calendars.
    expect((await api('POST', `/programmes/${id}/phase`, manager, { to: 'execution' })).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/admin/functions/bookSeries`, { method: 'POST' })).status).toBe(202);
    const series = await until('the booked meetings', async () => {
      const items = (await api('GET', `/programmes/${id}/meetings`, manager)).body.items as Json[];
      const pairSeries = items.filter((s) => s.kind === 'pair-series');
      return pairSeries.length === proposals.length && pairSeries.every((s) => s.status === 'booked')
        ? pairSeries
        : undefined;
    });
    for (const s of series) {
      expect(s.occurrences).toHaveLength(6);
      // Booked from the app's clock, not the machine's: the first session lies in the weeks after it.
      const firstStart = Date.parse(s.occurrences[0].start);
      expect(firstStart).toBeGreaterThan(clock.now().getTime());
      expect(firstStart).toBeLessThan(START + 6 * 7 * 24 * 3600 * 1000);
      expect(s.joinUrl).toMatch(/^https:\/\//);
    }
    const first = proposals[0] as Json;
    const own = await api('GET', `/programmes/${id}/meetings`, tokens.get(first.menteeId) as string);
    expect(own.body.items.filter((s: Json) => s.kind === 'pair-series').map((s: Json) => s.pairId)).toEqual([first.id]);

    // A day after the first session: feedback from both people of every pair, and the self-assessments.
    const lastFirstSession = Math.max(...series.map((s) => Date.parse(s.occurrences[0].end)));
    const feedbackAt = lastFirstSession + 24 * 3600 * 1000;
    // Slot finding may start a pair's series weeks later than another's; at feedbackAt every pair
    // still has sessions to come, so nobody has completed yet (deterministic on the fixed clock).
    for (const s of series) expect(Date.parse(s.occurrences.at(-1).end)).toBeGreaterThan(feedbackAt);
    const jumpBefore = jump;
    jump = feedbackAt - (clock.now().getTime() - jump);
    try {
      for (const pair of proposals) {
        for (const userId of [pair.mentorId, pair.menteeId]) {
          const fb = await api('POST', `/programmes/${id}/feedback`, tokens.get(userId) as string, {
            pairId: pair.id,
            occurrenceIndex: 0,
            rating: 4,
            learnt: 'Something personal',
          });
          expect(fb.status).toBe(201);
        }
      }
      // The start self-assessment during the sessions; the end one opens at steering (or in the week
      // of the person's last session), not on the first day of execution.
      const assess = async (kind: 'start' | 'end') => {
        for (const userId of [...mentees, ...mentors]) {
          const a = await api('PUT', `/programmes/${id}/assessments/${kind}`, tokens.get(userId) as string, {
            ratings: { ai: kind === 'start' ? 2 : 4 },
          });
          expect(a.status).toBe(200);
        }
      };
      await assess('start');
      expect((await api('POST', `/programmes/${id}/phase`, manager, { to: 'steering' })).status).toBe(200);
      await assess('end');

      // The HR report: health and outcomes, no identities and no free text.
      const report = await api('GET', `/programmes/${id}/report`, hr);
      expect(report.status).toBe(200);
      const matched = proposals.length * 2;
      expect(report.body.funnel).toEqual({
        invited: 10,
        optedIn: 10,
        matched,
        confirmed: matched,
        active: matched,
        completed: 0,
      });
      expect(report.body.meetings.held).toBe(proposals.length);
      expect(report.body.ratings).toMatchObject({ count: matched, distribution: { '4': matched } });
      expect(report.body.assessments.find((a: Json) => a.topicId === 'ai' && a.role === 'mentee')).toMatchObject({
        change: 2,
      });
      const text = JSON.stringify(report.body);
      expect(text).not.toContain('Something personal');
      for (const userId of [...mentees, ...mentors]) expect(text).not.toContain(userId);
    } finally {
      jump = jumpBefore;
    }

    // Close: every pair ends, and the report counts them as completed.
    expect((await api('POST', `/programmes/${id}/phase`, manager, { to: 'closed' })).status).toBe(200);
    const closed = await api('GET', `/programmes/${id}/report`, hr);
    expect(closed.body.phase).toBe('closed');
    expect(closed.body.funnel.completed).toBe(proposals.length * 2);
    const audit = await api('GET', `/programmes/${id}/audit?pageSize=200`, manager);
    expect(audit.body.items.map((a: Json) => a.action)).toEqual(
      expect.arrayContaining([
        'programme.created',
        'participants.invited',
        'matching.succeeded',
        'pairs.published',
        'pair.confirmed',
      ]),
    );
  }, 120_000);
});
