import { sharedNames, type Features } from './features';
import { COMPONENTS, pairComponents, pop32, seniorityClass, type Component, type ScoreTables } from './fit-score';
import { TIMES_OF_DAY, WEEKDAYS, type Reason, type ScoreBreakdown } from './types';

const MAX_REASONS = 3;

/** A pair's breakdown (points) and its strongest reasons, strongest first. */
export interface PairExplanation {
  units: number;
  breakdown: ScoreBreakdown;
  reasons: Reason[];
}

function days(slots: number): string[] {
  const out: string[] = [];
  WEEKDAYS.forEach((d, i) => {
    if ((slots >>> (i * TIMES_OF_DAY.length)) & 0b111) out.push(d);
  });
  return out;
}

function componentReason(f: Features, c: Component, mentor: number, mentee: number): Reason {
  const M = f.mentors;
  const E = f.mentees;
  switch (c) {
    case 'topics': {
      const topics = sharedNames(f.topics, E.topics, mentee, M.topics, mentor);
      return {
        key: 'reason.topics',
        params: { topics, covered: topics.length, wished: E.topicCount[mentee] as number },
      };
    }
    case 'interests':
      return {
        key: 'reason.interests',
        params: { interests: sharedNames(f.interests, E.interests, mentee, M.interests, mentor) },
      };
    case 'availability': {
      const both = (E.slots[mentee] as number) & (M.slots[mentor] as number);
      return { key: 'reason.availability', params: { days: days(both), slots: pop32(both) } };
    }
    case 'timezone': {
      const hours = Math.abs((E.tzQuarters[mentee] as number) - (M.tzQuarters[mentor] as number)) / 4;
      return hours === 0
        ? { key: 'reason.timezone.same', params: {} }
        : { key: 'reason.timezone.close', params: { hours } };
    }
    case 'crossDepartment':
      return {
        key: 'reason.crossDepartment',
        params: {
          mentorDepartment: f.departments[M.department[mentor] as number] as string,
          menteeDepartment: f.departments[E.department[mentee] as number] as string,
        },
      };
    case 'seniority': {
      const byLevel = E.level[mentee] === E.level[mentee] && M.level[mentor] === M.level[mentor];
      const strong =
        seniorityClass(
          E.level[mentee] as number,
          M.level[mentor] as number,
          E.hireDay[mentee] as number,
          M.hireDay[mentor] as number,
        ) === 2;
      return {
        key: byLevel ? 'reason.seniority.level' : 'reason.seniority.tenure',
        params: { strong: strong ? 1 : 0 },
      };
    }
  }
}

function languageReason(f: Features, mentor: number, mentee: number): Reason {
  return {
    key: 'reason.language',
    params: { languages: sharedNames(f.languages, f.mentees.languages, mentee, f.mentors.languages, mentor) },
  };
}

/**
 * Built-in score: every component with its points; the top components (points > 0) as reasons,
 * strongest first (equal points in COMPONENTS order). Runs once per pair found (thousands per solve,
 * much of it before V8 optimises it), so it reads the parts by name and ranks six numbers by
 * insertion, without keyed lookups or callbacks.
 */
export function explainBuiltIn(
  f: Features,
  t: ScoreTables,
  mentor: number,
  mentee: number,
  locked: boolean,
): PairExplanation {
  const parts = pairComponents(f, t, mentor, mentee);
  const points = [
    parts.topics,
    parts.interests,
    parts.availability,
    parts.timezone,
    parts.crossDepartment,
    parts.seniority,
  ];
  const breakdown: ScoreBreakdown = {
    topics: parts.topics / 10,
    interests: parts.interests / 10,
    availability: parts.availability / 10,
    timezone: parts.timezone / 10,
    crossDepartment: parts.crossDepartment / 10,
    seniority: parts.seniority / 10,
  };
  // Components with points, by points descending; a stable insertion keeps COMPONENTS order on ties.
  const ranked: number[] = [];
  for (let c = 0; c < points.length; c++) {
    const x = points[c] as number;
    if (x <= 0) continue;
    let at = ranked.length;
    while (at > 0 && (points[ranked[at - 1] as number] as number) < x) at--;
    ranked.splice(at, 0, c);
  }
  // "Kept as fixed" comes on top of the reasons, never instead of one: a swapped (locked) pair is
  // explained as completely as the engine's own.
  const reasons: Reason[] = [];
  for (let q = 0; q < ranked.length && reasons.length < MAX_REASONS; q++) {
    reasons.push(componentReason(f, COMPONENTS[ranked[q] as number] as Component, mentor, mentee));
  }
  if (reasons.length < MAX_REASONS) reasons.push(languageReason(f, mentor, mentee));
  if (locked) reasons.unshift({ key: 'reason.locked', params: {} });
  return {
    units:
      parts.topics + parts.interests + parts.availability + parts.timezone + parts.crossDepartment + parts.seniority,
    breakdown,
    reasons,
  };
}

/** Custom score: the matrix value is the whole story, plus the common language. */
export function explainCustom(
  f: Features,
  units: number,
  score: number,
  mentor: number,
  mentee: number,
  locked: boolean,
): PairExplanation {
  const reasons: Reason[] = locked ? [{ key: 'reason.locked', params: {} }] : [];
  reasons.push({ key: 'reason.customScore', params: { score } });
  reasons.push(languageReason(f, mentor, mentee));
  return { units, breakdown: { custom: score }, reasons };
}
