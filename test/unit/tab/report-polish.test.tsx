/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { BreakdownChart } from '../../../tab/src/pages/report/sections/breakdown-chart';
import { Kpis } from '../../../tab/src/pages/report/sections/kpis';
import { AssessmentChart } from '../../../tab/src/pages/report/sections/assessment-chart';
import { wrapLabel } from '../../../tab/src/components/charts/bar-list';
import type { Report } from '../../../tab/src/api/types';
import { renderTab } from './support/render';

const row = (group: string, people: number) => ({
  group,
  people,
  matched: people,
  active: people,
  completed: 0,
  heldShare: null,
  averageRating: null,
});

function aReport(overrides: Partial<Report> = {}): Report {
  const funnel = { invited: 30, optedIn: 28, matched: 24, confirmed: 24, active: 24, completed: 24 };
  return {
    programmeId: 'p-1',
    name: 'New Ways of Working',
    phase: 'execution',
    generatedAt: '2026-11-26T10:00:00.000Z',
    anonymityThreshold: 5,
    funnel,
    funnelByRole: { mentor: funnel, mentee: funnel },
    meetings: { planned: 0, held: 0, heldShare: null, weekly: [] },
    ratings: { count: 0, raters: 0, suppressed: true, distribution: null, average: null, trend: [] },
    assessments: [],
    pairs: { total: 12, active: 12, completed: 12, needingAttention: 0, noRecentMeeting: 0, lowRatings: 0 },
    breakdowns: {
      department: {
        rows: [row('IT', 12), row('(smaller groups)', 12)],
        suppressedGroups: 3,
        suppressed: false,
        mergedGroups: ['HR', 'Legal', 'Sales'],
        addedToProtect: 1,
      },
      location: { rows: [], suppressedGroups: 0, suppressed: false },
      topic: { rows: [], suppressedGroups: 0, suppressed: false },
    },
    ...overrides,
  };
}

describe('report polish', () => {
  it('names the merged groups and why, without any group’s size', () => {
    renderTab(<BreakdownChart report={aReport()} by="department" />);
    expect(screen.getByTestId('by-department-note').textContent).toBe(
      'Groups with fewer than 5 people are not shown on their own; combined into one row: HR, Legal and Sales. ' +
        '1 larger group was added so that the small ones cannot be worked out by subtraction.',
    );
  });

  it('says the same in German', () => {
    renderTab(<BreakdownChart report={aReport()} by="department" />, { lang: 'de' });
    expect(screen.getByTestId('by-department-note').textContent).toBe(
      'Gruppen mit weniger als 5 Personen erscheinen nicht einzeln; in einer Zeile zusammengefasst: HR, Legal und Sales. ' +
        '1 größere Gruppe wurde hinzugenommen, damit sich die kleinen nicht herausrechnen lassen.',
    );
  });

  it('shows a closed programme’s completed pairs, not "active pairs" next to "completed"', () => {
    const closed = renderTab(<Kpis report={aReport({ phase: 'closed' })} />);
    expect(screen.queryByText('Active pairs')).toBeNull();
    expect(screen.getByText('Completed pairs').nextElementSibling?.textContent).toBe('12');
    closed.unmount();
    renderTab(<Kpis report={aReport({ phase: 'execution' })} />);
    expect(screen.getByText('Active pairs')).toBeTruthy();
  });

  it('shows the start of the programme when enough people rated it, before any end ratings', () => {
    const assessments = [
      {
        topicId: 'ai',
        topicName: 'AI',
        role: 'mentee' as const,
        people: 0,
        startAverage: null,
        endAverage: null,
        change: null,
        suppressed: true,
      },
    ];
    renderTab(
      <AssessmentChart
        report={aReport({
          assessments,
          assessmentStarts: [
            { topicId: 'ai', topicName: 'AI', role: 'mentee', people: 6, average: 2.5, suppressed: false },
            { topicId: 'ai', topicName: 'AI', role: 'mentor', people: 0, average: null, suppressed: true },
          ],
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Self-assessment at the start' })).toBeTruthy();
    expect(document.querySelector('#assessments svg')?.textContent).toContain('2.5');
  });

  it('wraps a long chart label into lines instead of cutting it off', () => {
    const label = 'Microsoft Teams & Loop · mentor';
    const lines = wrapLabel(label, 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(120 / 7));
    expect(wrapLabel('Selbsteinschätzungsveränderungsübersicht', 100).join('').replace(/-/g, '')).toBe(
      'Selbsteinschätzungsveränderungsübersicht',
    );
  });
});
