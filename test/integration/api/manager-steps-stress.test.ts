/**
 * A manager stepping in after publishing while everything else runs at the same moment: managers
 * ending pairs and re-matching people, the two people of the same pair ending it too, answers to
 * proposals, pauses and resumes, messages — seeded random concurrent rounds through the API. After
 * every round the pair invariants hold (nobody in more pairs than their role allows, two people
 * whose pair ended never proposed to each other again); at the end claims and pairs agree.
 */
import { call, startHarness, type Harness } from './support/harness';
import { NEW_PROGRAMME, profile } from './support/flow';
import { inconsistencies, readSnapshot, violations } from './support/invariants';
import { rng } from '../../unit/matching/support/prng';
import { isLivePair, type Pair } from '../../../functions/src/core/model';
import { toArray } from '../../../functions/src/ports/store';
import { CLAIM_GRACE_MS, reconcilePairs } from '../../../functions/src/app/reconcile';

const SEED = 20261207;
const ROUNDS = 30;
const MENTEES = [1, 2, 3, 4].flatMap((i) => [`sales-senior-${i}`, `it-senior-${i}`]);
const MENTORS = [1, 2, 3, 4].flatMap((i) => [`sales-junior-${i}`, `it-junior-${i}`]);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const snapshot = (id: string) => readSnapshot(h, id);

async function publishedProgramme(capacity: 1 | 2): Promise<string> {
  const manager = await h.manager();
  const created = await call(h, 'POST', '/v1/programmes', {
    token: manager,
    body: { ...NEW_PROGRAMME, name: `Steps ${capacity}`, mentorCapacity: capacity },
  });
  const id = created.body.id as string;
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'preparation' } });
  await call(h, 'POST', `/v1/programmes/${id}/invitations`, {
    token: manager,
    body: { userIds: [...MENTEES, ...MENTORS] },
  });
  for (const [ids, role] of [
    [MENTEES, 'mentee'],
    [MENTORS, 'mentor'],
  ] as const)
    for (const userId of ids)
      expect(
        (
          await call(h, 'POST', `/v1/programmes/${id}/participants/me/opt-in`, {
            token: await h.token(userId),
            body: { profile: profile(role), consentTextVersion: '2026-01' },
          })
        ).status,
      ).toBe(200);
  for (const userId of MENTORS)
    await call(h, 'POST', `/v1/programmes/${id}/participants/${userId}/training`, { token: manager });
  await call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'matching' } });
  expect((await call(h, 'POST', `/v1/programmes/${id}/matching-runs`, { token: manager })).status).toBe(202);
  expect((await call(h, 'POST', `/v1/programmes/${id}/publish`, { token: manager })).status).toBe(200);
  return id;
}

describe('a manager stepping in while everything else runs at once', () => {
  it.each([1, 2] as const)(
    'keeps the pair invariants with mentor capacity %i, and nobody gets a 5xx',
    async (capacity) => {
      const r = rng(SEED + capacity);
      const id = await publishedProgramme(capacity);
      const manager = await h.manager();
      const tally = new Map<string, number>();
      const end = async (pair: Pair, who: string) =>
        call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/end`, {
          token: who === 'manager' ? manager : await h.token(who),
        });
      const person = async (userId: string, path: string) =>
        call(h, 'POST', `/v1/programmes/${id}/participants/${userId}/${path}`, { token: await h.token(userId) });

      for (let round = 0; round < ROUNDS; round++) {
        const s = await snapshot(id);
        const live = s.pairs.filter(isLivePair);
        const proposed = live.filter((p) => p.status === 'proposed');
        const settled = live.filter((p) => p.status !== 'proposed');
        const ops: [string, () => Promise<{ status: number; body?: unknown }>][] = [];
        const want = 2 + r.int(0, 3);
        for (let tries = 0; ops.length < want && tries < 40; tries++) {
          const kind = r.int(0, 8);
          if (kind === 0 && live.length) {
            // The manager and one of the two end the same pair at the same moment.
            const pair = r.pick(live);
            ops.push(['manager ends', () => end(pair, 'manager')]);
            if (pair.status !== 'proposed')
              ops.push(['person ends', () => end(pair, r.pick([pair.mentorId, pair.menteeId]))]);
          } else if (kind === 1 && live.length) ops.push(['manager ends', () => end(r.pick(live), 'manager')]);
          else if (kind === 2) {
            const who = r.pick(s.participants);
            ops.push([
              'rematch',
              () => call(h, 'POST', `/v1/programmes/${id}/rematch`, { token: manager, body: { userId: who.userId } }),
            ]);
          } else if (kind === 3 && proposed.length) {
            const pair = r.pick(proposed);
            ops.push([
              'decline',
              async () =>
                call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/decline`, {
                  token: await h.token(pair.menteeId),
                  body: {},
                }),
            ]);
          } else if (kind === 4 && proposed.length) {
            const pair = r.pick(proposed);
            for (const userId of [pair.mentorId, pair.menteeId])
              ops.push([
                'accept',
                async () =>
                  call(h, 'POST', `/v1/programmes/${id}/pairs/${pair.id}/confirm`, { token: await h.token(userId) }),
              ]);
          } else if (kind === 5) {
            const who = r.pick(s.participants.filter((p) => p.status === 'opted-in'));
            if (who) ops.push(['pause', () => person(who.userId, 'pause')]);
          } else if (kind === 6) {
            const who = r.pick(s.participants.filter((p) => p.status === 'paused'));
            if (who) ops.push(['resume', () => person(who.userId, 'resume')]);
          } else if (kind === 7 && settled.length) {
            const pair = r.pick(settled);
            ops.push([
              'message',
              () =>
                call(h, 'POST', `/v1/programmes/${id}/messages`, {
                  token: manager,
                  body: { pairId: pair.id, title: 'Hello', text: 'How is it going?' },
                }),
            ]);
          } else if (kind === 8 && s.programme.phase === 'matching' && round > ROUNDS / 2)
            ops.push([
              'to execution',
              () => call(h, 'POST', `/v1/programmes/${id}/phase`, { token: manager, body: { to: 'execution' } }),
            ]);
        }
        const answers = await Promise.all(ops.map(([, run]) => run()));
        ops.forEach(([name]) => tally.set(name, (tally.get(name) ?? 0) + 1));
        // Refusals (404, 409) are fine when another operation got there first; a 5xx or 412 never is.
        expect(
          ops
            .map(([name], i) => `${name} ${answers[i]?.status} ${JSON.stringify(answers[i]?.body ?? '')}`)
            .filter((a) => / (5\d\d|412) /.test(a)),
        ).toEqual([]);
        expect(violations(await snapshot(id), capacity)).toEqual([]);
      }
      h.clock.advance(CLAIM_GRACE_MS + 1000);
      await reconcilePairs(h.deps);
      const final = await snapshot(id);
      expect(violations(final, capacity)).toEqual([]);
      expect(inconsistencies(final)).toEqual([]);
      expect(tally.get('manager ends')).toBeGreaterThan(3);
      expect(tally.get('rematch')).toBeGreaterThan(3);
      const ended = final.pairs.filter((p) => p.endReason === 'ended-without-blame');
      expect(ended.length).toBeGreaterThan(2);
      // A pair ended twice at the same moment told each person once.
      const told = (await toArray(h.t.store.outbox.all(undefined))).filter(
        (m) => (m.payload as { type?: string }).type === 'pair-ended',
      );
      expect(new Set(told.map((m) => `${m.recipient}:${JSON.stringify(m.payload)}`)).size).toBe(told.length);
    },
    180_000,
  );
});
