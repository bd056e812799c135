/**
 * The test programme's people and inputs, shared by the API flow (test/integration/api/support/flow.ts)
 * and the use-case flow (test/support/use-case-flow.ts): seniors learn, juniors teach.
 */
export const MENTEES = ['sales-senior-1', 'sales-senior-2', 'it-senior-1', 'it-senior-2'];
export const MENTORS = ['sales-junior-3', 'sales-junior-4', 'it-junior-3', 'it-junior-4'];

export function profile(role: 'mentor' | 'mentee') {
  return {
    role,
    teachTopics: role === 'mentor' ? ['ai', 'teams'] : [],
    learnTopics: role === 'mentee' ? ['ai'] : [],
    interests: ['cycling'],
    languages: ['en', 'de'],
    timeZone: 'Europe/Berlin',
    weekdays: ['tue', 'wed'],
    times: ['morning'],
  };
}

export const NEW_PROGRAMME = {
  name: 'Digital Leadership',
  description: 'Juniors show seniors the new tools.',
  topics: [
    { id: 'ai', name: 'AI assistants' },
    { id: 'teams', name: 'Teams & Loop' },
  ],
  anonymityThreshold: 2,
  consentTextVersion: '2026-01',
};
