/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StatusCard, nextStep } from '../../../tab/src/pages/my-tandem/status-card';
import { PartnerCard } from '../../../tab/src/pages/my-tandem/partner-card';
import { FeedbackCard } from '../../../tab/src/pages/my-tandem/feedback-card';
import { upcoming } from '../../../tab/src/pages/my-tandem/meetings-card';
import { loadOverview } from '../../../tab/src/pages/my-tandem/overview-data';
import type { Api } from '../../../tab/src/api/endpoints';
import { fakeApi, renderTab } from './support/render';
import { NOW, aPair, aParticipant, aProgramme, aSeries, anOverview, iso } from './support/builders';

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => jest.restoreAllMocks());

describe('what My tandem says comes next', () => {
  it('asks an invited person to opt in while enrollment is open, and says so when it is closed', () => {
    const invited = aParticipant({ status: 'invited' });
    expect(
      nextStep(anOverview({ participant: invited, programme: aProgramme({ phase: 'preparation' }), pairs: [] }), NOW),
    ).toEqual(['next.invited']);
    expect(nextStep(anOverview({ participant: invited, pairs: [] }), NOW)).toEqual(['next.closed']);
  });

  it('asks for an answer to a published proposal, then waits for the partner', () => {
    const proposed = aPair({ status: 'proposed', mentee: { state: 'pending' }, mentor: { state: 'pending' } });
    expect(nextStep(anOverview({ pairs: [proposed] }), NOW)).toEqual(['next.answer']);
    const accepted = aPair({ status: 'proposed', mentee: { state: 'accepted' }, mentor: { state: 'pending' } });
    expect(nextStep(anOverview({ pairs: [accepted] }), NOW)).toEqual(['next.waitPartner']);
  });

  it('says "being booked" for a confirmed pair only while it is: in execution, not failed, a slot found', () => {
    const confirmed = aPair({ status: 'confirmed', booking: 'none' });
    const inExecution = aProgramme({ phase: 'execution' });
    expect(nextStep(anOverview({ pairs: [confirmed], meetings: [], programme: inExecution }), NOW)).toEqual([
      'next.booking',
    ]);
    expect(
      nextStep(anOverview({ pairs: [confirmed], meetings: [], programme: aProgramme({ phase: 'matching' }) }), NOW),
    ).toEqual(['next.bookingAtStart']);
    expect(
      nextStep(anOverview({ pairs: [{ ...confirmed, booking: 'failed' }], meetings: [], programme: inExecution }), NOW),
    ).toEqual(['next.bookingFailed']);
    expect(
      nextStep(
        anOverview({ pairs: [{ ...confirmed, booking: 'no-slot' }], meetings: [], programme: inExecution }),
        NOW,
      ),
    ).toEqual(['next.noSlot']);
  });

  it('names the next session of an active pair, and reminds an untrained mentor of the training', () => {
    expect(nextStep(anOverview(), NOW)).toEqual(['next.session', { when: iso(0.5) }]);
    const mentor = aParticipant({ role: 'mentor', teachTopics: ['ai'], trainingCompletedAt: undefined });
    expect(
      nextStep(anOverview({ participant: mentor, pairs: [], programme: aProgramme({ phase: 'preparation' }) }), NOW),
    ).toEqual(['next.training']);
  });

  it('lists the sessions still to come, soonest first, with their Teams link', () => {
    const items = upcoming(anOverview(), NOW);
    expect(items.map((i) => [i.index, i.joinUrl])).toEqual([
      [2, 'https://teams.microsoft.com/l/meetup-join/demo'],
      [3, 'https://teams.microsoft.com/l/meetup-join/demo'],
    ]);
  });

  it('marks a session declined in Outlook as declined, not as an ordinary planned one', () => {
    const series = aSeries();
    series.occurrences[2] = { ...series.occurrences[2]!, status: 'declined' };
    const items = upcoming(anOverview({ meetings: [series] }), NOW);
    expect(items.map((i) => [i.index, i.declined])).toEqual([
      [2, true],
      [3, false],
    ]);
  });
});

describe('opting in on My tandem', () => {
  const invitedOverview = () =>
    anOverview({
      participant: aParticipant({
        status: 'invited',
        role: undefined,
        learnTopics: undefined,
        weekdays: undefined,
        times: undefined,
        interests: undefined,
      }),
      programme: aProgramme({ phase: 'preparation' }),
      pairs: [],
      meetings: [],
    });

  it('refuses to send without consent and names what is missing', async () => {
    const api = fakeApi();
    renderTab(<StatusCard overview={invitedOverview()} onChange={async () => undefined} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Join the programme' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opt in' }));
    expect(await screen.findByText('Please choose mentor or mentee.')).toBeTruthy();
    expect(screen.getByText('Please agree to the terms to opt in – or decline the invitation.')).toBeTruthy();
    expect(api.optIn).not.toHaveBeenCalled();
  });

  it('sends a mentee’s profile with the consent text version the person agreed to', async () => {
    const api = fakeApi({ optIn: () => aParticipant() });
    const onChange = jest.fn(async () => undefined);
    renderTab(<StatusCard overview={invitedOverview()} onChange={onChange} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Join the programme' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Mentee – I learn' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'AI assistants' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tuesday' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Interests/ }), {
      target: { value: 'cycling, chess , cycling' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'I agree to take part on these terms' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opt in' }));
    });
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const [programmeId, input] = api.optIn.mock.calls[0] as [
      string,
      { profile: Record<string, unknown>; consentTextVersion: string },
    ];
    expect(programmeId).toBe('p-1');
    expect(input.consentTextVersion).toBe('2026-01');
    expect(input.profile).toMatchObject({
      role: 'mentee',
      learnTopics: ['ai'],
      teachTopics: [],
      weekdays: ['tue'],
      interests: ['cycling', 'chess'],
    });
    expect(await screen.findByText(/You are in!/)).toBeTruthy();
  });
});

