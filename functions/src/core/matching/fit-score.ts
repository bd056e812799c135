import type { Features } from './features';
import type { MatchWeights } from './types';

/**
 * The built-in fit score. Each component earns a fraction of its weight; points are kept as integer
 * tenths so the optimiser works in exact integers and the breakdown adds up to the total.
 *  - topics: share of the mentee's wished topics the mentor can teach
 *  - interests: shared interests, full marks from 3
 *  - availability: common weekday × time-of-day slots, full marks from 3
 *  - timezone: full in the same zone, falling linearly to 0 at 6 hours apart
 *  - crossDepartment: both departments known and different (networking is a programme goal)
 *  - seniority: the mentee is senior to the mentor by job level (2+ levels full, 1 half), or, when
 *    levels are missing, by hire date (2+ years earlier full, 1+ year half). Never age.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = {
  topics: 40,
  interests: 20,
  availability: 15,
  timezone: 10,
  crossDepartment: 10,
  seniority: 5,
};

export const COMPONENTS = ['topics', 'interests', 'availability', 'timezone', 'crossDepartment', 'seniority'] as const;
export type Component = (typeof COMPONENTS)[number];

/** Shared interests or common slots needed for full marks. */
export const SATURATION = 3;
/** Time-zone distance (quarter hours) at which the time-zone component reaches 0. */
export const TZ_ZERO_QUARTERS = 24;

export interface ScoreTables {
  readonly weights: Readonly<MatchWeights>;
  /** Topic weight in tenths (topic points depend on the mentee's wish count, see topicTenths). */
  readonly topicWeight: number;
  /** Tenths by shared count 0..64 (more counts as 64). */
  readonly interests: Int32Array;
  readonly availability: Int32Array;
  /** Tenths by distance in quarter hours 0..TZ_ZERO_QUARTERS. */
  readonly timezone: Int32Array;
  readonly crossDepartment: number;
  readonly seniorityFull: number;
  readonly seniorityHalf: number;
  /** Highest possible score in tenths. */
  readonly max: number;
}

const tenths = (fraction: number, weight: number) => Math.round(fraction * weight * 10);

export function buildScoreTables(partial: Partial<MatchWeights> | undefined): ScoreTables {
  const weights = { ...DEFAULT_WEIGHTS, ...partial };
  const saturating = (w: number) =>
    Int32Array.from({ length: 65 }, (_, c) => tenths(Math.min(c, SATURATION) / SATURATION, w));
  const timezone = Int32Array.from({ length: TZ_ZERO_QUARTERS + 1 }, (_, q) =>
    tenths(1 - q / TZ_ZERO_QUARTERS, weights.timezone),
  );
  const t = {
    weights,
    topicWeight: weights.topics * 10,
    interests: saturating(weights.interests),
    availability: saturating(weights.availability),
    timezone,
    crossDepartment: tenths(1, weights.crossDepartment),
    seniorityFull: tenths(1, weights.seniority),
    seniorityHalf: tenths(0.5, weights.seniority),
  };
  const max =
    topicTenths(1, 1, t.topicWeight) +
    (t.interests[64] as number) +
    (t.availability[64] as number) +
    (t.timezone[0] as number) +
    t.crossDepartment +
    t.seniorityFull;
  return { ...t, max };
}

/** Topic points: the covered share of the mentee's wishes (0 when they wished for nothing). */
export function topicTenths(covered: number, wished: number, topicWeight: number): number {
  return wished === 0 ? 0 : Math.round((covered / wished) * topicWeight);
}

/** Interest points by the number of shared interests. */
export function interestTenths(t: ScoreTables, shared: number): number {
  return t.interests[Math.min(shared, 64)] as number;
}

/** Availability points by the number of common weekday × time-of-day slots (0..21). */
export function availabilityTenths(t: ScoreTables, common: number): number {
  return t.availability[common] as number;
}

/** Time-zone points of two UTC offsets in quarter hours. */
export function timezoneTenths(t: ScoreTables, menteeQuarters: number, mentorQuarters: number): number {
  return t.timezone[Math.min(Math.abs(menteeQuarters - mentorQuarters), TZ_ZERO_QUARTERS)] as number;
}

