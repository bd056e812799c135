/**
 * What Outlook says about a pair's sessions, applied to the series as Tandem stores it: a moved
 * occurrence takes its new time (its reminder and feedback request follow it), one cancelled or
 * deleted in Outlook is cancelled, one that either of the pair declined is `declined`, a proposed new
 * time is kept where the event allows proposals, and a session Outlook kept to its end with neither
 * declining counts as having taken place. Pure: the ids of the two people are resolved by the caller.
 */
import type { IsoDateTime } from './common';
import type { MeetingSeries, Occurrence } from './meeting';

/** One instance as Outlook holds it, attendees already resolved to the pair's user ids. */
export interface OutlookInstance {
  id: string;
  start: IsoDateTime;
  end: IsoDateTime;
  isCancelled: boolean;
  allowNewTimeProposals: boolean;
  /** Answers of the pair's people (user id → answer), others left out. */
  answers: { userId: string; response: string; proposedNewTime?: { start: IsoDateTime; end: IsoDateTime } }[];
}

export interface OutlookView {
  /** The series master is deleted or cancelled: no session is left. */
  seriesGone: boolean;
  instances: OutlookInstance[];
  /** The window the instances were read for: an occurrence inside it and absent is cancelled. */
  from: IsoDateTime;
  to: IsoDateTime;
}

export type OutlookChange =
  | { index: number; kind: 'moved'; from: IsoDateTime; to: IsoDateTime }
  | { index: number; kind: 'cancelled' }
  | { index: number; kind: 'declined'; by: string[] }
  | { index: number; kind: 'accepted-again' }
  | { index: number; kind: 'proposal'; by: string; start: IsoDateTime; end: IsoDateTime }
  | { index: number; kind: 'took-place' };

/** Statuses the read-back leaves alone: feedback already said whether the session was held. */
const SETTLED = new Set<Occurrence['status']>(['held', 'missed', 'cancelled']);

function withoutKeys<T extends object>(o: T, keys: readonly (keyof T)[]): T {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

/** The series' occurrences after Outlook's view, and what changed (for the audit log). */
export function applyOutlookView(
  series: Pick<MeetingSeries, 'occurrences'>,
  view: OutlookView,
  now: IsoDateTime,
): { occurrences: Occurrence[]; changes: OutlookChange[] } {
  const changes: OutlookChange[] = [];
  const t = Date.parse(now);
  const byId = new Map(view.instances.map((i) => [i.id, i]));
  const claimed = new Set(series.occurrences.map((o) => o.graphId).filter((id): id is string => Boolean(id)));
  const occurrences = series.occurrences.map((o): Occurrence => {
    if (SETTLED.has(o.status)) return o;
    if (view.seriesGone) {
      changes.push({ index: o.index, kind: 'cancelled' });
      return { ...withoutKeys(o, ['proposal']), status: 'cancelled' };
    }
    let inst = o.graphId ? byId.get(o.graphId) : undefined;
    // No id, or one Outlook no longer has (a series whose pattern was changed gets new occurrence
    // ids): an instance at the same time that no other session claims is the same session.
    if (!inst) {
      inst = view.instances.find((i) => !claimed.has(i.id) && Date.parse(i.start) === Date.parse(o.start));
      if (inst) claimed.add(inst.id);
    }
    if (!inst || inst.isCancelled) {
      const inWindow = Date.parse(o.start) >= Date.parse(view.from) && Date.parse(o.start) < Date.parse(view.to);
      if (!inst && !inWindow) return o;
      changes.push({ index: o.index, kind: 'cancelled' });
      return { ...withoutKeys(o, ['proposal']), status: 'cancelled' };
    }
    let next: Occurrence = { ...o, graphId: inst.id };
    const start = new Date(inst.start).toISOString();
    const end = new Date(inst.end).toISOString();
    if (Date.parse(start) !== Date.parse(o.start) || Date.parse(end) !== Date.parse(o.end)) {
      changes.push({ index: o.index, kind: 'moved', from: o.start, to: start });
      next = { ...next, start, end, status: next.status === 'declined' ? 'declined' : 'moved' };
      // The reminder and the feedback request follow the new time (they go out again for it).
      if (next.remindedAt && Date.parse(start) > t) next = withoutKeys(next, ['remindedAt']);
      if (next.feedbackRequestedAt && Date.parse(end) > t) next = withoutKeys(next, ['feedbackRequestedAt']);
      next = withoutKeys(next, ['confirmedAt']);
    }
    const decliners = inst.answers.filter((a) => a.response === 'declined').map((a) => a.userId);
    if (decliners.length) {
      if (next.status !== 'declined' || JSON.stringify(next.declinedBy) !== JSON.stringify(decliners))
        changes.push({ index: o.index, kind: 'declined', by: decliners });
      next = { ...withoutKeys(next, ['confirmedAt']), status: 'declined', declinedBy: decliners };
    } else if (next.status === 'declined') {
      changes.push({ index: o.index, kind: 'accepted-again' });
      next = { ...withoutKeys(next, ['declinedBy']), status: next.start !== o.start ? 'moved' : 'planned' };
    }
    const proposer = inst.allowNewTimeProposals ? inst.answers.find((a) => a.proposedNewTime) : undefined;
    if (proposer?.proposedNewTime) {
      const proposal = { by: proposer.userId, ...proposer.proposedNewTime };
      if (JSON.stringify(next.proposal) !== JSON.stringify(proposal))
        changes.push({ index: o.index, kind: 'proposal', ...proposal });
      next = { ...next, proposal };
    } else if (next.proposal) next = withoutKeys(next, ['proposal']);
    if ((next.status === 'planned' || next.status === 'moved') && !next.confirmedAt && Date.parse(next.end) <= t) {
      changes.push({ index: o.index, kind: 'took-place' });
      next = { ...next, confirmedAt: now };
    }
    return next;
  });
  return { occurrences, changes };
}
