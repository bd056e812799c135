/**
 * "Where do I stand and what is next" for one person in one programme: phase, role, the partner of
 * each live pair, the next session (and a pause), and what is due from them (an answer to a
 * proposal, feedback on a past session, a self-assessment, the mentor training). Read-only; the bot's
 * status card and the tab render it.
 */
import {
  isEnrollmentOpen,
  isLivePair,
  partnerOf,
  roleIn,
  seriesIdOf,
  type IsoDate,
  type Pair,
  type Participant,
  type Phase,
} from '../core/model';
import type { AppDeps } from './deps';
import type { Caller } from './caller';
import { getParticipant } from './enrollment';
import { isOwnAssessmentOpen, listOwnAssessments, listOwnFeedback } from './feedback';
import { loadVisibleProgramme } from './support/access';
import { livePairsOf } from './support/end-pairs';

/** Feedback is asked for sessions of the last four weeks. */
const FEEDBACK_DAYS = 28;
const DAY = 86_400_000;

export type DueItem =
  | { kind: 'invitation' }
  | { kind: 'proposal'; pairId: string }
  | { kind: 'feedback'; pairId: string; occurrenceIndex: number; start: string }
  | { kind: 'assessment'; assessment: 'start' | 'end' }
  | { kind: 'training' };

export interface PairNext {
  pairId: string;
  status: Pair['status'];
  partner: { userId: string; displayName: string; upn?: string };
  seriesId?: string;
  /** The next session that takes place: its index, start (UTC), the series' zone and Teams link. */
  next?: { index: number; start: string; end: string; timeZone: string; joinUrl?: string };
  /** Sessions are paused until this date (the first day back), when that is still ahead. */
  pausedUntil?: IsoDate;
  /** The series is booked and the pair active: sessions can be moved or paused. */
  booked: boolean;
}

export interface WhatsNext {
  programme: { id: string; name: string; phase: Phase };
  status: Participant['status'];
  role?: Participant['role'];
  pairs: PairNext[];
  due: DueItem[];
}

export async function whatsNext(deps: AppDeps, caller: Caller, programmeId: string): Promise<WhatsNext> {
  const { programme } = await loadVisibleProgramme(deps, caller, programmeId);
  const me = await getParticipant(deps, caller, programmeId, caller.userId);
  const now = deps.clock.now().getTime();
  const today = new Date(now).toISOString().slice(0, 10);
  const pairs = (await livePairsOf(deps, programmeId, caller.userId)).filter(
    (p) => isLivePair(p) && (p.status !== 'proposed' || p.publishedAt),
  );
  const [feedback, assessments] = await Promise.all([
    listOwnFeedback(deps, caller, programmeId),
    listOwnAssessments(deps, caller, programmeId),
  ]);
  const given = new Set(feedback.map((f) => `${f.pairId}:${f.occurrenceIndex}`));
  const due: DueItem[] = [];
  const out: PairNext[] = [];
  for (const pair of pairs) {
    const partnerId = partnerOf(pair, caller.userId) ?? '';
    const user = await deps.directory.getUser(partnerId);
    const role = roleIn(pair, caller.userId);
    if (pair.status === 'proposed' && role && pair[role].state === 'pending')
      due.push({ kind: 'proposal', pairId: pair.id });
    const series = await deps.store.meetings.find(programmeId, seriesIdOf(pair.id));
    const entry: PairNext = {
      pairId: pair.id,
      status: pair.status,
      partner: {
        userId: partnerId,
        displayName: user?.displayName ?? partnerId,
        ...((user?.userPrincipalName ?? user?.mail) ? { upn: user?.userPrincipalName ?? user?.mail } : {}),
      },
      booked: pair.status === 'active' && series?.status === 'booked',
    };
    if (series && series.status === 'booked') {
      entry.seriesId = series.id;
      const upcoming = series.occurrences
        .filter((o) => Date.parse(o.start) > now && (o.status === 'planned' || o.status === 'moved'))
        .sort((a, b) => a.start.localeCompare(b.start))[0];
      if (upcoming)
        entry.next = {
          index: upcoming.index,
          start: upcoming.start,
          end: upcoming.end,
          timeZone: series.timeZone,
          ...(series.joinUrl ? { joinUrl: series.joinUrl } : {}),
        };
      if (series.pause && series.pause.until > today) entry.pausedUntil = series.pause.until;
      const owed = series.occurrences
        .filter(
          (o) =>
            Date.parse(o.end) <= now &&
            Date.parse(o.end) > now - FEEDBACK_DAYS * DAY &&
            (o.status === 'planned' || o.status === 'moved' || o.status === 'held') &&
            !given.has(`${pair.id}:${o.index}`),
        )
        .sort((a, b) => b.start.localeCompare(a.start))[0];
      if (owed) due.push({ kind: 'feedback', pairId: pair.id, occurrenceIndex: owed.index, start: owed.start });
    }
    out.push(entry);
  }
  if (me.status === 'invited' && isEnrollmentOpen(programme.phase)) due.push({ kind: 'invitation' });
  if (me.status === 'opted-in' && me.role) {
    for (const kind of ['start', 'end'] as const) {
      if (
        !assessments.some((a) => a.kind === kind) &&
        (await isOwnAssessmentOpen(deps, programme, caller.userId, kind))
      )
        due.push({ kind: 'assessment', assessment: kind });
    }
    if (
      me.role === 'mentor' &&
      programme.trainingRequired &&
      !me.trainingCompletedAt &&
      (programme.phase === 'preparation' || programme.phase === 'matching')
    )
      due.push({ kind: 'training' });
  }
  return {
    programme: { id: programme.id, name: programme.name, phase: programme.phase },
    status: me.status,
    ...(me.role ? { role: me.role } : {}),
    pairs: out,
    due,
  };
}
