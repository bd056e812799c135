import type { Features } from './features';
import { shareLanguage } from './fit-score';
import { isExcluded, type Prepared } from './prepare';
import type { MatchInput, Reason, UnmatchedPerson } from './types';

/** Pair rules in the order they are blamed when someone has no feasible partner at all. */
const BLOCKERS = ['language', 'hierarchy', 'excluded', 'customScore', 'scope'] as const;
type Blocker = (typeof BLOCKERS)[number];

export interface UnmatchedContext {
  p: Prepared;
  f: Features;
  input: MatchInput;
  /** Feasible partners per active position of the people without a pair. */
  feasibleForMentee: ReadonlyMap<number, number>;
  feasibleForMentor: ReadonlyMap<number, number>;
  /** Per sorted index: in at least one pair (locked or new). */
  mentorPaired: Uint8Array;
  menteePaired: Uint8Array;
}

function blocker(c: UnmatchedContext, m: number, e: number, mp: number, ep: number): Blocker | null {
  const { p, f, input } = c;
  if (!shareLanguage(f, m, e)) return 'language';
  if (p.hierarchy.sameChain((p.mentors[m] as { id: string }).id, (p.mentees[e] as { id: string }).id))
    return 'hierarchy';
  if (isExcluded(p, m, e)) return 'excluded';
  if (input.scores && input.scores[p.mentorInput[m] as number]?.[p.menteeInput[e] as number] === null) {
    return 'customScore';
  }
  if (p.affectedMentor && p.affectedMentee && p.affectedMentor[mp] === 0 && p.affectedMentee[ep] === 0) return 'scope';
  return null;
}

/** Counts which rule excluded each possible partner and blames the most frequent one. */
function noFeasiblePartner(c: UnmatchedContext, role: 'mentor' | 'mentee', index: number, position: number): Reason {
  const counts = new Map<Blocker, number>();
  const others = role === 'mentee' ? c.p.activeMentors : c.p.activeMentees;
  if (others.length === 0) return { key: 'unmatched.noPartnersAvailable', params: {} };
  others.forEach((other, op) => {
    const b = role === 'mentee' ? blocker(c, other, index, op, position) : blocker(c, index, other, position, op);
    if (b) counts.set(b, (counts.get(b) ?? 0) + 1);
  });
  let main: Blocker = 'language';
  for (const b of BLOCKERS) if ((counts.get(b) ?? 0) > (counts.get(main) ?? 0)) main = b;
  const params: Reason['params'] = { checked: others.length };
  for (const b of BLOCKERS) if (counts.has(b)) params[b] = counts.get(b) as number;
  return { key: `unmatched.noFeasiblePartner.${main}`, params };
}

/**
 * Why each person without a partner has none: not eligible; no feasible partner (and which rule
 * ruled them out); too few places on the other side (capacity); or their compatible partners were
 * all needed for a larger or better-fitting set of pairs (better for the group).
 */
export function unmatchedReasons(c: UnmatchedContext): UnmatchedPerson[] {
  const { p } = c;
  const places = p.freePlaces.reduce((a, b) => a + b, 0);
  const seekers = p.activeMentees.length;
  const out: UnmatchedPerson[] = [];
  const mentorPos = new Int32Array(p.mentors.length).fill(-1);
  p.activeMentors.forEach((m, mp) => (mentorPos[m] = mp));
  const menteePos = new Int32Array(p.mentees.length).fill(-1);
  p.activeMentees.forEach((e, ep) => (menteePos[e] = ep));

  p.mentors.forEach((mentor, m) => {
    if (c.mentorPaired[m]) return;
    const why = p.ineligibleMentor[m];
    const mp = mentorPos[m] as number;
    let reason: Reason;
    if (why) reason = { key: `unmatched.ineligible.${why}`, params: {} };
    else if (!c.feasibleForMentor.get(mp)) reason = noFeasiblePartner(c, 'mentor', m, mp);
    else {
      const partners = c.feasibleForMentor.get(mp) as number;
      reason =
        seekers < places
          ? { key: 'unmatched.capacity.mentor', params: { partners, places, people: seekers } }
          : { key: 'unmatched.betterForGroup.mentor', params: { partners } };
    }
    out.push({ id: mentor.id, role: 'mentor', reason });
  });
  p.mentees.forEach((mentee, e) => {
    if (c.menteePaired[e]) return;
    const why = p.ineligibleMentee[e];
    const ep = menteePos[e] as number;
    let reason: Reason;
    if (why) reason = { key: `unmatched.ineligible.${why}`, params: {} };
    else if (!c.feasibleForMentee.get(ep)) reason = noFeasiblePartner(c, 'mentee', e, ep);
    else {
      const partners = c.feasibleForMentee.get(ep) as number;
      reason =
        places < seekers
          ? { key: 'unmatched.capacity.mentee', params: { partners, places, people: seekers } }
          : { key: 'unmatched.betterForGroup.mentee', params: { partners } };
    }
    out.push({ id: mentee.id, role: 'mentee', reason });
  });
  return out;
}
