/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { MatchingBoard } from '../../../tab/src/pages/console/matching/matching-board';
import { CreateProgramme } from '../../../tab/src/pages/console/create-programme';
import { PairsAndMeetings, bookingAction, pairRows } from '../../../tab/src/pages/console/execution/pairs-meetings';
import { WorkspaceProvider, type Workspace } from '../../../tab/src/pages/console/workspace-data';
import {
  programmeDraftErrors,
  programmeInput,
  draftOfProgramme,
  emptyDraft,
  topicId,
} from '../../../tab/src/pages/console/programme-draft';
import { fakeApi, renderTab } from './support/render';
import { NOW, aPair, aParticipant, aProgramme, aSeries, iso } from './support/builders';
import type { PairView } from '../../../tab/src/api/types';

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
  const quiet = aSeries({
    id: 's2',
    pairId: 'pair-2',
    occurrences: [-42, -28, -14, 14].map((d, index) => ({
      index,
      start: iso(d),
      end: iso(d + 0.03),
      status: index === 0 ? 'held' : index === 3 ? 'planned' : 'missed',
    })),
  });
  const pairs = [aPair({ mentorId: 'm1', menteeId: 'e1' }), aPair({ id: 'pair-2', mentorId: 'm2', menteeId: 'e2' })];
  const health = [
    {
      pairId: 'pair-2',
      mentorId: 'm2',
      menteeId: 'e2',
      needsAttention: true,
      help: ['meeting-rhythm' as const],
      since: iso(-42),
    },
    { pairId: 'pair-1', mentorId: 'm1', menteeId: 'e1', needsAttention: true, help: ['check-in' as const] },
  ];

  it('counts sessions held against those due and takes the help each pair needs from the API', () => {
    const rows = pairRows(pairs, [aSeries(), quiet], health, new Date(NOW));
    expect(rows.map((r) => [r.pair.id, r.held, r.planned, r.help, r.since])).toEqual([
      ['pair-1', 2, 2, ['check-in'], undefined],
      ['pair-2', 1, 3, ['meeting-rhythm'], iso(-42)],
    ]);
    expect(pairRows(pairs, [aSeries(), quiet], [], new Date(NOW)).every((r) => r.help.length === 0)).toBe(true);
  });

  it('shows an alert per flagged pair with both names and since when, and asks nothing of the report', async () => {
    const api = fakeApi({ meetings: () => [aSeries(), quiet], pairHealth: () => health });
    renderTab(
      <WorkspaceProvider value={aWorkspace({ programme: aProgramme({ phase: 'execution' }), pairs })}>
        <PairsAndMeetings />
      </WorkspaceProvider>,
      { api },
    );
    const alerts = within(await screen.findByTestId('pair-health')).getAllByRole('listitem');
    expect(alerts).toHaveLength(2);
    expect(alerts[0]?.textContent).toMatch(
      /^Mia Mentor · Erika Mentee A neutral check-in with both people may help\. \d of \d sessions held\.$/,
    );
    expect(alerts[1]?.textContent).toMatch(
      /^Max Mentor · Emil Mentee No session held since \D*15 Oct 2026; the pair may need help finding a rhythm\. 1 of 3 sessions held\.$/,
    );
    expect(api.pairHealth).toHaveBeenCalledWith('p-1');
    expect(api.report).not.toHaveBeenCalled();
    expect(screen.getByTestId('pair-health').textContent).not.toMatch(/rating/i);
  });

  it('shows why a pair’s booking failed next to its booking state', async () => {
    const problem = 'The organiser’s calendar does not allow Teams meetings.';
    const failed = aSeries({ pairId: 'pair-2', status: 'pending', occurrences: [], problem });
    const api = fakeApi({ meetings: () => [aSeries(), failed], pairHealth: () => [] });
    renderTab(
      <WorkspaceProvider
        value={aWorkspace({
          programme: aProgramme({ phase: 'execution' }),
          pairs: [pairs[0]!, { ...pairs[1]!, status: 'confirmed', booking: 'failed' }],
        })}
      >
        <PairsAndMeetings />
      </WorkspaceProvider>,
      { api },
    );
    const shown = await screen.findAllByTestId('booking-problem');
    expect(shown.map((e) => e.textContent)).toEqual([problem]);
    expect(within(screen.getByTestId('pairs-table')).getByText('booking failed')).toBeTruthy();
  });

  it('offers "Book now" for a pair not booked yet and "Retry" after a failure, books through the API and reloads', async () => {
    const failed = aSeries({ pairId: 'pair-2', status: 'pending', occurrences: [], problem: 'No Teams.' });
    const api = fakeApi({
      meetings: () => [failed],
      pairHealth: () => [],
      bookPair: () => ({ pairId: 'pair-2', status: 'active', booking: 'booked', pending: false }),
    });
    const workspace = aWorkspace({
      programme: aProgramme({ phase: 'execution' }),
      pairs: [
        { ...pairs[0]!, status: 'confirmed', booking: 'none' },
        { ...pairs[1]!, status: 'confirmed', booking: 'failed' },
      ],
    });
    renderTab(
      <WorkspaceProvider value={workspace}>
        <PairsAndMeetings />
      </WorkspaceProvider>,
      { api },
    );
    expect((await screen.findByTestId('book-pair-1')).textContent).toBe('Book now');
    expect(screen.getByTestId('book-pair-2').textContent).toBe('Retry');
    await act(async () => {
      fireEvent.click(screen.getByTestId('book-pair-2'));
    });
    expect(api.bookPair).toHaveBeenCalledWith('p-1', 'pair-2');
    expect(workspace.reload).toHaveBeenCalled();
  });

  it('offers no booking button for a booked pair, a pair being booked, or outside execution', () => {
    const row = (booking: PairView['booking'], status: PairView['status'] = 'confirmed') =>
      pairRows([{ ...pairs[0]!, status, booking }], [], [], new Date(NOW))[0]!;
    expect(bookingAction(row('booked', 'active'), 'execution')).toBeUndefined();
    expect(bookingAction(row('booking'), 'execution')).toBeUndefined();
    expect(bookingAction(row('none'), 'matching')).toBeUndefined();
    expect(bookingAction(row('none'), 'execution')).toBe('bookNow');
    expect(bookingAction(row('no-slot'), 'execution')).toBe('retryBooking');
    expect(bookingAction(row('none', 'ended'), 'execution')).toBeUndefined();
  });

  it('says all is well when the API flags no pair', async () => {
    const api = fakeApi({
      meetings: () => [aSeries()],
      pairHealth: () => [{ ...health[1]!, needsAttention: false, help: [] }],
    });
    renderTab(
      <WorkspaceProvider value={aWorkspace({ programme: aProgramme({ phase: 'execution' }), pairs: [pairs[0]!] })}>
        <PairsAndMeetings />
      </WorkspaceProvider>,
      { api },
    );
    expect(await screen.findByText('All pairs look healthy')).toBeTruthy();
  });

  it('says the notices are switched off instead of "all is well" when the programme turned them off', async () => {
    const api = fakeApi({ meetings: () => [aSeries()], pairHealth: () => [] });
    renderTab(
      <WorkspaceProvider
        value={aWorkspace({ programme: aProgramme({ phase: 'execution', pairHealthNotices: false }), pairs })}
      >
        <PairsAndMeetings />
      </WorkspaceProvider>,
      { api },
    );
    expect(await screen.findByText('Pair-health notices are switched off')).toBeTruthy();
    expect(screen.queryByText('All pairs look healthy')).toBeNull();
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

  it('sends the retention period and the pair-health setting, reads them back and checks the bounds', () => {
    const d = { ...emptyDraft(), name: 'X', topics: [{ id: '', name: 'AI', guideEn: '', guideDe: '' }] };
    expect(programmeInput(d)).toMatchObject({ retentionMonths: 12, pairHealthNotices: true });
    const input = programmeInput({ ...d, retentionMonths: 24, pairHealthNotices: false });
    expect(input).toMatchObject({ retentionMonths: 24, pairHealthNotices: false });
    expect(draftOfProgramme(aProgramme({ ...input }))).toMatchObject({ retentionMonths: 24, pairHealthNotices: false });
    expect(draftOfProgramme(aProgramme({}))).toMatchObject({ retentionMonths: 12, pairHealthNotices: true });
    expect(programmeDraftErrors({ ...d, retentionMonths: 0 })).toEqual({
      retentionMonths: 'programmeForm.error.retention',
    });
    expect(programmeDraftErrors({ ...d, retentionMonths: 37 })).toEqual({
      retentionMonths: 'programmeForm.error.retention',
    });
  });

  it('sends kick-off and closing as the instant of the chosen local time in the programme’s zone, and reads them back', () => {
    const d = {
      ...emptyDraft(),
      name: 'X',
      topics: [{ id: '', name: 'AI', guideEn: '', guideDe: '' }],
      kickoffDate: '2027-03-02',
      kickoffTime: '17:30',
      kickoffMinutes: 45,
      closingDate: '2027-07-06',
      closingTime: '09:00',
      timeZone: 'America/New_York',
    };
    const input = programmeInput(d);
    expect(input).toMatchObject({
      kickoffAt: '2027-03-02T22:30:00.000Z',
      closingAt: '2027-07-06T13:00:00.000Z',
      timeZone: 'America/New_York',
      kickoffMinutes: 45,
      closingMinutes: 60,
    });
    const back = draftOfProgramme(aProgramme({ ...input, kickoffAt: input.kickoffAt, closingAt: input.closingAt }));
    expect(back).toMatchObject({
      kickoffDate: '2027-03-02',
      kickoffTime: '17:30',
      closingTime: '09:00',
      kickoffMinutes: 45,
    });
    expect(programmeDraftErrors({ ...d, timeZone: 'Mars/Olympus', kickoffTime: '25:00', closingMinutes: 5 })).toEqual({
      timeZone: 'programmeForm.error.timeZone',
      kickoffTime: 'programmeForm.error.eventTime',
      closingMinutes: 'programmeForm.error.eventMinutes',
    });
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
