import { MESSAGES, formatReason } from '../../../functions/src/core/matching';
import { buildHierarchy } from '../../../functions/src/core/hierarchy';
import { generateOrg } from '../../../functions/src/local/demo/org';
import { buildDemo, toOrgUser } from '../../../functions/src/local/demo/seed';
import { memoryDirectory } from '../../support/memory-directory';

const NOW = new Date('2026-03-02T08:00:00.000Z');

async function demo() {
  const org = generateOrg({ size: 300, seed: 42 });
  const users = org.filter((u) => u.userType === 'Member').map((u) => toOrgUser(u, 'local', NOW.toISOString()));
  return { org, users, built: await buildDemo(org, NOW, memoryDirectory(users)) };
}

describe('the demo programmes’ pairs', () => {
  it('come from the matching engine: every reason is in its dictionary, in English and German, with every value', async () => {
    const { built } = await demo();
    const withPairs = built.programmes.filter((p) => p.pairs.length > 0);
    expect(withPairs.map((p) => p.programme.id).sort()).toEqual(['demo-agile-2025', 'demo-digital-leadership']);
    for (const { pairs } of withPairs) {
      expect(pairs.length).toBeGreaterThanOrEqual(8);
      for (const pair of pairs) {
        expect(pair.explanation.reasons.length).toBeGreaterThan(0);
        expect(pair.score).toBeGreaterThan(0);
        for (const reason of pair.explanation.reasons) {
          expect(Object.keys(MESSAGES.en)).toContain(reason.key);
          expect(Object.keys(MESSAGES.de)).toContain(reason.key);
          for (const lang of ['en', 'de'] as const)
            expect(formatReason(reason.key, reason.params ?? {}, lang)).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('never pair two people of one management chain, and each person at most once', async () => {
    const { users, built } = await demo();
    const hierarchy = buildHierarchy(
      new Map(users.filter((u) => u.managerId).map((u) => [u.id, u.managerId as string])),
    );
    for (const { pairs } of built.programmes) {
      for (const pair of pairs) expect(hierarchy.sameChain(pair.mentorId, pair.menteeId)).toBe(false);
      const people = pairs.flatMap((p) => [p.mentorId, p.menteeId]);
      expect(new Set(people).size).toBe(people.length);
    }
  });

  it('are the same on every build, and the showcase mentee has a held session still waiting for feedback', async () => {
    const first = await demo();
    const second = await demo();
    expect(second.built).toEqual(first.built);
    const [mentee, mentor] = first.built.accounts;
    const execution = first.built.programmes.find((p) => p.programme.id === 'demo-digital-leadership');
    const pair = execution?.pairs[0];
    expect(mentee).toMatchObject({ kind: 'mentee', userId: pair?.menteeId });
    expect(mentor).toMatchObject({ kind: 'mentor', userId: pair?.mentorId });
    const held = execution?.meetings[0]?.occurrences.filter((o) => o.status === 'held').map((o) => o.index) ?? [];
    const given = execution?.feedback.filter((f) => f.pairId === pair?.id && f.userId === mentee?.userId) ?? [];
    expect(held.length).toBeGreaterThan(0);
    expect(held.some((i) => !given.some((f) => f.occurrenceIndex === i))).toBe(true);
  });

  it('leave the steering cohort with an interest list for its next cohort, of people in the directory', async () => {
    const { users, built } = await demo();
    const steering = built.programmes.find((p) => p.programme.phase === 'steering');
    const ids = new Set(users.map((u) => u.id));
    expect(steering?.interest.length).toBe(7);
    expect(steering?.interest.every((i) => ids.has(i.userId) && i.id === i.userId)).toBe(true);
    expect(built.programmes.filter((p) => p.programme.phase !== 'steering').every((p) => !p.interest.length)).toBe(
      true,
    );
  });
});
