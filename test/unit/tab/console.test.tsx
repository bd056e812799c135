/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { MatchingBoard } from '../../../tab/src/pages/console/matching/matching-board';
import { CreateProgramme } from '../../../tab/src/pages/console/create-programme';
import { pairRows } from '../../../tab/src/pages/console/execution/pairs-meetings';
import { WorkspaceProvider, type Workspace } from '../../../tab/src/pages/console/workspace-data';
import {
  programmeDraftErrors,
  programmeInput,
  emptyDraft,
  topicId,
} from '../../../tab/src/pages/console/programme-draft';
import { fakeApi, renderTab } from './support/render';
import { NOW, aPair, aParticipant, aProgramme, aSeries, iso } from './support/builders';

function aWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  const participants = [
    aParticipant({ userId: 'm1', displayName: 'Mia Mentor', role: 'mentor' }),
    aParticipant({ userId: 'm2', displayName: 'Max Mentor', role: 'mentor' }),
    aParticipant({ userId: 'e1', displayName: 'Erika Mentee' }),
    aParticipant({ userId: 'e2', displayName: 'Emil Mentee' }),
  ];
  const names = new Map(participants.map((p) => [p.userId, p.displayName]));
  return {
    programme: aProgramme({ phase: 'matching' }),
    participants,
    pairs: [
      aPair({
        id: 'a',
        mentorId: 'm1',
        menteeId: 'e1',
        status: 'proposed',
        publishedAt: undefined,
        score: 80,
        etag: 'ea',
      }),
      aPair({
        id: 'b',
        mentorId: 'm2',
        menteeId: 'e2',
        status: 'proposed',
        publishedAt: undefined,
        score: 70,
        etag: 'eb',
      }),
    ],
    name: (id) => names.get(id) ?? id,
    reload: jest.fn(async () => undefined),
    setProgramme: jest.fn(),
    ...overrides,
  };
}

describe('the matching review board', () => {
  beforeEach(() => localStorage.clear());

  it('shows each proposal with both names, its score and the reasons, best first', () => {
    renderTab(
      <WorkspaceProvider value={aWorkspace()}>
        <MatchingBoard />
      </WorkspaceProvider>,
      { api: fakeApi() },
    );
    const cards = screen.getAllByTestId('proposal');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual([
      'Mia Mentor and Erika Mentee',
      'Max Mentor and Emil Mentee',
    ]);
    expect(within(cards[0] as HTMLElement).getByText('Covers 1 of 1 wished topics: AI assistants')).toBeTruthy();
    expect(within(cards[0] as HTMLElement).getByText('80')).toBeTruthy();
  });

  it('offers the swap once two proposals are chosen, and swaps exactly those two', async () => {
    const api = fakeApi({ swapPairs: () => [] });
    const workspace = aWorkspace();
    renderTab(
      <WorkspaceProvider value={workspace}>
        <MatchingBoard />
      </WorkspaceProvider>,
      { api },
    );
    const [first, second] = screen.getAllByRole('checkbox', { name: 'Select to swap' });
    fireEvent.click(first as HTMLElement);
    expect((screen.getByTestId('swap') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(second as HTMLElement);
    await act(async () => {
      fireEvent.click(screen.getByTestId('swap'));
    });
    expect(api.swapPairs).toHaveBeenCalledWith('p-1', ['a', 'b']);
    expect(workspace.reload).toHaveBeenCalled();
  });

  it('publishes with the programme’s ETag after asking', async () => {
    const api = fakeApi({ publish: () => ({ programme: aProgramme({ etag: 'next' }), published: 2 }) });
    renderTab(
      <WorkspaceProvider value={aWorkspace()}>
        <MatchingBoard />
      </WorkspaceProvider>,
      { api },
    );
    fireEvent.click(screen.getByTestId('publish'));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Publish 2 pairs', hidden: true }));
    });
    expect(api.publish).toHaveBeenCalledWith('p-1', 'etag-p');
  });
});

describe('pairs and meetings in the console', () => {
  it('counts sessions held against those due and flags a pair that has not met for two cadences', () => {
    const quiet = aSeries({
      id: 's2',
      pairId: 'pair-2',
      occurrences: [-42, -28, -14].map((d, index) => ({
        index,
        start: iso(d),
        end: iso(d + 0.03),
        status: index === 0 ? 'held' : 'missed',
      })),
    });
    const rows = pairRows(
      [aPair(), aPair({ id: 'pair-2', mentorId: 'x', menteeId: 'y' })],
      [aSeries(), quiet],
      aProgramme(),
      new Date(NOW),
    );
    expect(rows.map((r) => [r.pair.id, r.held, r.planned, r.flags])).toEqual([
      ['pair-2', 1, 3, ['no-recent-meeting']],
      ['pair-1', 2, 2, []],
    ]);
  });
});

describe('creating a programme', () => {
  it('derives unique topic ids from the names', () => {
    expect(topicId('Künstliche Intelligenz & Co.', [])).toBe('kunstliche-intelligenz-co');
    expect(topicId('AI', ['ai'])).toBe('ai-2');
  });

  it('checks the frame before sending: a window too short for a session, a closing before the kick-off', () => {
    const d = {
      ...emptyDraft(),
      name: 'X',
      topics: [{ id: '', name: 'AI', guideEn: '', guideDe: '' }],
      windowStart: '09:00',
      windowEnd: '09:30',
      kickoffDate: '2027-02-01',
      closingDate: '2027-01-01',
    };
    expect(programmeDraftErrors(d)).toEqual({
      windowEnd: 'programmeForm.error.window',
      closingDate: 'programmeForm.error.closing',
    });
    expect(programmeInput({ ...d, windowEnd: '17:00' }).topics).toEqual([{ id: 'ai', name: 'AI' }]);
  });

  it('walks through basics, topics, meetings and settings and creates the programme once', async () => {
    const api = fakeApi({ createProgramme: () => aProgramme({ id: 'new' }) });
    const onCreated = jest.fn();
    renderTab(<CreateProgramme onCancel={jest.fn()} onCreated={onCreated} />, { api });
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(screen.getByText('Please give the programme a name.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('programme-name'), { target: { value: 'Reverse Mentoring 2027' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.change(screen.getByTestId('topic-name-0'), { target: { value: 'AI assistants' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('wizard-create'));
    });
    expect(api.createProgramme).toHaveBeenCalledTimes(1);
    expect(api.createProgramme.mock.calls[0]?.[0]).toMatchObject({
      name: 'Reverse Mentoring 2027',
      topics: [{ id: 'ai-assistants', name: 'AI assistants' }],
      anonymityThreshold: 5,
    });
    expect(onCreated).toHaveBeenCalledWith('new');
  });
});
