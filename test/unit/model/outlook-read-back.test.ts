import {
  applyOutlookView,
  heldVsPlanned,
  type MeetingSeries,
  type Occurrence,
  type OutlookInstance,
  type OutlookView,
} from '../../../functions/src/core/model';
import { pairHealth } from '../../../functions/src/core/reports';

const NOW = '2026-03-10T12:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();
const occ = (index: number, days: number, extra: Partial<Occurrence> = {}): Occurrence => ({
  index,
  start: at(days),
  end: new Date(Date.parse(at(days)) + HOUR).toISOString(),
  status: 'planned',
  graphId: `o${index}`,
  ...extra,
});
const inst = (o: Occurrence, extra: Partial<OutlookInstance> = {}): OutlookInstance => ({
  id: o.graphId!,
  start: o.start,
  end: o.end,
  isCancelled: false,
  allowNewTimeProposals: false,
  answers: [],
  ...extra,
});
const view = (instances: OutlookInstance[], extra: Partial<OutlookView> = {}): OutlookView => ({
  seriesGone: false,
  instances,
  from: at(-30),
  to: at(120),
  ...extra,
});

describe('applying what Outlook holds to a series', () => {
  it('moves a session to its new time and lets its reminder and feedback request go out again', () => {
    const o = occ(1, 3, { remindedAt: at(-1) });
    const moved = { start: at(5), end: new Date(Date.parse(at(5)) + HOUR).toISOString() };
    const { occurrences, changes } = applyOutlookView({ occurrences: [o] }, view([inst(o, moved)]), NOW);
    expect(occurrences[0]).toMatchObject({ status: 'moved', ...moved });
    expect(occurrences[0]!.remindedAt).toBeUndefined();
    expect(changes).toEqual([{ index: 1, kind: 'moved', from: o.start, to: moved.start }]);
  });

  it('cancels a session Outlook no longer has, or all of them when the series is gone', () => {
    const [a, b] = [occ(0, 1), occ(1, 8)];
    expect(applyOutlookView({ occurrences: [a, b] }, view([inst(b)]), NOW).occurrences.map((o) => o.status)).toEqual([
      'cancelled',
      'planned',
    ]);
    const gone = applyOutlookView({ occurrences: [a, b] }, view([], { seriesGone: true }), NOW);
    expect(gone.occurrences.map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('leaves a session outside the window read alone, and never touches one feedback settled', () => {
    const far = occ(0, 200);
    const held = occ(1, -3, { status: 'held' });
    const { occurrences, changes } = applyOutlookView({ occurrences: [far, held] }, view([]), NOW);
    expect(occurrences).toEqual([far, held]);
    expect(changes).toEqual([]);
  });

  it('marks a session one of the pair declined, and plans it again when they accept after all', () => {
    const o = occ(0, 2);
    const declined = applyOutlookView(
      { occurrences: [o] },
      view([inst(o, { answers: [{ userId: 'mentor', response: 'declined' }] })]),
      NOW,
    );
    expect(declined.occurrences[0]).toMatchObject({ status: 'declined', declinedBy: ['mentor'] });
    const again = applyOutlookView(
      { occurrences: declined.occurrences },
      view([inst(o, { answers: [{ userId: 'mentor', response: 'accepted' }] })]),
      NOW,
    );
    expect(again.occurrences[0]!.status).toBe('planned');
    expect(again.occurrences[0]!.declinedBy).toBeUndefined();
  });

  it('keeps a proposed new time only where the event allows proposals', () => {
    const o = occ(0, 2);
    const proposedNewTime = { start: at(3), end: at(3.05) };
    const answers = [{ userId: 'mentee', response: 'tentativelyAccepted', proposedNewTime }];
    const allowed = applyOutlookView(
      { occurrences: [o] },
      view([inst(o, { answers, allowNewTimeProposals: true })]),
      NOW,
    );
    expect(allowed.occurrences[0]!.proposal).toEqual({ by: 'mentee', ...proposedNewTime });
    const refused = applyOutlookView({ occurrences: [o] }, view([inst(o, { answers })]), NOW);
    expect(refused.occurrences[0]!.proposal).toBeUndefined();
  });

  it('records that a past session took place when Outlook kept it with nobody declining', () => {
    const [past, declined] = [occ(0, -2), occ(1, -1)];
    const { occurrences } = applyOutlookView(
      { occurrences: [past, declined] },
      view([inst(past), inst(declined, { answers: [{ userId: 'mentee', response: 'declined' }] })]),
      NOW,
    );
    expect(occurrences[0]!.confirmedAt).toBe(NOW);
    expect(occurrences[1]!.confirmedAt).toBeUndefined();
    expect(heldVsPlanned({ occurrences } as MeetingSeries, NOW)).toEqual({ held: 1, planned: 2 });
  });
});

describe('pair health with Outlook’s word', () => {
  const frame = { cadence: { intervalWeeks: 1 }, phase: 'execution' as const };
  const active = { status: 'active' as const };

  it('does not flag a pair whose sessions Outlook kept, though nobody gave feedback', () => {
    const occurrences = [occ(0, -20), occ(1, -13), occ(2, -6), occ(3, 1)].map((o, i) =>
      i < 3 ? { ...o, confirmedAt: o.end } : o,
    );
    expect(pairHealth(active, { occurrences }, [], frame, NOW).flags).toEqual([]);
    // The same sessions without Outlook's word: flagged, as before.
    expect(
      pairHealth(active, { occurrences: occurrences.map(({ confirmedAt: _c, ...o }) => o) }, [], frame, NOW).flags,
    ).toEqual(['no-recent-meeting']);
  });

  it('flags a pair whose sessions were all declined', () => {
    const occurrences = [occ(0, -20), occ(1, -13), occ(2, -6), occ(3, 1)].map((o) => ({
      ...o,
      status: 'declined' as const,
      declinedBy: ['mentor'],
    }));
    expect(pairHealth(active, { occurrences }, [], frame, NOW).flags).toEqual(['no-recent-meeting']);
  });
});

describe('occurrence ids Outlook replaced', () => {
  it('links a session to the instance at its time when its stored id is gone, instead of cancelling it', () => {
    const o = occ(0, 2, { graphId: 'old-id' });
    const { occurrences, changes } = applyOutlookView({ occurrences: [o] }, view([inst(o, { id: 'new-id' })]), NOW);
    expect(occurrences[0]).toMatchObject({ status: 'planned', graphId: 'new-id' });
    expect(changes).toEqual([]);
  });
});
