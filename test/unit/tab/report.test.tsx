/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { reportCsv } from '../../../tab/src/pages/report/report-csv';
import { BreakdownChart } from '../../../tab/src/pages/report/sections/breakdown-chart';
import { RatingsChart, TrendChart } from '../../../tab/src/pages/report/sections/ratings-chart';
import { MeetingsChart } from '../../../tab/src/pages/report/sections/meetings-chart';
import { defaultProgramme } from '../../../tab/src/pages/report/report-page';
import type { Report } from '../../../tab/src/api/types';
import { renderTab } from './support/render';
import { aProgramme } from './support/builders';

function aReport(overrides: Partial<Report> = {}): Report {
  const funnel = { invited: 51, optedIn: 51, matched: 46, confirmed: 46, active: 46, completed: 0 };
  return {
    programmeId: 'p-1',
    name: 'Digital Leadership',
    phase: 'execution',
    generatedAt: '2026-11-26T10:00:00.000Z',
    anonymityThreshold: 5,
    funnel,
    funnelByRole: { mentor: { ...funnel, invited: 27 }, mentee: { ...funnel, invited: 24 } },
    meetings: {
      planned: 69,
      held: 56,
      heldShare: 0.81,
      weekly: [
        { week: '2026-10-05', planned: 23, held: 20 },
        { week: '2026-10-12', planned: 0, held: 0 },
        { week: '2026-10-19', planned: 23, held: 19 },
        { week: '2026-10-26', planned: 0, held: 0 },
        { week: '2026-11-02', planned: 23, held: 17 },
      ],
    },
    ratings: {
      count: 92,
      raters: 41,
      suppressed: false,
      distribution: { '1': 4, '2': 3, '3': 14, '4': 32, '5': 39 },
      average: 4.08,
      trend: [
        { week: '2026-10-05', average: 4.2, count: 36 },
        { week: '2026-10-12', average: null, count: 0 },
        { week: '2026-10-19', average: null, count: 3 },
        { week: '2026-10-26', average: null, count: 0 },
        { week: '2026-11-02', average: 3.95, count: 53 },
      ],
    },
    assessments: [],
    pairs: { total: 23, active: 23, needingAttention: 4, noRecentMeeting: 2, lowRatings: 2 },
    breakdowns: {
      department: {
        rows: [
          {
            group: '=cmd|Sales',
            people: 28,
            matched: 25,
            active: 25,
            completed: 0,
            heldShare: 0.8,
            averageRating: 4.1,
          },
          {
            group: '(smaller groups)',
            people: 11,
            matched: 10,
            active: 10,
            completed: 0,
            heldShare: 0.7,
            averageRating: null,
          },
        ],
        suppressedGroups: 4,
        suppressed: false,
      },
      location: { rows: [], suppressedGroups: 3, suppressed: true },
      topic: { rows: [], suppressedGroups: 0, suppressed: false },
    },
    ...overrides,
  };
}

describe('the HR report', () => {
  it('exports one figure per line, with small groups only as their merged row and formulas defused', () => {
    const lines = reportCsv(aReport()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,group,measure,value');
    expect(lines).toContain('funnel,all,invited,51');
    expect(lines).toContain('ratingDistribution,5,count,39');
    expect(lines).toContain("by-department,'=cmd|Sales,people,28");
    expect(lines).toContain('by-department,(smaller groups),averageRating,');
    expect(lines.some((l) => l.startsWith('by-location'))).toBe(false);
  });

  it('says how many small groups were combined, and labels the merged row in the table', () => {
    renderTab(<BreakdownChart report={aReport()} by="department" />);
    expect(screen.getByTestId('by-department-note').textContent).toBe(
      '4 groups with fewer than 5 people are combined into one row.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByTestId('by-department-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstElementChild?.textContent)).toEqual(['=cmd|Sales', 'Smaller groups combined']);
    expect(rows[1]?.textContent).toContain('too few to show');
  });

  it('shows nothing of a breakdown whose groups are all below the threshold, and says why', () => {
    renderTab(<BreakdownChart report={aReport()} by="location" />);
    expect(screen.getByTestId('by-location-note').textContent).toBe(
      'Every group has fewer than 5 people, so none is shown.',
    );
    expect(document.querySelector('#by-location svg')).toBeNull();
  });

  it('draws the rating distribution as five labelled columns, and hides it when too few people rated', () => {
    const { unmount } = renderTab(<RatingsChart report={aReport()} />);
    const svg = screen.getByRole('img', { name: 'Number of session ratings from 1 to 5' });
    expect(svg.querySelectorAll('rect')).toHaveLength(5);
    unmount();
    renderTab(
      <RatingsChart
        report={aReport({
          ratings: { count: 6, raters: 3, suppressed: true, distribution: null, average: null, trend: [] },
        })}
      />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(
      screen.getAllByText('Fewer than 5 people have rated sessions, so the distribution is not shown.').length,
    ).toBeGreaterThan(0);
  });

  it('draws sessions planned and held per week, with the same weeks as a table', () => {
    renderTab(<MeetingsChart report={aReport()} />);
    const svg = screen.getByRole('img', { name: 'Sessions planned and held per week' });
    expect(svg.querySelectorAll('rect').length).toBeGreaterThanOrEqual(6);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByTestId('meetings-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['23', '20'],
      ['0', '0'],
      ['23', '19'],
      ['0', '0'],
      ['23', '17'],
    ]);
  });

  it('draws the rating trend through the rated weeks, a hidden week as a gap and “too few” in the table', () => {
    renderTab(<TrendChart report={aReport()} />);
    const svg = screen.getByRole('img', { name: 'Average session rating per week' });
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = within(screen.getByTestId('trend-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['4.2', '36'],
      ['–', '0'],
      ['too few to show', '3'],
      ['–', '0'],
      ['3.95', '53'],
    ]);
  });

  it('says so when no week had enough people rating, and draws no line', () => {
    const report = aReport();
    report.ratings.trend = [{ week: '2026-10-05', average: null, count: 4 }];
    renderTab(<TrendChart report={report} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(
      screen.getByText('In no week did 5 or more people rate their sessions, so no weekly average is shown.'),
    ).toBeTruthy();
  });

  it('puts the weekly series into the CSV', () => {
    const lines = reportCsv(aReport()).trimEnd().split('\r\n');
    expect(lines).toContain('meetingsPerWeek,2026-10-19,held,19');
    expect(lines).toContain('ratingTrend,2026-10-05,average,4.2');
    expect(lines).toContain('ratingTrend,2026-10-19,average,');
    expect(lines).toContain('ratingTrend,2026-10-19,count,3');
  });

  it('opens a running programme’s report first', () => {
    const list = [
      aProgramme({ id: 'draft', phase: 'draft' }),
      aProgramme({ id: 'steer', phase: 'steering' }),
      aProgramme({ id: 'run', phase: 'execution' }),
    ];
    expect(defaultProgramme(list)?.id).toBe('run');
  });
});
