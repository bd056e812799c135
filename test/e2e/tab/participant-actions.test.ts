/**
 * Moving sessions and stepping back from a pair in My tandem (issues #19 point 2, #20 point 3), in
 * headless Chromium against the local stack (the demo mentee in a live pair, its series booked
 * through the Graph stand-in): move one session to a common free time, move the rest of the series,
 * pause until a date, end this pair — each behind a dialog. Screenshots en and de in test-results/tab.
 */
import type { Page } from 'playwright-core';
import { toArray } from '../../../functions/src/ports/store';
import { screenshot, seriousViolations, settle, tabSession } from './support/tab-browser';

jest.setTimeout(240_000);

const session = tabSession();
let mentee: { userId: string; displayName: string };
let programmeId: string;
let pairId: string;

const { open } = session;

beforeAll(async () => {
  const res = await fetch(`${session.tab.idp}/accounts`);
  const accounts = ((await res.json()) as { accounts: { kind: string; userId: string; displayName: string }[] })
    .accounts;
  mentee = accounts.find((a) => a.kind === 'mentee')!;
  // The demo mentee's live pair, booked again through the Graph stand-in so its sessions exist in Outlook.
  const { store, app } = session.tab.stack.services;
  const pairs = (await toArray(store.pairs.all(undefined, { where: { menteeId: mentee.userId } }))).filter(
    (p) => p.status === 'active',
  );
  const pair = pairs[0]!;
  programmeId = pair.programmeId;
  pairId = pair.id;
  await store.meetings.delete(programmeId, `${pairId}-series`);
  const booked = await app!.booking.bookSeriesForPair(programmeId, pairId);
  expect(booked.outcome).toBe('booked');
});

async function myTandem(lang: 'en' | 'de'): Promise<Page> {
  const page = await open({ as: 'mentee', view: 'my-tandem', programme: programmeId, lang });
  await page.locator('#meetings').waitFor();
  return page;
}

describe('moving sessions from My tandem', () => {
  it('shows the free times of both people for one session and the series dialog, in German', async () => {
    const page = await myTandem('de');
    await page.locator('#meetings').getByRole('button', { name: 'Verschieben' }).first().click();
    const dialog = page.getByTestId('move-session-dialog');
    await dialog.getByText(/Zeiten in dieser Woche/).waitFor();
    await settle(page);
    await screenshot(page, 'my-tandem-move-session-de');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await page.locator('#meetings').getByRole('button', { name: 'Restliche Serie verschieben' }).click();
    await page
      .getByTestId('move-rest-dialog')
      .getByText(/Alle späteren Termine/)
      .waitFor();
    await screenshot(page, 'my-tandem-move-rest-de');
  });

  it('moves one session to a time both are free; Outlook and Tandem show the new time', async () => {
    const page = await myTandem('en');
    await page.locator('#meetings').getByRole('button', { name: 'Move' }).first().click();
    const dialog = page.getByTestId('move-session-dialog');
    const first = dialog.getByRole('radio').first();
    await first.waitFor();
    expect(await dialog.getByRole('radio').count()).toBeGreaterThan(0);
    await settle(page);
    await screenshot(page, 'my-tandem-move-session-en');
    expect(await seriousViolations(page)).toEqual([]);
    const chosen = await first.getAttribute('value');
    await dialog.getByRole('button', { name: 'Move this session' }).click();
    await page
      .getByTestId('moved')
      .getByText(/is now on .* has been told/)
      .waitFor();
    const series = await session.tab.stack.services.store.meetings.get(programmeId, `${pairId}-series`);
    expect(series.occurrences.some((o) => o.start === chosen && o.status === 'moved')).toBe(true);
    await screenshot(page, 'my-tandem-moved-en');
  });

  it('moves the rest of the series to Thursday 14:00', async () => {
    const page = await myTandem('en');
    await page.locator('#meetings').getByRole('button', { name: 'Move the rest of the series' }).click();
    const dialog = page.getByTestId('move-rest-dialog');
    await dialog.getByLabel('Weekday').selectOption('thu');
    await dialog.getByLabel('Time').fill('14:00');
    await screenshot(page, 'my-tandem-move-rest-en');
    await dialog.getByRole('button', { name: 'Move the series' }).click();
    await page.getByTestId('moved').getByText('Your sessions are now on Thursday at 14:00', { exact: false }).waitFor();
    const series = await session.tab.stack.services.store.meetings.get(programmeId, `${pairId}-series`);
    expect(series.weekday).toBe('thu');
  });
});

describe('stepping back from a pair in My tandem', () => {
  it('pauses until a date after a dialog: the pair stays, the sessions before the date are cancelled', async () => {
    for (const lang of ['de', 'en'] as const) {
      const page = await myTandem(lang);
      await page
        .locator('#status')
        .getByRole('button', { name: lang === 'de' ? 'Bis zu einem Datum pausieren' : 'Pause until a date' })
        .click();
      await page.getByRole('alertdialog').getByTestId('pause-until-date').waitFor();
      await screenshot(page, `my-tandem-pause-until-${lang}`);
      if (lang === 'de') continue;
      const before = await session.tab.stack.services.store.meetings.get(programmeId, `${pairId}-series`);
      const future = before.occurrences.filter((o) => o.status !== 'cancelled' && Date.parse(o.start) > Date.now());
      // Back on the day of the third future session: the two before it are cancelled.
      const until = future[2]!.start.slice(0, 10);
      await page.getByTestId('pause-until-date').fill(until);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Pause the sessions' }).click();
      await page
        .getByTestId('step-back-done')
        .getByText(/2 sessions were cancelled/)
        .waitFor();
      const after = await session.tab.stack.services.store.meetings.get(programmeId, `${pairId}-series`);
      expect(after.occurrences.filter((o) => o.status === 'cancelled').length).toBe(
        before.occurrences.filter((o) => o.status === 'cancelled').length + 2,
      );
      expect((await session.tab.stack.services.store.pairs.get(programmeId, pairId)).status).toBe('active');
      await settle(page);
      await screenshot(page, 'my-tandem-paused-en');
    }
  });

  it('ends this pair after a dialog, without blame; the person stays in the programme', async () => {
    const de = await myTandem('de');
    await de.locator('#status').getByRole('button', { name: 'Dieses Tandem beenden' }).click();
    await de
      .getByRole('alertdialog')
      .getByText(/Ohne Begründung und ohne Schuld/)
      .waitFor();
    await screenshot(de, 'my-tandem-end-pair-de');
    const page = await myTandem('en');
    await page.locator('#status').getByRole('button', { name: 'End this pair' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/No reason needed and no blame/).waitFor();
    await screenshot(page, 'my-tandem-end-pair-en');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'End this pair' }).click();
    await page
      .getByTestId('step-back-done')
      .getByText(/You stay in the programme/)
      .waitFor();
    const pair = await session.tab.stack.services.store.pairs.get(programmeId, pairId);
    expect(pair).toMatchObject({ status: 'ended', endReason: 'ended-without-blame' });
    expect((await session.tab.stack.services.store.participants.get(programmeId, mentee.userId)).status).toBe(
      'opted-in',
    );
  });
});
