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

/** Built-in score: every component with its points; the top components (points > 0) as reasons. */
export function explainBuiltIn(
  f: Features,
  t: ScoreTables,
  mentor: number,
  mentee: number,
  locked: boolean,
): PairExplanation {
  const parts = pairComponents(f, t, mentor, mentee);
  const breakdown: ScoreBreakdown = {};
  let units = 0;
  for (const c of COMPONENTS) {
    units += parts[c];
    breakdown[c] = parts[c] / 10;
  }
  const ranked = COMPONENTS.filter((c) => parts[c] > 0).sort((a, b) => parts[b] - parts[a]);
  const reasons: Reason[] = locked ? [{ key: 'reason.locked', params: {} }] : [];
  for (const c of ranked) {
    if (reasons.length >= MAX_REASONS) break;
    reasons.push(componentReason(f, c, mentor, mentee));
  }
  if (reasons.length < MAX_REASONS) reasons.push(languageReason(f, mentor, mentee));
  return { units, breakdown, reasons };
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
