/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { ConsentCard } from '../../../tab/src/pages/my-tandem/consent-card';
import { fakeApi, renderTab } from './support/render';
import { NOW, anOverview } from './support/builders';

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

const WORDING = { version: '2026-01', de: 'Ich mache freiwillig mit.', en: 'I take part voluntarily.' };
const consent = { agreed: { textVersion: '2026-01', at: '2026-01-10T09:00:00.000Z', text: WORDING }, current: WORDING };

describe('my consent on My tandem', () => {
  it('shows the wording I agreed to, with its version', async () => {
    const api = fakeApi({ myConsent: () => consent });
    renderTab(<ConsentCard overview={anOverview()} onChange={async () => undefined} />, { api });
    expect((await screen.findByTestId('consent-text')).textContent).toBe('I take part voluntarily.');
    expect(screen.getByText(/consent text version 2026-01/)).toBeTruthy();
    expect(api.myConsent).toHaveBeenCalledWith('p-1');
  });

  it('withdraws consent only after the person confirmed they understood it erases their data', async () => {
    const api = fakeApi({ myConsent: () => consent, withdrawConsent: () => ({ withdrawn: true }) });
    const onChange = jest.fn(async () => undefined);
    renderTab(<ConsentCard overview={anOverview()} onChange={onChange} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw consent' }));
    const dialog = await screen.findByRole('alertdialog', { hidden: true });
    const confirm = within(dialog).getByRole('button', { name: 'Withdraw and erase', hidden: true });
    await act(async () => fireEvent.click(confirm));
    expect(api.withdrawConsent).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(within(dialog).getByRole('checkbox', { hidden: true })));
    await act(async () => fireEvent.click(confirm));
    expect(api.withdrawConsent).toHaveBeenCalledWith('p-1');
    expect(onChange).toHaveBeenCalled();
    expect(await screen.findByText(/Your consent is withdrawn/)).toBeTruthy();
  });
});
