/**
 * "End this pair" under concurrent use, seeded so a failure can be replayed: both people of a pair
 * end it at the same moment, one ends it while the other leaves or pauses until a date, a manager
 * ends it too, and the re-matches of all of them run at once. After every round, from the store: every
 * person is in at most one live pair, two people whose pair ended are never proposed to each other
 * again, every ended pair's people stay in the programme, and every answer is a 2xx or a clear 4xx.
 */
import { isLivePair } from '../../../functions/src/core/model';
import { reconcilePairs, CLAIM_GRACE_MS } from '../../../functions/src/app/reconcile';
import { inconsistencies, readSnapshot, violations } from './support/invariants';
import { call, startHarness, type Harness, type Json } from './support/harness';
import { confirmAll, matchAndPublish, programmeInMatching } from './support/flow';

const SEED = Number(process.env.STRESS_SEED ?? 20261207);
const ROUNDS = 8;
const DAY = 24 * 3600 * 1000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const snapshot = (id: string) => readSnapshot(h, id);

it('keeps every pair invariant when people end, leave and pause their pairs at the same moment', async () => {
  const r = rng(SEED);
  const id = await programmeInMatching(h);
  await confirmAll(h, id, await matchAndPublish(h, id));
  const manager = await h.manager();
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'execution' } });
  await h.host.trigger('bookSeries');
  const endedTogether: [string, string][] = [];
  const statuses = new Map<number, number>();
  for (let round = 0; round < ROUNDS; round++) {
    let s = await snapshot(id);
    // New proposals from the re-matches: both accept, so there are pairs to end.
    const proposed = s.pairs.filter((p) => p.status === 'proposed' && p.publishedAt);
    if (proposed.length) {
      await confirmAll(h, id, proposed as Json[]);
      s = await snapshot(id);
    }
    const live = s.pairs.filter((p) => p.status === 'confirmed' || p.status === 'active');
    if (!live.length) break;
    const pair = live[r.int(live.length)]!;
    const [a, b] = r.next() < 0.5 ? [pair.mentorId, pair.menteeId] : [pair.menteeId, pair.mentorId];
    const end = async (who: string) =>
      call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/end`, { token: await h.token(who) });
    const until = new Date(h.clock.now().getTime() + 20 * DAY).toISOString().slice(0, 10);
    const kind = r.int(4);
    const ops: Promise<{ status: number; body: Json }>[] = [end(a)];
    if (kind === 0) ops.push(end(b));
    else if (kind === 1)
      ops.push(h.token(b).then((token) => call(h, 'POST', `/v1/programmes/${id}/participants/me/leave`, { token })));
    else if (kind === 2)
      ops.push(
        h
          .token(b)
          .then((token) =>
            call(h, 'POST', `/v1/programmes/${id}/participants/me/pause-until`, { token, body: { until } }),
          ),
      );
    else ops.push(call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/end`, { token: manager }));
    const answers = await Promise.all(ops);
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    expect(answers.filter((x) => x.status >= 500).map((x) => JSON.stringify(x.body))).toEqual([]);
    const after = await snapshot(id);
    expect(violations(after, 1)).toEqual([]);
    const ended = after.pairs.find((p) => p.id === pair.id)!;
    expect(ended.status).toBe('ended');
    endedTogether.push([pair.mentorId, pair.menteeId]);
    // Nobody who ended a pair left the programme by it.
    expect(after.participants.find((p) => p.userId === a)?.status).toBe('opted-in');
    for (const [mentor, mentee] of endedTogether)
      expect(after.pairs.filter((p) => isLivePair(p) && p.mentorId === mentor && p.menteeId === mentee)).toEqual([]);
  }
  h.clock.advance(CLAIM_GRACE_MS + 1000);
  await reconcilePairs(h.deps);
  const end = await snapshot(id);
  expect(violations(end, 1)).toEqual([]);
  expect(inconsistencies(end)).toEqual([]);
  expect(endedTogether.length).toBe(ROUNDS);
  expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
}, 120_000);
