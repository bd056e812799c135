/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StuckWork } from '../../../tab/src/pages/console/stuck-work';
import { fakeApi, renderTab } from './support/render';

const operatorView = {
  bookings: [
    {
      programmeId: 'p-1',
      seriesId: 'pair-1-series',
      pairId: 'pair-1',
      kind: 'pair-series' as const,
      status: 'pending' as const,
      problem: 'Microsoft Graph denied creating the series (ErrorAccessDenied)',
      since: '2026-11-20T09:00:00.000Z',
    },
  ],
  outbox: [
    {
      batchId: 'b-1',
      id: 'm-1',
      recipient: 'u-7',
      attempts: 8,
      lastError: '403: not in the roster',
      createdAt: '2026-11-21T09:00:00.000Z',
    },
  ],
  timers: [{ name: 'reconcilePairs', startedAt: '2026-11-22T09:00:00.000Z', error: 'Graph unavailable' }],
  counts: { bookings: 1, outbox: 1, timers: 1 },
};

describe('stuck work in the console', () => {
  it('lists stuck bookings, messages given up and failed timers, each with its problem', async () => {
    renderTab(<StuckWork />, { api: fakeApi({ stuckWork: () => operatorView }) });
    const bookings = await screen.findByTestId('stuck-bookings');
    expect(within(bookings).getByText('Microsoft Graph denied creating the series (ErrorAccessDenied)')).toBeTruthy();
    expect(within(bookings).getByText('pair-1')).toBeTruthy();
    expect(within(screen.getByTestId('stuck-outbox')).getByText('403: not in the roster (8×)')).toBeTruthy();
    expect(within(screen.getByTestId('stuck-timers')).getByText('reconcilePairs')).toBeTruthy();
    expect(screen.getByText('Bookings not done (1)')).toBeTruthy();
  });

  it('retries a booking and a message, then shows the list again', async () => {
    const api = fakeApi({
      stuckWork: () => operatorView,
      retryStuckBooking: () => undefined,
      retryStuckMessage: () => undefined,
    });
    renderTab(<StuckWork />, { api });
    fireEvent.click(await screen.findByTestId('retry-booking-pair-1-series'));
    await waitFor(() => expect(api.retryStuckBooking).toHaveBeenCalledWith('p-1', 'pair-1-series'));
    await waitFor(() => expect(api.stuckWork).toHaveBeenCalledTimes(2));
    await waitFor(() => expect((screen.getByTestId('retry-message-m-1') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('retry-message-m-1'));
    await waitFor(() => expect(api.retryStuckMessage).toHaveBeenCalledWith('b-1', 'm-1'));
  });

  it("shows a manager's view (bookings only), and says when nothing is stuck", async () => {
    renderTab(<StuckWork />, {
      api: fakeApi({ stuckWork: () => ({ bookings: [], counts: { bookings: 0 } }) }),
    });
    expect(await screen.findByText('Nothing is stuck.')).toBeTruthy();
    expect(screen.queryByTestId('stuck-outbox')).toBeNull();
  });

  it('speaks German', async () => {
    renderTab(<StuckWork />, { api: fakeApi({ stuckWork: () => operatorView }), lang: 'de' });
    expect(await screen.findByText('Nicht gebuchte Termine (1)')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Erneut versuchen' })).toHaveLength(2);
  });
});
