/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { InterestCard, offersInterest } from '../../../tab/src/pages/my-tandem/interest-card';
import { InterestList, invitableFrom } from '../../../tab/src/pages/console/steering/interest-list';
import { WorkspaceProvider, type Workspace } from '../../../tab/src/pages/console/workspace-data';
import type { InterestEntry } from '../../../tab/src/api/interest-endpoints';
import { fakeApi, renderTab } from './support/render';
import { aProgramme } from './support/builders';

const programme = aProgramme({ id: 'p-1', name: 'Digital Leadership', phase: 'steering' });

function anEntry(overrides: Partial<InterestEntry> = {}): InterestEntry {
  const userId = overrides.userId ?? 'u-1';
  return {
    id: userId,
    schemaVersion: 1,
    programmeId: 'p-1',
    userId,
    source: 'bot',
    registeredAt: '2026-11-20T09:00:00.000Z',
    etag: 'e',
    displayName: `Person ${userId}`,
    department: 'Sales',
    invitable: true,
    ...overrides,
  };
}

describe('"Interested in the next cohort?" on My tandem', () => {
  it('is offered once the cohort runs, not while people can still join this one', () => {
    expect(
      ['draft', 'preparation', 'matching', 'execution', 'steering', 'closed'].filter((p) => offersInterest(p as never)),
    ).toEqual(['execution', 'steering', 'closed']);
  });

  it('puts the person on the list with one click and lets them take it back', async () => {
    const api = fakeApi({
      myInterest: () => undefined,
      registerInterest: () => anEntry({ userId: 'me', registeredAt: '2026-11-26T09:00:00.000Z' }),
      withdrawInterest: () => undefined,
    });
    renderTab(<InterestCard programme={programme} />, { api });
    expect(await screen.findByText(/Interested in the next cohort of Digital Leadership/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I’m interested in the next cohort' }));
    expect(await screen.findByTestId('interest-noted')).toBeTruthy();
    expect(screen.getByTestId('interest-noted').textContent).toContain('26');
    expect(api.registerInterest).toHaveBeenCalledWith('p-1');
    fireEvent.click(screen.getByRole('button', { name: 'Take me off the list' }));
    await screen.findByRole('button', { name: 'I’m interested in the next cohort' });
    expect(api.withdrawInterest).toHaveBeenCalledWith('p-1');
  });

  it('speaks German', async () => {
    const api = fakeApi({ myInterest: () => anEntry() });
    renderTab(<InterestCard programme={programme} />, { api, lang: 'de' });
    expect((await screen.findByTestId('interest-noted')).textContent).toContain('Sie stehen auf der Liste');
  });
});

describe('the interest list in the programme console', () => {
  const entries = [
    anEntry({ userId: 'a', displayName: 'Anna Alt' }),
    anEntry({
      userId: 'b',
      displayName: 'Ben Bereits',
      invitedTo: [{ programmeId: 'next', at: '2026-11-25T09:00:00Z' }],
    }),
    anEntry({ userId: 'g', displayName: 'Gina Gast', invitable: false }),
  ];

  it('leaves out guests and people already invited to that programme', () => {
    expect(invitableFrom(entries, 'next').map((e) => e.userId)).toEqual(['a']);
    expect(invitableFrom(entries, 'other').map((e) => e.userId)).toEqual(['a', 'b']);
  });

  it('invites the chosen people into a programme open for invitations, through the API', async () => {
    const api = fakeApi({
      interestList: () => entries,
      programmes: () => [programme, aProgramme({ id: 'next', name: 'Digital Leadership 2027', phase: 'preparation' })],
      inviteInterested: () => ({ invited: 1, alreadyInvited: 0, notInvitable: [] }),
    });
    const workspace = { programme, participants: [], pairs: [], name: (id: string) => id } as unknown as Workspace;
    renderTab(
      <WorkspaceProvider value={workspace}>
        <InterestList />
      </WorkspaceProvider>,
      { api },
    );
    const table = await screen.findByTestId('interest-table');
    expect(within(table).getByText('Anna Alt')).toBeTruthy();
    expect(screen.getByText(/3 people said they want to take part/)).toBeTruthy();
    // The programme in steering is not a target; the next cohort in preparation is.
    const target = screen.getByTestId('interest-target') as HTMLSelectElement;
    expect([...target.options].map((o) => o.textContent)).toEqual(['Choose a programme …', 'Digital Leadership 2027']);
    fireEvent.change(target, { target: { value: 'next' } });
    fireEvent.click(screen.getByRole('button', { name: 'Choose all 1 not yet invited' }));
    expect((screen.getByRole('checkbox', { name: 'Choose Gina Gast' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('interest-invite'));
    await waitFor(() => expect(api.inviteInterested).toHaveBeenCalledWith('p-1', { to: 'next', userIds: ['a'] }));
    expect((await screen.findByTestId('interest-invite-result')).textContent).toContain('1 invited');
    expect(api.interestList).toHaveBeenCalledTimes(2);
  });
});
