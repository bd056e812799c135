/** Object mothers for matching tests: a plausible person, overridden where a test cares. */
import type { MatchMentee, MatchMentor } from '../../../../functions/src/core/matching';

export function mentor(id: string, over: Partial<MatchMentor> = {}): MatchMentor {
  return {
    id,
    capacity: 1,
    topics: ['teams', 'ai'],
    interests: ['cycling'],
    languages: ['de'],
    timezone: 'Europe/Berlin',
    weekdays: ['tue'],
    department: 'IT',
    jobLevel: 2,
    trained: true,
    ...over,
  };
}

export function mentee(id: string, over: Partial<MatchMentee> = {}): MatchMentee {
  return {
    id,
    topics: ['ai'],
    interests: ['cycling'],
    languages: ['de'],
    timezone: 'Europe/Berlin',
    weekdays: ['tue'],
    department: 'Finance',
    jobLevel: 8,
    ...over,
  };
}
