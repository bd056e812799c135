/**
 * Stuck work in the console, in headless Chromium against the local stack with the seeded demo: a
 * booking Graph refused shows up for the programme's manager with its problem, and Retry hands it back
 * to the booking run (screenshot in test-results/tab), with no serious axe violation and no console error.
 */
import { openTab, screenshot, seriousViolations, settle, tabSession } from './support/tab-browser';

jest.setTimeout(180_000);

const session = tabSession();

describe('stuck work in the console', () => {
  it('shows a programme manager a refused booking with its problem, and retries it', async () => {
    const { store } = session.tab.stack.services;
    // A series of a demo programme as a refused booking leaves it.
    let stuck: { programmeId: string; id: string } | undefined;
    for await (const s of store.meetings.all(undefined, { where: { kind: 'pair-series', status: 'booked' } })) {
      stuck = s;
      const { etag, ...series } = s;
      await store.meetings.replace(
        { ...series, status: 'pending', problem: 'Microsoft Graph denied creating the series (ErrorAccessDenied)' },
        etag,
      );
      break;
    }
    expect(stuck).toBeDefined();
    const programme = await store.programmes.get(stuck?.programmeId ?? '', stuck?.programmeId ?? '');

    const tab = await openTab(session.ctx, session.tab, {
      as: 'manager',
      view: 'programmes',
      programme: programme.id,
    });
    const { page } = tab;
    const section = page.locator('#stuck-work');
    const row = section
      .getByTestId('stuck-bookings')
      .getByText('Microsoft Graph denied creating the series (ErrorAccessDenied)');
    await row.waitFor({ timeout: 20_000 });
    await settle(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'programmes-stuck-work-light');
    expect(await seriousViolations(page)).toEqual([]);

    await section.getByTestId(`retry-booking-${stuck?.id ?? ''}`).click();
    await section.getByText('Nothing is stuck.').waitFor({ timeout: 20_000 });
    const after = await store.meetings.get(programme.id, stuck?.id ?? '');
    expect(after.problem).toBeUndefined();
    expect(['pending', 'booked']).toContain(after.status);
    expect(tab.errors).toEqual([]);
  });
});
