import { syncDirectory } from '../../../functions/src/app/directory-sync';
import type { AppDeps } from '../../../functions/src/app/deps';
import { isLivePair } from '../../../functions/src/core/model';
import { toArray } from '../../../functions/src/ports/store';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { openHarness, type Harness } from './graph-harness';

let h: Harness;
let app: AppDeps;
beforeAll(async () => {
  h = await openHarness({ size: 120, seed: 11 });
  app = await h.app();
  await syncDirectory(h.deps());
});
afterAll(async () => h.close());

/** Three members in three departments, nobody anyone else's manager: any two of them may be a pair. */
function threeStrangers(): [string, string, string] {
  const members = [...h.standIn.directory.users.values()].filter((u) => u.userType === 'Member' && u.accountEnabled);
  const managers = new Set(members.map((u) => u.managerId));
  const chosen: typeof members = [];
  for (const u of members) {
    if (managers.has(u.id) || chosen.some((c) => c.department === u.department)) continue;
    chosen.push(u);
    if (chosen.length === 3) break;
  }
  if (chosen.length < 3) throw new Error('the generated org has too few departments');
  return chosen.map((u) => u.id) as [string, string, string];
}

describe('people removed from the directory', () => {
  it('leave their programme, and their partner is re-matched with someone free, once', async () => {
    const [leaver, partner, freeMentor] = threeStrangers();
    const programme = aProgramme({
      id: 'prog-removal',
      phase: 'execution',
      publishedAt: '2026-02-01T00:00:00.000Z',
      trainingRequired: false,
    });
    await h.t.store.programmes.create(programme);
    for (const [id, role] of [
      [leaver, 'mentor'],
      [partner, 'mentee'],
      [freeMentor, 'mentor'],
    ] as const)
      await h.t.store.participants.create(anOptedInParticipant({ programmeId: programme.id, id, userId: id, role }));
    await h.t.store.pairs.create(
      aPair({
        id: 'pair-removal',
        programmeId: programme.id,
        mentorId: leaver,
        menteeId: partner,
        status: 'confirmed',
        publishedAt: '2026-02-01T00:00:00.000Z',
        mentor: { state: 'accepted' },
        mentee: { state: 'accepted' },
      }),
    );

    h.standIn.directory.removeUser(leaver);
    await syncDirectory({ ...h.deps(), app });

    expect((await h.t.store.participants.get(programme.id, leaver)).status).toBe('left');
    const pairs = await toArray(h.t.store.pairs.all(programme.id));
    expect(pairs.find((p) => p.id === 'pair-removal')).toMatchObject({
      status: 'ended',
      endReason: 'removed-from-directory',
    });
    const live = pairs.filter(isLivePair);
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ mentorId: freeMentor, menteeId: partner, status: 'proposed' });
    expect(live[0]?.publishedAt).toBeTruthy();
    expect(live[0]?.explanation.reasons.length).toBeGreaterThan(0);
    const outbox = await toArray(h.t.store.outbox.all(undefined));
    const proposals = outbox.filter((m) => m.payload.type === 'proposal').map((m) => m.recipient);
    expect(proposals.sort()).toEqual([freeMentor, partner].sort());
    expect(outbox.filter((m) => m.payload.type === 'pair-ended').map((m) => m.recipient)).toEqual([partner]);

    // The next sync (and a retry of an interrupted one) leaves the new pair alone.
    await syncDirectory({ ...h.deps(), app }, { full: true });
    expect((await toArray(h.t.store.pairs.all(programme.id))).filter(isLivePair)).toEqual(live);
  });
});
