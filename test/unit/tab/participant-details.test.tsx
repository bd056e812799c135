/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StatusCard } from '../../../tab/src/pages/my-tandem/status-card';
import { AssessmentCard } from '../../../tab/src/pages/my-tandem/assessment-card';
import { fakeApi, renderTab } from './support/render';
import { NOW, aParticipant, aProgramme, aSeries, anOverview, iso } from './support/builders';

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => jest.restoreAllMocks());

const invited = () =>
  anOverview({
    participant: aParticipant({
      status: 'invited',
      role: undefined,
      timeZone: undefined,
      learnTopics: undefined,
      weekdays: undefined,
      times: undefined,
      interests: undefined,
    }),
    programme: aProgramme({ phase: 'preparation' }),
    pairs: [],
    meetings: [],
  });

describe('the invitation on My tandem', () => {
  it('shows the time commitment the invitation card shows', () => {
    renderTab(<StatusCard overview={invited()} onChange={async () => undefined} />, {
      api: fakeApi({ myTimeZone: () => ({ source: 'unknown' }) }),
    });
    const text = screen.getByTestId('commitment').textContent ?? '';
    expect(text).toContain('6 sessions of 45 minutes, every 2 weeks on Tuesday');
    expect(text).toContain('About 4.5 hours in all');
  });

  it('starts the opt-in form with the time zone of the person’s mailbox, not the browser’s', async () => {
    const api = fakeApi({ myTimeZone: () => ({ timeZone: 'America/New_York', source: 'mailbox' }) });
    renderTab(<StatusCard overview={invited()} onChange={async () => undefined} />, { api });
    await waitFor(() => expect(api.myTimeZone).toHaveBeenCalled());
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Join the programme' }));
    expect((screen.getByRole('combobox', { name: 'My time zone' }) as HTMLSelectElement).value).toBe(
      'America/New_York',
    );
  });

  it('asks for the testimonial’s own consent and sends it with the profile', async () => {
    const api = fakeApi({ myTimeZone: () => ({ source: 'unknown' }), optIn: () => aParticipant() });
    renderTab(<StatusCard overview={invited()} onChange={async () => undefined} />, { api });
    await act(async () => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Join the programme' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Mentee – I learn' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'AI assistants' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tuesday' }));
    expect(screen.queryByRole('checkbox', { name: /may quote this sentence/ })).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: /Why I am joining/ }), {
      target: { value: 'I want to learn from the young.' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /may quote this sentence with my name/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'I agree to take part on these terms' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opt in' }));
    });
    expect(api.optIn).toHaveBeenCalledWith(
      'p-1',
      expect.objectContaining({
        profile: expect.objectContaining({ testimonial: 'I want to learn from the young.', testimonialConsent: true }),
      }),
    );
  });
});

describe('the end self-assessment on My tandem', () => {
  const series = (lastInDays: number) =>
    aSeries({
      occurrences: [
        { index: 0, start: iso(-30), end: iso(-30 + 1 / 32), status: 'held' },
        { index: 1, start: iso(lastInDays), end: iso(lastInDays + 1 / 32), status: 'planned' },
      ],
    });

  it('opens in the week of the last session, and says when before that', () => {
    const { unmount } = renderTab(
      <AssessmentCard overview={anOverview({ meetings: [series(20)] })} onChange={async () => undefined} />,
      { api: fakeApi() },
    );
    expect(screen.queryByRole('button', { name: 'Rate my skills (end)' })).toBeNull();
    expect(screen.getByTestId('end-assessment-opens').textContent).toMatch(
      /opens on .+ in the week of your last session/,
    );
    unmount();
    renderTab(<AssessmentCard overview={anOverview({ meetings: [series(5)] })} onChange={async () => undefined} />, {
      api: fakeApi(),
    });
    expect(screen.getByRole('button', { name: 'Rate my skills (end)' })).toBeTruthy();
  });

  it('asks a mentor what they gained, and sends it with the ratings', async () => {
    const api = fakeApi({ submitAssessment: () => ({}) });
    const overview = anOverview({
      participant: aParticipant({ role: 'mentor', teachTopics: ['ai'], learnTopics: [] }),
      programme: aProgramme({ phase: 'steering' }),
      meetings: [series(-3)],
    });
    renderTab(<AssessmentCard overview={overview} onChange={async () => undefined} />, { api });
    fireEvent.click(screen.getByRole('button', { name: 'Rate my skills (end)' }));
    expect(screen.getByText('What did being a mentor give you?')).toBeTruthy();
    const group = (name: string | RegExp) => screen.getByRole('radiogroup', { name });
    const pick = (name: string | RegExp, n: number) =>
      fireEvent.click(within(group(name)).getAllByRole('radio')[n - 1] as HTMLElement);
    pick('AI assistants', 4);
    pick('Teams & Loop', 3);
    pick(/^Leading/, 5);
    pick(/^Understanding the work/, 4);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save self-assessment' }));
    });
    expect(api.submitAssessment).toHaveBeenCalledWith(
      'p-1',
      'end',
      { ai: 4, teams: 3 },
      { leadership: 5, seniorPerspective: 4 },
    );
  });
});
