/** The pair invariants, read from the store: shared by the stress and the property tests. */
import { isLivePair, keepsApart, placesOf, type Pair, type Participant } from '../../../../functions/src/core/model';
import { toArray } from '../../../../functions/src/ports/store';
import type { Harness, Json } from './harness';

export interface Snapshot {
  programme: Json;
  participants: Participant[];
  pairs: Pair[];
}

/** The programme, its participants and pairs as the store holds them now. */
export async function readSnapshot(h: Harness, id: string): Promise<Snapshot> {
  const [programme, participants, pairs] = await Promise.all([
    h.t.store.programmes.get(id, id),
    toArray(h.t.store.participants.all(id)),
    toArray(h.t.store.pairs.all(id)),
  ]);
  return { programme, participants, pairs };
}

/** Breaks of the invariants that must hold at every moment, read from the store. */
export function violations(s: Snapshot, capacity: number): string[] {
  const out: string[] = [];
  const live = s.pairs.filter(isLivePair);
  const count = new Map<string, number>();
  for (const p of live) for (const id of [p.mentorId, p.menteeId]) count.set(id, (count.get(id) ?? 0) + 1);
  for (const p of s.participants) {
    const n = count.get(p.userId) ?? 0;
    if (p.role && n > placesOf(p.role, capacity)) out.push(`${p.userId} (${p.role}) is in ${n} live pairs`);
    if (n > 0 && p.status !== 'opted-in' && p.status !== 'paused' && p.status !== 'left')
      out.push(`${p.userId} is ${p.status} but in a live pair`);
  }
  const byPeople = new Map<string, Pair[]>();
  for (const p of s.pairs) {
    const key = `${p.mentorId}|${p.menteeId}`;
    byPeople.set(key, [...(byPeople.get(key) ?? []), p]);
  }
  for (const [key, list] of byPeople) {
    // A pair made after one that kept these two apart (a proposal replaced unseen keeps nobody apart).
    const again = list.filter((p) => list.some((k) => k !== p && keepsApart(k) && p.createdAt >= k.createdAt));
    if (again.length)
      out.push(
        `${key} proposed again after their pair ended: ${list
          .map(
            (p) =>
              `${p.id} ${p.status}/${p.endReason ?? '-'} created ${p.createdAt} published ${p.publishedAt ?? '-'} ended ${p.endedAt ?? '-'} job ${p.jobId ?? '-'}`,
          )
          .join('; ')}`,
      );
    if (list.filter(isLivePair).length > 1) out.push(`${key} are in two live pairs`);
  }
  return out;
}

/** After the reconciler: claims and live pairs agree, and nobody who stepped out is in a live pair. */
export function inconsistencies(s: Snapshot): string[] {
  const out: string[] = [];
  const live = s.pairs.filter(isLivePair);
  const byId = new Map(s.participants.map((p) => [p.userId, p]));
  for (const pair of live) {
    for (const id of [pair.mentorId, pair.menteeId]) {
      const p = byId.get(id);
      if (!p?.claims?.some((c) => c.pairId === pair.id)) out.push(`${id} lacks the claim of live pair ${pair.id}`);
      if (p && p.status !== 'opted-in') out.push(`${id} is ${p.status} but still in live pair ${pair.id}`);
    }
  }
  const liveIds = new Set(live.map((p) => p.id));
  for (const p of s.participants)
    for (const c of p.claims ?? []) if (!liveIds.has(c.pairId)) out.push(`${p.userId} claims ${c.pairId}, not live`);
  return out;
}
