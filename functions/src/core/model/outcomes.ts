/**
 * When the self-assessments are open. The start one until the programme is under way; the end one
 * in the week of the person's last session (a self-assessment on day one of execution measures
 * nothing), and for everyone once the programme is in steering.
 */
import type { IsoDateTime } from './common';
import type { AssessmentKind } from './feedback';
import type { MeetingSeries } from './meeting';
import type { Phase } from './programme';

/** Days before the last session from which the end self-assessment is open. */
export const END_ASSESSMENT_LEAD_DAYS = 7;

const START_PHASES: readonly Phase[] = ['preparation', 'matching', 'execution'];

/** When a person's end self-assessment opens in execution: a week before their last session still on. */
export function endAssessmentOpensAt(
  series: readonly Pick<MeetingSeries, 'kind' | 'occurrences'>[],
): IsoDateTime | undefined {
  let last: number | undefined;
  for (const s of series) {
    if (s.kind !== 'pair-series') continue;
    for (const o of s.occurrences) {
      if (o.status === 'cancelled') continue;
      const start = Date.parse(o.start);
      if (last === undefined || start > last) last = start;
    }
  }
  return last === undefined ? undefined : new Date(last - END_ASSESSMENT_LEAD_DAYS * 86_400_000).toISOString();
}

/** Whether a self-assessment of `kind` is open now for a person whose end assessment opens at `opensAt`. */
export function isAssessmentOpen(
  kind: AssessmentKind,
  phase: Phase,
  opensAt: IsoDateTime | undefined,
  now: number,
): boolean {
  if (kind === 'start') return START_PHASES.includes(phase);
  if (phase === 'steering') return true;
  return phase === 'execution' && opensAt !== undefined && Date.parse(opensAt) <= now;
}
