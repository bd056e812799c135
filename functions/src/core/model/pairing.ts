/**
 * The pairing rules as each person's enrollment holds them: which pairs bind the person now (their
 * claims) and whom they must never be proposed to again. A proposal exists only after both people's
 * enrollments took its claim in a conditional write, so the rules hold however many requests, timers
 * and instances act at the same moment (see app/support/pair-claims.ts).
 */
import type { IsoDateTime } from './common';
import type { Participant, Role } from './participant';
import type { Pair } from './pair';

/** A live pair (proposed, confirmed or active) that binds this person. */
export interface PairClaim {
  pairId: string;
  partnerId: string;
  /** When the claim was taken: a claim whose pair never appeared is released after a grace period. */
  at: IsoDateTime;
}

/** What an enrollment records of its pairs. */
export interface PairingRecord {
  /** The live pairs this person is in: at most one, a mentor at most the programme's capacity. */
  claims?: PairClaim[];
  /** People whose pair with this person ended or was declined: never proposed to them again. */
  pastPartners?: string[];
}

/** One side of a pair: the person, their role in it and their partner. */
export interface PairSide {
  userId: string;
  role: Role;
  partnerId: string;
}

export function sidesOf(pair: Pick<Pair, 'mentorId' | 'menteeId'>): [PairSide, PairSide] {
  return [
    { userId: pair.menteeId, role: 'mentee', partnerId: pair.mentorId },
    { userId: pair.mentorId, role: 'mentor', partnerId: pair.menteeId },
  ];
}

/** How many live pairs a person of this role may be in. */
export function placesOf(role: Role, mentorCapacity: number): number {
  return role === 'mentor' ? mentorCapacity : 1;
}

/**
 * Why this person cannot take the pair now, or undefined when they can (also when they already hold
 * it: taking a claim twice is harmless).
 */
export function claimRefusal(
  p: Participant,
  side: PairSide,
  pairId: string,
  mentorCapacity: number,
): string | undefined {
  const claims = p.claims ?? [];
  if (claims.some((c) => c.pairId === pairId)) return undefined;
  if (p.erasedAt || p.status !== 'opted-in') return `${p.userId} is not taking part now (${p.status})`;
  if (p.role !== side.role) return `${p.userId} takes part as ${p.role ?? 'nobody yet'}, not as ${side.role}`;
  if ((p.pastPartners ?? []).includes(side.partnerId)) return `${p.userId} and ${side.partnerId} were paired before`;
  if (claims.some((c) => c.partnerId === side.partnerId)) return `${p.userId} is already paired with ${side.partnerId}`;
  const places = placesOf(side.role, mentorCapacity);
  if (claims.length >= places)
    return `${p.userId} already has ${claims.length === 1 ? 'a partner' : `${claims.length} partners`}`;
  return undefined;
}

export function withClaim(p: Participant, side: PairSide, pairId: string, at: IsoDateTime): Participant {
  if ((p.claims ?? []).some((c) => c.pairId === pairId)) return p;
  return { ...p, claims: [...(p.claims ?? []), { pairId, partnerId: side.partnerId, at }] };
}

/**
 * Gives the claim up. `past`: the pair ended or was declined, so the partner joins the people this
 * person is never proposed to again (a proposal replaced before anyone saw it is not such a pair).
 */
export function withoutClaim(p: Participant, pairId: string, past?: { partnerId: string }): Participant {
  const claims = (p.claims ?? []).filter((c) => c.pairId !== pairId);
  const pastPartners =
    past && !(p.pastPartners ?? []).includes(past.partnerId)
      ? [...(p.pastPartners ?? []), past.partnerId]
      : p.pastPartners;
  if (claims.length === (p.claims ?? []).length && pastPartners === p.pastPartners) return p;
  const next: Participant = { ...p, claims };
  if (pastPartners) next.pastPartners = pastPartners;
  return next;
}

/** Whether a pair that is over keeps its two people apart for good (declined, or ended for any reason). */
export function keepsApart(pair: Pick<Pair, 'status' | 'publishedAt' | 'endReason'>): boolean {
  if (pair.status === 'declined') return true;
  if (pair.status !== 'ended') return false;
  // A proposal withdrawn before anyone saw it (programme closed during review) kept nobody apart.
  return !(pair.endReason === 'withdrawn' && !pair.publishedAt);
}
