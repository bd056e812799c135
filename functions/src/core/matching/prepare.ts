import { buildHierarchy, chainConflicts, type ChainConflicts, type Hierarchy } from '../hierarchy';
import { MatchInputError } from './errors';
import type { MatchInput, MatchMentee, MatchMentor, MatchWarning, RematchScope } from './types';

/** Why someone cannot take part at all. */
export type Ineligible = 'notOptedIn' | 'inactive' | 'untrained';

/**
 * The input put in a canonical order (everyone sorted by id, so the result never depends on input
 * order and ties fall to the smaller id) and split into who is locked, who is ineligible and who
 * takes part in the optimisation ("active"). Index names: m/e = position in the sorted lists,
 * mp/ep = position among the active mentors/mentees.
 */
export interface Prepared {
  readonly mentors: readonly MatchMentor[];
  readonly mentees: readonly MatchMentee[];
  /** Sorted index → index in the input lists (the scores matrix uses input order). */
  readonly mentorInput: Int32Array;
  readonly menteeInput: Int32Array;
  readonly ineligibleMentor: readonly (Ineligible | null)[];
  readonly ineligibleMentee: readonly (Ineligible | null)[];
  readonly locks: readonly { m: number; e: number }[];
  /** Sorted indices of the active people and each active mentor's free places. */
  readonly activeMentors: Int32Array;
  readonly activeMentees: Int32Array;
  readonly freePlaces: Int32Array;
  /** Exclusions per active mentee (CSR of active mentor positions). */
  readonly excludedStart: Int32Array;
  readonly excludedMentor: Int32Array;
  readonly excludedKeys: ReadonlySet<string>;
  readonly hierarchy: Hierarchy;
  /** Same-chain pairs among the active people (left = mentees, right = mentors). */
  readonly conflicts: ChainConflicts;
  /** Re-match only: who is affected, per active position (a new pair needs one of them). */
  readonly affectedMentor: Uint8Array | null;
  readonly affectedMentee: Uint8Array | null;
  readonly warnings: MatchWarning[];
}

const byId = <T extends { id: string }>(list: readonly T[]): Int32Array =>
  Int32Array.from(list.keys()).sort((a, b) => {
    const x = (list[a] as T).id;
    const y = (list[b] as T).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });

const pairKey = (m: number, e: number) => `${m}:${e}`;

function ineligible(p: MatchMentor, trainingRequired: boolean, mentor: boolean): Ineligible | null {
  if (p.optedIn === false) return 'notOptedIn';
  if (p.active === false) return 'inactive';
  if (mentor && trainingRequired && p.trained !== true) return 'untrained';
  return null;
}

export function prepare(input: MatchInput, scope?: RematchScope): Prepared {
  const mentorInput = byId(input.mentors);
  const menteeInput = byId(input.mentees);
  const mentors = Array.from(mentorInput, (i) => input.mentors[i] as MatchMentor);
  const mentees = Array.from(menteeInput, (i) => input.mentees[i] as MatchMentee);
  const mentorAt = new Map(mentors.map((p, i) => [p.id, i]));
  const menteeAt = new Map(mentees.map((p, i) => [p.id, i]));
  const training = input.programme?.trainingRequired === true;
  const maxPlaces = input.programme?.maxMenteesPerMentor ?? 2;
  const ineligibleMentor = mentors.map((p) => ineligible(p, training, true));
  const ineligibleMentee = mentees.map((p) => ineligible(p, training, false));
  const capacity = mentors.map((p) => Math.min(p.capacity ?? 1, maxPlaces));
  const warnings: MatchWarning[] = [];
  const problems: string[] = [];

  /** Resolves an [a, b] pair naming one mentor and one mentee in either order. */
  const resolve = ([a, b]: [string, string]): { m: number; e: number } | null => {
    const m = mentorAt.get(a) ?? mentorAt.get(b);
    const e = menteeAt.get(a) ?? menteeAt.get(b);
    return m === undefined || e === undefined || (mentorAt.has(a) && mentorAt.has(b)) ? null : { m, e };
  };

  const excludedKeys = new Set<string>();
  const unknownExcluded = new Set<string>();
  for (const pair of input.exclude ?? []) {
    const r = resolve(pair);
    if (r) excludedKeys.add(pairKey(r.m, r.e));
    else for (const id of pair) if (!mentorAt.has(id) && !menteeAt.has(id)) unknownExcluded.add(id);
  }
  if (unknownExcluded.size > 0) {
    const ids = [...unknownExcluded].sort();
    warnings.push({
      code: 'exclude-unknown-id',
      ids,
      message: `exclusions name unknown ids (ignored): ${ids.join(', ')}`,
    });
  }

  const hierarchy = buildHierarchy(input.managerOf ?? {});
  for (const w of hierarchy.warnings) warnings.push({ code: `hierarchy-${w.code}`, ids: w.ids, message: w.message });

  const lockList = [...(input.lock ?? []).map((p) => ({ pair: p, from: 'lock' })), ...locksOf(scope)];
  const locks: { m: number; e: number }[] = [];
  const lockedMentee = new Set<number>();
  const used = new Int32Array(mentors.length);
  lockList.forEach(({ pair, from }, i) => {
    const at = `${from}[${from === 'lock' ? i : i - (input.lock?.length ?? 0)}]`;
    const r = resolve(pair);
    if (!r) return problems.push(`${at} must name one known mentor and one known mentee, got ${JSON.stringify(pair)}`);
    const mentor = mentors[r.m] as MatchMentor;
    const mentee = mentees[r.e] as MatchMentee;
    const custom = input.scores?.[mentorInput[r.m] as number]?.[menteeInput[r.e] as number];
    const why = lockConflict(r, mentor, mentee, ineligibleMentor, ineligibleMentee, excludedKeys, hierarchy, custom);
    if (why) problems.push(`${at} (${mentor.id}, ${mentee.id}) cannot be kept: ${why}`);
    if (lockedMentee.has(r.e)) problems.push(`${at}: mentee "${mentee.id}" is locked twice`);
    lockedMentee.add(r.e);
    used[r.m] = (used[r.m] as number) + 1;
    if ((used[r.m] as number) > (capacity[r.m] as number)) {
      problems.push(`${at}: mentor "${mentor.id}" is locked to more mentees than their capacity ${capacity[r.m]}`);
    }
    locks.push(r);
  });
  if (problems.length > 0) throw new MatchInputError(problems);
  locks.sort((a, b) => a.m - b.m || a.e - b.e);

  const activeMentors: number[] = [];
  const freePlaces: number[] = [];
  mentors.forEach((_, m) => {
    const free = (capacity[m] as number) - (used[m] as number);
    if (ineligibleMentor[m] === null && free > 0) {
      activeMentors.push(m);
      freePlaces.push(free);
    }
  });
  const activeMentees = mentees.map((_, e) => e).filter((e) => ineligibleMentee[e] === null && !lockedMentee.has(e));
  const mentorPos = new Int32Array(mentors.length).fill(-1);
  activeMentors.forEach((m, mp) => (mentorPos[m] = mp));
  const menteePos = new Int32Array(mentees.length).fill(-1);
  activeMentees.forEach((e, ep) => (menteePos[e] = ep));

  const perMentee: number[][] = activeMentees.map(() => []);
  for (const key of excludedKeys) {
    const [m, e] = key.split(':').map(Number) as [number, number];
    const mp = mentorPos[m] as number;
    const ep = menteePos[e] as number;
    if (mp >= 0 && ep >= 0) (perMentee[ep] as number[]).push(mp);
  }
  const excludedStart = new Int32Array(activeMentees.length + 1);
  perMentee.forEach((l, ep) => (excludedStart[ep + 1] = (excludedStart[ep] as number) + l.length));
  const excludedMentor = Int32Array.from(perMentee.flatMap((l) => l.sort((a, b) => a - b)));

  const scopeFlags = affectedFlags(scope, mentors, mentees, activeMentors, activeMentees, lockList, warnings);
  return {
    mentors,
    mentees,
    mentorInput,
    menteeInput,
    ineligibleMentor,
    ineligibleMentee,
    locks,
    activeMentors: Int32Array.from(activeMentors),
    activeMentees: Int32Array.from(activeMentees),
    freePlaces: Int32Array.from(freePlaces),
    excludedStart,
    excludedMentor,
    excludedKeys,
    hierarchy,
    conflicts: chainConflicts(
      hierarchy,
      activeMentees.map((e) => (mentees[e] as MatchMentee).id),
      activeMentors.map((m) => (mentors[m] as MatchMentor).id),
    ),
    affectedMentor: scopeFlags?.mentor ?? null,
    affectedMentee: scopeFlags?.mentee ?? null,
    warnings,
  };
}