describe('my partner on My tandem', () => {
  it('explains why the two were paired, in German for a German reader', () => {
    renderTab(
      <PartnerCard
        overview={anOverview({
          pairs: [
            aPair({ partner: { userId: 'u-mentor', displayName: 'Jonas Weber', department: 'IT', topics: ['ai'] } }),
          ],
        })}
        onChange={async () => undefined}
      />,
      {
        lang: 'de',
      },
    );
    expect(screen.getByTestId('partner-name').textContent).toBe('Jonas Weber');
    expect(screen.getByText('Vermittelt AI assistants')).toBeTruthy();
    const why = within(screen.getByTestId('why-you-two'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(why).toEqual(['Deckt 1 von 1 gewünschten Themen ab: AI assistants', 'Gemeinsame Interessen: cycling']);
  });

  it('shows the partner’s name, job and profile from the API’s partner card', () => {
    const partner = {
      userId: 'u-mentor',
      displayName: 'Jonas Weber',
      jobTitle: 'Working Student',
      department: 'IT',
      officeLocation: 'Munich',
      languages: ['de', 'en'],
      interests: ['climbing', 'jazz'],
      topics: ['ai', 'teams'],
    };
    renderTab(<PartnerCard overview={anOverview({ pairs: [aPair({ partner })] })} onChange={async () => undefined} />);
    const card = screen.getByTestId('partner-name').parentElement as HTMLElement;
    expect([...card.children].map((c) => c.textContent)).toEqual([
      'Jonas Weber',
      'Your mentor · Working Student · IT · Munich',
      'Speaks German and English',
      'Teaches AI assistants and Teams & Loop',
      'Interested in climbing and jazz',
    ]);
  });

  it('names the role instead of a person while the API sends no partner card', () => {
    renderTab(<PartnerCard overview={anOverview()} onChange={async () => undefined} />);
    expect(screen.getByTestId('partner-name').textContent).toBe('Your mentor');
  });

  it('lets a person accept a published proposal, and keeps a decline reason for the programme manager', async () => {
    const proposed = aPair({ status: 'proposed', mentor: { state: 'pending' }, mentee: { state: 'pending' } });
    const api = fakeApi({ confirmPair: () => proposed, declinePair: () => proposed });
    renderTab(<PartnerCard overview={anOverview({ pairs: [proposed] })} onChange={async () => undefined} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    fireEvent.change(within(dialog).getByRole('textbox', { hidden: true }), {
      target: { value: 'We work together daily.' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Decline', hidden: true }));
    });
    expect(api.declinePair).toHaveBeenCalledWith('p-1', 'pair-1', 'We work together daily.');
  });
});

describe('loading My tandem', () => {
  it('keeps only the person’s own pairs (a manager’s list has them all) and fetches the partner card', async () => {
    const own = aPair({ id: 'own', mentorId: 'u-mentor', menteeId: 'u-mentee' });
    const other = aPair({ id: 'other', mentorId: 'x', menteeId: 'y', createdAt: iso(-1) });
    const withPartner = { ...own, partner: { userId: 'u-mentor', displayName: 'Jonas Weber' } };
    const api = fakeApi({
      programme: () => aProgramme(),
      myParticipation: () => aParticipant(),
      pairs: () => [own, other],
      pair: () => withPartner,
      meetings: () => [],
      feedback: () => [],
      assessments: () => [],
    });
    const overview = await loadOverview(api as unknown as Api, 'p-1');
    expect(overview.pairs).toEqual([withPartner]);
    expect(api.pair).toHaveBeenCalledWith('p-1', 'own');
  });

  it('asks for nothing more when the list already has the partner card', async () => {
    const own = aPair({ partner: { userId: 'u-mentor', displayName: 'Jonas Weber' } });
    const api = fakeApi({
      programme: () => aProgramme(),
      myParticipation: () => aParticipant(),
      pairs: () => [own],
      meetings: () => [],
      feedback: () => [],
      assessments: () => [],
    });
    expect((await loadOverview(api as unknown as Api, 'p-1')).pairs).toEqual([own]);
    expect(api.pair).not.toHaveBeenCalled();
  });
});

describe('feedback on My tandem', () => {
  it('lists past sessions newest first with my feedback, and sends feedback for one without', async () => {
    const series = aSeries();
    const feedback = [
      {
        id: 'f',
        schemaVersion: 1,
        etag: 'e',
        programmeId: 'p-1',
        pairId: 'pair-1',
        userId: 'u-mentee',
        role: 'mentee' as const,
        occurrenceIndex: 0,
        rating: 5,
        held: true,
        learnt: 'Loop',
        createdAt: iso(-27),
        updatedAt: iso(-27),
      },
    ];
    const api = fakeApi({ submitFeedback: () => feedback[0] });
    const onChange = jest.fn(async () => undefined);
    renderTab(<FeedbackCard overview={anOverview({ meetings: [series], feedback })} onChange={onChange} />, { api });
    const rows = within(screen.getByTestId('feedback-history')).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent?.slice(0, 9))).toEqual(['Session 2', 'Session 1']);
    expect(rows[1]?.textContent).toContain('“Loop”');
    fireEvent.click(screen.getByRole('button', { name: 'Give feedback on session 2' }));
    const dialog = await screen.findByTestId('feedback-dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: '4', hidden: true }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send feedback', hidden: true }));
    });
    expect(api.submitFeedback).toHaveBeenCalledWith('p-1', {
      pairId: 'pair-1',
      occurrenceIndex: 1,
      rating: 4,
      held: true,
    });
    expect(onChange).toHaveBeenCalled();
  });
});
