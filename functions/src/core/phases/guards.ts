/**
 * When a programme may move to another phase, beyond the transition table: the facts about its
 * people and pairs decide. Pure, so the API, the timers and the tests share one rulebook.
 */
import { canTransition, PHASE_TRANSITIONS, type Phase, type Programme } from '../model';

export interface PhaseFacts {
  optedInMentors: number;
  optedInMentees: number;
  /** Mentors who can be matched now (trained when the programme requires it). */
  matchableMentors: number;
  /** Published pairs that still bind both people (proposed, confirmed or active). */
  livePublishedPairs: number;
  /** Proposals the manager has not published yet. */
  unpublishedProposals: number;
  /** A matching job is queued or running. */
  jobRunning: boolean;
}

/** Why the move is not allowed now; empty when it is. */
export function phaseBlockers(programme: Pick<Programme, 'phase' | 'topics'>, to: Phase, facts: PhaseFacts): string[] {
  const from = programme.phase;
  if (from === to) return [`The programme is already in ${to}.`];
  if (!canTransition(PHASE_TRANSITIONS, from, to)) {
    const allowed = PHASE_TRANSITIONS[from];
    return [
      `The programme cannot move from ${from} to ${to} (${allowed.length ? `allowed: ${allowed.join(', ')}` : `${from} is final`}).`,
    ];
  }
  const out: string[] = [];
  if (facts.jobRunning && to !== 'closed') out.push('A matching run is still going; wait for it to finish.');
  if (to === 'preparation' && from === 'draft' && programme.topics.length === 0)
    out.push('Name at least one topic before inviting people.');
  if (to === 'preparation' && from === 'matching' && facts.livePublishedPairs > 0)
    out.push('Pairs have been published; the programme cannot go back to preparation.');
  if (to === 'matching') {
    if (facts.optedInMentees === 0) out.push('No mentee has opted in yet.');
    if (facts.matchableMentors === 0)
      out.push(
        facts.optedInMentors === 0 ? 'No mentor has opted in yet.' : 'No mentor has finished the mentor training yet.',
      );
  }
  if (to === 'execution') {
    if (facts.livePublishedPairs === 0) out.push('Publish at least one pair before the programme starts.');
    if (facts.unpublishedProposals > 0)
      out.push(`${facts.unpublishedProposals} proposals are not published yet: publish or exclude them first.`);
  }
  return out;
}
