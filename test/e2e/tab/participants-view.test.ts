/**
 * The participants view in the console, in headless Chromium against the local stack with the seeded
 * demo: everyone invited with status, pair and Teams reach, in English and German (screenshots in
 * test-results/tab), nothing of ratings, feedback or who ended a pair; a manager ends a pair after
 * publishing (both re-matched, never with each other) and sends a message, with no serious axe
 * violation and no console error.
 */
import { openTab, screenshot, seriousViolations, settle, tabSession } from './support/tab-browser';
import { toArray } from '../../../functions/src/ports/store';
import type { Pair, Programme } from '../../../functions/src/core/model';

jest.setTimeout(240_000);

const session = tabSession();
let programme: Programme;

beforeAll(async () => {
  const { store } = session.tab.stack.services;
  const running = await toArray(store.programmes.all(undefined, { where: { phase: 'execution' } }));
  programme = running.find((p) => p.publishedAt) as Programme;
  expect(programme).toBeDefined();
});

async function openParticipants(lang: 'en' | 'de') {
  const tab = await openTab(session.ctx, session.tab, {
    as: 'manager',
    view: 'programmes',
    programme: programme.id,
    lang,
  });
  await tab.page.getByTestId('participants-toggle').click();
  await tab.page.getByTestId('participants-table').waitFor({ timeout: 20_000 });
  await settle(tab.page);
  return tab;
}

describe('the participants view', () => {
  it('lists everyone invited with status, pair and reach in Teams, in English, and nothing about ratings or feedback', async () => {
    const { store } = session.tab.stack.services;
    const tab = await openParticipants('en');
    const { page } = tab;
    const table = page.getByTestId('participants-table');
    const invited = await toArray(store.participants.all(programme.id));
    const text = (await table.innerText()).toLowerCase();
    const expected = Math.min(100, invited.filter((p) => !p.erasedAt).length);
    expect(await table.locator('tbody tr').count()).toBe(expected);
    for (const word of ['rating', 'feedback', 'declined', 'ended by', 'reason']) expect(text).not.toContain(word);
    expect(text).toContain('active');
    await screenshot(page, 'programmes-participants-en');
    expect(await seriousViolations(page)).toEqual([]);

    // Search narrows the list; the status filter shows only that status.
    const someone = invited.find((p) => p.status === 'opted-in' && !p.erasedAt);
    const name = someone?.displayName ?? '';
    await page.getByTestId('participants-search').fill(name);
    await page.waitForFunction(
      (n) => {
        const rows = document.querySelectorAll('[data-testid="participants-table"] tbody tr');
        return rows.length >= 1 && [...rows].every((r) => r.textContent?.includes(n));
      },
      name,
      { timeout: 20_000 },
    );
    expect(tab.errors).toEqual([]);
    await page.close();
  });

  it('shows the view in German', async () => {
    const tab = await openParticipants('de');
    const { page } = tab;
    await page.getByRole('heading', { name: 'Teilnehmende' }).waitFor();
    const text = await page.getByTestId('participants-table').innerText();
    expect(text).toMatch(/Aktiv|Bestätigt|Zugeordnet/);
    expect(text).toMatch(/Installiert|Nicht installiert|Wird installiert/);
    await screenshot(page, 'programmes-participants-de');
    expect(await seriousViolations(page)).toEqual([]);
    expect(tab.errors).toEqual([]);
    await page.close();
  });

  it('lets the manager end a pair without blame: both are re-matched, never with each other', async () => {
    const { store } = session.tab.stack.services;
    const live = await toArray(store.pairs.all(programme.id, { where: { status: 'active' } }));
    const pair = live[0] as Pair;
    expect(pair).toBeDefined();
    const tab = await openParticipants('en');
    const { page } = tab;
    await page
      .getByTestId('participants-search')
      .fill((await store.participants.get(programme.id, pair.menteeId)).displayName);
    const end = page.getByTestId(`end-pair-${pair.menteeId}-${pair.id}`);
    await end.waitFor({ timeout: 20_000 });
    await end.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('never paired with each other again').waitFor();
    await screenshot(page, 'programmes-participants-end-pair-en');
    await dialog.getByRole('button', { name: 'End pair' }).click();
    await page.getByTestId('participants-notice').getByText('The pair has ended.').waitFor({ timeout: 20_000 });

    const ended = await store.pairs.get(programme.id, pair.id);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'ended-without-blame' });
    const after = await toArray(store.pairs.all(programme.id));
    const together = after.filter(
      (p) => p.id !== pair.id && p.mentorId === pair.mentorId && p.menteeId === pair.menteeId,
    );
    expect(together).toEqual([]);
    for (const userId of [pair.mentorId, pair.menteeId]) {
      const p = await store.participants.get(programme.id, userId);
      expect(p.pastPartners).toContain(userId === pair.mentorId ? pair.menteeId : pair.mentorId);
    }
    expect(tab.errors).toEqual([]);
    await page.close();
  });

  it('adds a co-manager to the programme team', async () => {
    const { store } = session.tab.stack.services;
    const tab = await openParticipants('en');
    const { page } = tab;
    const team = page.locator('#co-managers');
    const participants = new Set((await toArray(store.participants.all(programme.id))).map((p) => p.userId));
    const candidate = (
      await session.tab.stack.services.directory!.listUsers({ search: 'a' }, { pageSize: 50 })
    ).items.find((u) => u.id !== programme.createdBy && !participants.has(u.id));
    expect(candidate).toBeDefined();
    await team.getByTestId('co-manager-search').fill(candidate?.displayName ?? '');
    await team.getByRole('button', { name: 'Search' }).click();
    await team
      .getByRole('button', { name: `Add ${candidate?.displayName ?? ''}` })
      .first()
      .click();
    await team.getByRole('button', { name: `Remove ${candidate?.displayName ?? ''}` }).waitFor({ timeout: 20_000 });
    const stored = await store.programmes.get(programme.id, programme.id);
    expect(stored.coManagers).toContain(candidate?.id);
    expect(tab.errors).toEqual([]);
    await page.close();
  });

  it('sends a message card to one person from the view', async () => {
    const { store } = session.tab.stack.services;
    const tab = await openParticipants('en');
    const { page } = tab;
    const button = page.locator('[data-testid^="message-"]').first();
    const userId = ((await button.getAttribute('data-testid')) ?? '').replace(/^message-/, '');
    await button.click();
    const dialog = page.getByTestId('message-dialog');
    await dialog.getByTestId('message-title').fill('How is it going?');
    await dialog.getByTestId('message-text').fill('Reply in the chat if you need help with dates.');
    await dialog.getByTestId('message-send').click();
    await page.getByTestId('participants-notice').getByText('Message sent to 1 person.').waitFor({ timeout: 20_000 });
    const sent = (await toArray(store.outbox.all(undefined))).filter(
      (m) => (m.payload as { type?: string }).type === 'manager-message' && m.recipient === userId,
    );
    expect(sent).toHaveLength(1);
    expect(tab.errors).toEqual([]);
    await page.close();
  });
});