/** Cross-department points of two department indices (-1 = unknown). */
export function departmentTenths(t: ScoreTables, menteeDept: number, mentorDept: number): number {
  return menteeDept >= 0 && mentorDept >= 0 && menteeDept !== mentorDept ? t.crossDepartment : 0;
}

/** Seniority thresholds: job levels above the mentor, or days hired earlier, for full and half marks. */
export const SENIORITY = { fullLevels: 2, halfLevels: 1, fullDays: 730, halfDays: 365 } as const;

/** Seniority class by job levels the mentee is above the mentor: 2 full, 1 half, 0 none. */
export function seniorityByLevels(levelsAbove: number): number {
  return levelsAbove >= SENIORITY.fullLevels ? 2 : levelsAbove >= SENIORITY.halfLevels ? 1 : 0;
}

/** Seniority class by days the mentee was hired before the mentor (NaN, unknown: 0). */
export function seniorityByDays(daysEarlier: number): number {
  return daysEarlier >= SENIORITY.fullDays ? 2 : daysEarlier >= SENIORITY.halfDays ? 1 : 0;
}

/** Seniority points of a seniority class. */
export function seniorityTenths(t: ScoreTables, seniority: number): number {
  return seniority === 2 ? t.seniorityFull : seniority === 1 ? t.seniorityHalf : 0;
}

/** 2 = clearly senior mentee, 1 = somewhat, 0 = not (or unknown). */
export function seniorityClass(
  menteeLevel: number,
  mentorLevel: number,
  menteeHire: number,
  mentorHire: number,
): number {
  if (menteeLevel === menteeLevel && mentorLevel === mentorLevel) return seniorityByLevels(menteeLevel - mentorLevel);
  if (menteeHire === menteeHire && mentorHire === mentorHire) return seniorityByDays(mentorHire - menteeHire);
  return 0;
}

export function pop32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function commonBits(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number): number {
  let c = 0;
  for (let w = 0; w < words; w++) c += pop32((a[ai * words + w] as number) & (b[bi * words + w] as number));
  return c;
}

/** True when mentor and mentee share at least one language (a hard constraint). */
export function shareLanguage(f: Features, mentor: number, mentee: number): boolean {
  const w = f.languages.words;
  for (let k = 0; k < w; k++) {
    if (((f.mentors.languages[mentor * w + k] as number) & (f.mentees.languages[mentee * w + k] as number)) !== 0) {
      return true;
    }
  }
  return false;
}

/**
 * The fit of one pair per component, in tenths: each component's rule is the function named for it
 * above (topicTenths … seniorityTenths), and the fast row scorer (row-source.ts) and its WebAssembly
 * kernel only use those functions and tables built by them (ScoreTables; the per-row tables and the
 * hire-date table of row-tables.ts); a unit test holds the scorer equal to this reference.
 */
export function pairComponents(f: Features, t: ScoreTables, mentor: number, mentee: number): Record<Component, number> {
  const M = f.mentors;
  const E = f.mentees;
  const covered = commonBits(E.topics, mentee, M.topics, mentor, f.topics.words);
  const interests = commonBits(E.interests, mentee, M.interests, mentor, f.interests.words);
  const slots = pop32((E.slots[mentee] as number) & (M.slots[mentor] as number));
  const sen = seniorityClass(
    E.level[mentee] as number,
    M.level[mentor] as number,
    E.hireDay[mentee] as number,
    M.hireDay[mentor] as number,
  );
  return {
    topics: topicTenths(covered, E.topicCount[mentee] as number, t.topicWeight),
    interests: interestTenths(t, interests),
    availability: availabilityTenths(t, slots),
    timezone: timezoneTenths(t, E.tzQuarters[mentee] as number, M.tzQuarters[mentor] as number),
    crossDepartment: departmentTenths(t, E.department[mentee] as number, M.department[mentor] as number),
    seniority: seniorityTenths(t, sen),
  };
}
