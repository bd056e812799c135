/**
 * What the programme manager needs to review proposals honestly: the cautions on each unpublished
 * proposal (no common topic, time zones far apart, a low fit) and how far the proposals are from
 * the last run's optimum after manual changes (swaps, exclusions). Managers only; the pairs the
 * participants read never carry cautions.
 */
import { CAUTION_FIT_BELOW, CAUTION_TIMEZONE_HOURS, pairCautions, type Caution } from '../../core/matching/cautions';
import type { JobRecord } from '../../ports/records';
import type { AppDeps } from '../deps';
import { assertManager, type Caller } from '../caller';
import { loadProgramme } from '../support/access';
import { loadMatchContext } from './match-input';
import { MATCHING_JOB, type MatchingJobResult } from './run-matching';

export interface MatchingReview {
  /** Fit scores below this get a caution (shown to the manager with the caution). */
  fitBelow: number;
  /** Time zones this many hours apart or more get a caution. */
  timezoneHours: number;
  /** Cautions per unpublished proposal id; proposals without any are left out. */
  cautions: Record<string, Caution[]>;
  /** The last successful run: its total score and whether the engine proved it optimal. */
  lastRun: { jobId: string; totalScore: number; optimal: boolean; pairs: number } | null;
  /** The total score of the unpublished proposals now. */
  currentScore: number;
  /** Points the manual changes since the last run cost against it (0 when nothing changed). */
  cost: number;
  /** True when the proposals are no longer the ones the last run produced (swapped, excluded). */
  changed: boolean;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function lastSucceededRun(deps: AppDeps, programmeId: string): Promise<JobRecord | undefined> {
  const page = await deps.store.jobs.list(programmeId, {
    where: { kind: MATCHING_JOB, status: 'succeeded' },
    orderBy: 'finishedAt',
    descending: true,
    pageSize: 1,
  });
  return page.items[0];
}

export async function getMatchingReview(deps: AppDeps, caller: Caller, programmeId: string): Promise<MatchingReview> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const [ctx, job] = await Promise.all([loadMatchContext(deps, programme), lastSucceededRun(deps, programmeId)]);
  const byId = new Map(ctx.participants.map((p) => [p.userId, p]));
  const proposals = ctx.pairs.filter((p) => p.status === 'proposed' && !p.publishedAt);
  const cautions: Record<string, Caution[]> = {};
  for (const pair of proposals) {
    const mentor = byId.get(pair.mentorId);
    const mentee = byId.get(pair.menteeId);
    const found = pairCautions({
      mentorTopics: mentor?.teachTopics ?? [],
      menteeTopics: mentee?.learnTopics ?? [],
      ...(mentor?.timeZone ? { mentorTimeZone: mentor.timeZone } : {}),
      ...(mentee?.timeZone ? { menteeTimeZone: mentee.timeZone } : {}),
      score: pair.score,
      builtInScore: pair.explanation.breakdown.custom === undefined,
    });
    if (found.length) cautions[pair.id] = found;
  }
  const currentScore = round1(proposals.reduce((a, p) => a + p.score, 0));
  const result = job?.result as MatchingJobResult | undefined;
  const lastRun =
    job && result
      ? { jobId: job.id, totalScore: round1(result.totalScore), optimal: result.optimal, pairs: result.pairs }
      : null;
  const cost = lastRun ? Math.max(0, round1(lastRun.totalScore - currentScore)) : 0;
  const changed = lastRun && proposals.length ? cost > 0 || proposals.length !== lastRun.pairs : false;
  return {
    fitBelow: CAUTION_FIT_BELOW,
    timezoneHours: CAUTION_TIMEZONE_HOURS,
    cautions,
    lastRun,
    currentScore,
    cost,
    changed,
  };
}
