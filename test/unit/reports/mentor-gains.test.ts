import { computeReport } from '../../../functions/src/core/reports';
import { reportCsv } from '../../../functions/src/core/reports/report-csv';
import { aProgramme, anAssessment } from '../../support/builders';
import type { Assessment } from '../../../functions/src/core/model';

function input(assessments: Assessment[]) {
  return {
    programme: aProgramme({ anonymityThreshold: 3, phase: 'steering' }),
    participants: [],
    pairs: [],
    meetings: [],
    feedback: [],
    assessments,
    groups: new Map(),
    now: '2026-07-01T00:00:00.000Z',
  };
}

const mentorEnd = (i: number, leadership: number) =>
  anAssessment({
    id: `m-${i}`,
    userId: `mentor-${i}`,
    role: 'mentor',
    kind: 'end',
    ratings: {},
    gains: { leadership },
  });

describe('what mentors gained, in the report', () => {
  it('stays hidden below the anonymity threshold and counts only mentors’ end assessments', () => {
    const few = computeReport(
      input([
        mentorEnd(1, 5),
        mentorEnd(2, 4),
        anAssessment({ id: 'x', userId: 'mentee-1', role: 'mentee', kind: 'end', gains: { leadership: 1 } }),
      ]),
    ).mentorGains;
    expect(few).toEqual([
      { gain: 'leadership', people: 0, average: null, suppressed: true },
      { gain: 'seniorPerspective', people: 0, average: null, suppressed: true },
    ]);
  });

  it('shows the average once at least the threshold’s number of mentors answered', () => {
    const gains = computeReport(input([mentorEnd(1, 5), mentorEnd(2, 4), mentorEnd(3, 3)])).mentorGains;
    expect(gains?.[0]).toEqual({ gain: 'leadership', people: 3, average: 4, suppressed: false });
    expect(gains?.[1]).toMatchObject({ gain: 'seniorPerspective', suppressed: true });
  });

  it('goes into the CSV only where shown', () => {
    const report = computeReport(input([mentorEnd(1, 5), mentorEnd(2, 4), mentorEnd(3, 3)]));
    const lines = reportCsv(report).trimEnd().split('\r\n');
    expect(lines).toContain('mentorGains,leadership,people,3');
    expect(lines).toContain('mentorGains,leadership,average,4');
    expect(lines.some((l) => l.startsWith('mentorGains,seniorPerspective'))).toBe(false);
  });
});