function locksOf(scope: RematchScope | undefined): { pair: [string, string]; from: string }[] {
  return (scope?.fixedPairs ?? []).map((pair) => ({ pair, from: 'fixedPairs' }));
}

export function isExcluded(p: Prepared, m: number, e: number): boolean {
  return p.excludedKeys.has(pairKey(m, e));
}

function lockConflict(
  r: { m: number; e: number },
  mentor: MatchMentor,
  mentee: MatchMentee,
  ineligibleMentor: readonly (Ineligible | null)[],
  ineligibleMentee: readonly (Ineligible | null)[],
  excluded: ReadonlySet<string>,
  hierarchy: Hierarchy,
  customScore: number | null | undefined,
): string | null {
  const notOk = ineligibleMentor[r.m] ?? ineligibleMentee[r.e];
  if (notOk) return `${ineligibleMentor[r.m] ? mentor.id : mentee.id} is not eligible (${notOk})`;
  if (hierarchy.sameChain(mentor.id, mentee.id)) return 'they are in one management chain';
  if (excluded.has(pairKey(r.m, r.e))) return 'the pair is excluded';
  const langs = new Set(mentor.languages.map((l) => l.trim().toLowerCase()));
  if (!mentee.languages.some((l) => langs.has(l.trim().toLowerCase()))) return 'they share no language';
  if (customScore === null) return 'the scores matrix forbids it (null)';
  return null;
}

function affectedFlags(
  scope: RematchScope | undefined,
  mentors: readonly MatchMentor[],
  mentees: readonly MatchMentee[],
  activeMentors: readonly number[],
  activeMentees: readonly number[],
  lockList: readonly { pair: [string, string] }[],
  warnings: MatchWarning[],
): { mentor: Uint8Array; mentee: Uint8Array } | null {
  if (!scope) return null;
  const affected = new Set(scope.affectedIds);
  const fixed = new Set(lockList.flatMap((l) => l.pair));
  const both = [...affected].filter((id) => fixed.has(id)).sort();
  if (both.length > 0) throw new MatchInputError([`affectedIds also in a fixed pair or lock: ${both.join(', ')}`]);
  const known = new Set([...mentors, ...mentees].map((p) => p.id));
  const unknown = [...affected].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) {
    warnings.push({
      code: 'affected-unknown-id',
      ids: unknown,
      message: `affected ids not in the input: ${unknown.join(', ')}`,
    });
  }
  return {
    mentor: Uint8Array.from(activeMentors, (m) => (affected.has((mentors[m] as MatchMentor).id) ? 1 : 0)),
    mentee: Uint8Array.from(activeMentees, (e) => (affected.has((mentees[e] as MatchMentee).id) ? 1 : 0)),
  };
}
