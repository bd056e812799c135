/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { MatchingBoard } from '../../../tab/src/pages/console/matching/matching-board';
import { ProposalCard } from '../../../tab/src/pages/console/matching/proposal-card';
import { WorkspaceProvider, type Workspace } from '../../../tab/src/pages/console/workspace-data';
import { fakeApi, renderTab } from './support/render';
import { aPair, aParticipant, aProgramme } from './support/builders';
import type { MatchingReview } from '../../../tab/src/api/types';

function aWorkspace(): Workspace {
  const participants = [
    aParticipant({ userId: 'm1', displayName: 'Mia Mentor', role: 'mentor' }),
    aParticipant({ userId: 'e1', displayName: 'Erika Mentee' }),
  ];
  const names = new Map(participants.map((p) => [p.userId, p.displayName]));
  return {
    programme: aProgramme({ phase: 'matching' }),
    participants,
    pairs: [aPair({ id: 'a', mentorId: 'm1', menteeId: 'e1', status: 'proposed', publishedAt: undefined, score: 23 })],
    name: (id) => names.get(id) ?? id,
    reload: jest.fn(async () => undefined),
    setProgramme: jest.fn(),
  };
}

const REVIEW: MatchingReview = {
  fitBelow: 40,
  timezoneHours: 3,
  cautions: {
    a: [
      { code: 'noCommonTopic', params: {} },
      { code: 'timezoneGap', params: { hours: 6 } },
      { code: 'lowFit', params: { score: 23, threshold: 40 } },
    ],
  },
  lastRun: { jobId: 'job-1', totalScore: 60, optimal: true, pairs: 1 },
  currentScore: 23,
  cost: 37,
  changed: true,
};

describe('an honest matching review in the tab', () => {
  beforeEach(() => localStorage.clear());

  it('shows the manager each caution with the threshold, and the cost of the changes with a re-run keeping the locks', async () => {
    const api = fakeApi({
      matchingReview: () => REVIEW,
      startMatching: () => ({ id: 'job-2', status: 'queued' }),
      job: () => ({ id: 'job-2', status: 'queued' }),
    });
    renderTab(
      <WorkspaceProvider value={aWorkspace()}>
        <MatchingBoard />
      </WorkspaceProvider>,
      { api },
    );
    const cautions = await screen.findByTestId('proposal-cautions');
    expect(
      within(cautions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['⚠ No common topic', '⚠ Time zones 6 h apart', '⚠ Fit 23 is below 40']);
    expect(screen.getByTestId('cautions-summary').textContent).toContain('1 proposal has a caution');
    expect(screen.getByTestId('matching-cost').textContent).toContain(
      'Optimal before your changes; your changes cost 37 points (23 instead of 60).',
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId('rerun-keeping-locks'));
    });
    expect(api.startMatching).toHaveBeenCalledWith('p-1');
  });

  it('gives a score component the same colour on every card, whatever parts come before it', () => {
    const colourOfTimezone = (breakdown: Record<string, number>) => {
      const { container } = renderTab(
        <ProposalCard
          pair={aPair({ id: 'x', explanation: { breakdown, reasons: [] } })}
          name={(id) => id}
          topicNames={{}}
          selected={false}
          onSelect={() => undefined}
          onLock={() => undefined}
          onExclude={() => undefined}
          busy={false}
          readOnly
        />,
      );
      const style = (container.querySelector('[data-component="timezone"]') as HTMLElement).style.background;
      container.remove();
      return style;
    };
    expect(colourOfTimezone({ topics: 40, interests: 6, timezone: 10 })).toBe(colourOfTimezone({ timezone: 10 }));
  });
});