describe('next cohort from this one', () => {
  it('clones the steering cohort into a new programme and invites its interest list in one step', async () => {
    const { store } = session.tab.stack.services;
    const steering = (await toArray(store.programmes.all(undefined, { where: { phase: 'steering' } })))[0] as Programme;
    const listed = await toArray(store.interest.all(steering.id));
    expect(listed.length).toBeGreaterThan(0);
    const tab = await openTab(session.ctx, session.tab, {
      as: 'manager',
      view: 'programmes',
      programme: steering.id,
      lang: 'en',
    });
    const { page } = tab;
    const section = page.locator('#next-cohort');
    await section.getByTestId('next-cohort-invite').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => {
      const box = document.querySelector(
        '[data-testid="next-cohort-invite"] input, input[data-testid="next-cohort-invite"]',
      );
      return box instanceof HTMLInputElement && !box.disabled;
    });
    await section.getByTestId('next-cohort-name').fill('New Ways of Working 2026');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'programmes-next-cohort-en');
    await section.getByTestId('next-cohort-create').click();
    await section.getByTestId('next-cohort-result').waitFor({ timeout: 20_000 });
    const clone = (await toArray(store.programmes.all(undefined))).find((p) => p.clonedFrom === steering.id);
    expect(clone).toMatchObject({ name: 'New Ways of Working 2026', phase: 'preparation' });
    expect(clone?.topics).toEqual(steering.topics);
    expect(clone?.cadence).toEqual(steering.cadence);
    const invited = await toArray(store.participants.all(clone?.id ?? ''));
    expect(invited.length).toBeGreaterThan(0);
    expect(invited.every((p) => listed.some((i) => i.userId === p.userId))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(tab.errors).toEqual([]);
    await page.close();
  });
});
