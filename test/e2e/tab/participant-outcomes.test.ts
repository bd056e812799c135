/**
 * Mentor training modules, outcomes and the small participant things in the tab, in headless
 * Chromium against the local stack with the seeded demo (screenshots en and de in test-results/tab),
 * with no serious axe violation and no console error.
 */
import { launchChromium } from '../../../scripts/lib/headless-chromium';
import type { Participant, TrainingModule } from '../../../functions/src/core/model';
import { screenshot, seriousViolations, settle, tabSession } from './support/tab-browser';

jest.setTimeout(240_000);

const session = tabSession();
let accounts: { kind: string; userId: string; displayName: string }[] = [];

const SOCIAL = 'demo-social-media';
const LEADERSHIP = 'demo-digital-leadership';
const NOW = new Date().toISOString();

const { open } = session;

function account(kind: 'mentor' | 'mentee') {
  const a = accounts.find((x) => x.kind === kind);
  if (!a) throw new Error(`no demo ${kind}`);
  return a;
}

/** Puts a demo person into a programme as the test needs them (what the opt-in or an invitation writes). */
async function enrol(programmeId: string, who: { userId: string; displayName: string }, fields: Partial<Participant>) {
  const { store } = session.tab.stack.services;
  const existing = await store.participants.find(programmeId, who.userId);
  if (existing) await store.participants.delete(programmeId, who.userId);
  await store.participants.create({
    id: who.userId,
    schemaVersion: 1,
    programmeId,
    userId: who.userId,
    displayName: who.displayName,
    status: 'invited',
    locale: 'en',
    invitedAt: NOW,
    invitedBy: 'demo',
    updatedAt: NOW,
    ...fields,
  });
}

beforeAll(async () => {
  const res = await fetch(`${session.tab.idp}/accounts`);
  accounts = ((await res.json()) as { accounts: typeof accounts }).accounts;
});

describe('mentor training modules', () => {
  it('lets a manager write the modules in English and German, with a link', async () => {
    const page = await open({ as: 'manager', view: 'programmes', programme: SOCIAL });
    const section = page.locator('#training');
    // The demo's three modules, then one more.
    await section.getByTestId('training-modules').getByText('Giving feedback upwards').waitFor();
    await section.getByRole('button', { name: 'Edit training modules' }).click();
    await section.getByRole('button', { name: 'Add a module' }).click();
    const added = section.getByRole('group', { name: 'Module 4' });
    await added.getByLabel('Title (English)').fill('Confidentiality in practice');
    await added.getByLabel('Title (German)').fill('Vertraulichkeit in der Praxis');
    await added.getByLabel('Short text (English)').fill('What stays in the pair, and what you may share.');
    await added.getByLabel('Short text (German)').fill('Was im Tandem bleibt, und was Sie teilen dürfen.');
    await added.getByLabel('Link (optional)').fill('http://intranet/confidentiality');
    await section.getByRole('button', { name: 'Save modules' }).click();
    // Only https links: the form says so before anything is sent.
    await added.getByText('Must be an https link.').waitFor();
    await added.getByLabel('Link (optional)').fill('https://contoso.sharepoint.com/sites/tandem/confidentiality');
    await section.getByRole('button', { name: 'Save modules' }).click();
    await section.getByTestId('training-modules').getByText('Confidentiality in practice').waitFor();
    const stored = await session.tab.stack.services.store.programmes.get(SOCIAL, SOCIAL);
    expect(stored.trainingModules?.map((m: TrainingModule) => m.id)).toEqual([
      'principles',
      'first-session',
      'feedback',
      'module-4',
    ]);
    expect(stored.trainingModules?.[3]).toEqual({
      id: 'module-4',
      title: { en: 'Confidentiality in practice', de: 'Vertraulichkeit in der Praxis' },
      text: {
        en: 'What stays in the pair, and what you may share.',
        de: 'Was im Tandem bleibt, und was Sie teilen dürfen.',
      },
      link: 'https://contoso.sharepoint.com/sites/tandem/confidentiality',
    });
    await settle(page);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-training-modules-en');
    expect(await seriousViolations(page)).toEqual([]);

    const de = await open({ as: 'manager', view: 'programmes', programme: SOCIAL, lang: 'de' });
    await de.locator('#training').getByText('Vertraulichkeit in der Praxis').waitFor();
    await settle(de);
    await de.locator('#training').scrollIntoViewIfNeeded();
    await screenshot(de, 'console-training-modules-de');
  });

  it('lets a mentor tick each module; the manager sees the progress', async () => {
    const mentor = account('mentor');
    await enrol(SOCIAL, mentor, {
      status: 'opted-in',
      role: 'mentor',
      teachTopics: ['social'],
      learnTopics: [],
      interests: [],
      languages: ['de', 'en'],
      timeZone: 'Europe/Berlin',
      weekdays: ['tue'],
      times: [],
      consent: { textVersion: '1', at: NOW },
      optedInAt: NOW,
    });
    for (const lang of ['en', 'de'] as const) {
      const page = await open({ as: 'mentor', view: 'my-tandem', lang });
      await page.getByRole('button', { name: /Social Media Basics/ }).click();
      const checklist = page.getByTestId('training-checklist');
      await checklist.waitFor();
      if (lang === 'en') {
        expect(await checklist.textContent()).toContain('0 of 4 modules done');
        await checklist.getByRole('button', { name: 'Mark as done: Reverse mentoring on eye level' }).click();
        await checklist.getByText('1 of 4 modules done').waitFor();
        await checklist.getByText(/✓ Done on/).waitFor();
        expect(await checklist.getByRole('link', { name: 'Open module' }).first().getAttribute('href')).toBe(
          'https://contoso.sharepoint.com/sites/tandem/SitePages/principles.aspx',
        );
      } else {
        await checklist.getByText('Der erste Termin').waitFor();
      }
      await settle(page);
      await screenshot(page, `my-tandem-training-modules-${lang}`);
      if (lang === 'en') expect(await seriousViolations(page)).toEqual([]);
    }
    const manager = await open({ as: 'manager', view: 'programmes', programme: SOCIAL });
    const row = manager.locator('#training').getByRole('row', { name: new RegExp(mentor.displayName) });
    await row.getByText('1 of 4 modules').waitFor();
  });
});

describe('the invitation and the opt-in form', () => {
  it('shows the time commitment, and the form starts with the time zone of the person’s mailbox', async () => {
    const mentee = account('mentee');
    await enrol(SOCIAL, mentee, {});
    // A fresh browser in UTC: the default must come from Outlook, not from here.
    const utc = await launchChromium({ locale: 'en-GB', timezoneId: 'UTC' });
    try {
      for (const lang of ['en', 'de'] as const) {
        const page = await open({ as: 'mentee', view: 'my-tandem', lang }, lang === 'en' ? utc : session.ctx);
        await page.getByRole('button', { name: /Social Media Basics/ }).click();
        const commitment = page.getByTestId('commitment');
        await commitment.waitFor();
        const text = (await commitment.textContent()) ?? '';
        if (lang === 'en') {
          expect(text).toMatch(/From the kick-off on .+ to the closing on /);
          expect(text).toMatch(/\d+ sessions of \d+ minutes, every (week|\d+ weeks) on \w+day/);
          await page.getByRole('button', { name: 'Join the programme' }).click();
          const zone = await page.getByLabel('My time zone').inputValue();
          expect(zone).not.toBe('UTC');
          expect(zone).toMatch(/^(Europe|America)\//);
          await page.getByRole('textbox', { name: /Why I am joining/ }).fill('I want to understand what my team uses.');
          await page.getByRole('checkbox', { name: /may quote this sentence with my name/ }).waitFor();
        } else {
          expect(text).toMatch(/Termine à \d+ Minuten/);
        }
        await settle(page);
        await screenshot(page, `my-tandem-invitation-commitment-${lang}`);
        if (lang === 'en') expect(await seriousViolations(page)).toEqual([]);
      }
    } finally {
      await utc.close();
    }
  });
});

describe('outcomes', () => {
  it('shows the mentor the mentee’s “next time” wish, and asks mentors what they gained at the end', async () => {
    const { store } = session.tab.stack.services;
    const mentor = account('mentor');
    const pairs = [];
    for await (const p of store.pairs.all(LEADERSHIP, { where: { mentorId: mentor.userId } })) pairs.push(p);
    const pair = pairs.find((p) => p.status === 'active');
    expect(pair).toBeDefined();
    if (!pair) return;
    await store.feedback
      .create({
        id: `${pair.id}:${pair.menteeId}:0`,
        schemaVersion: 1,
        programmeId: LEADERSHIP,
        pairId: pair.id,
        userId: pair.menteeId,
        role: 'mentee',
        occurrenceIndex: 0,
        rating: 5,
        held: true,
        nextTopic: 'Copilot in Outlook: summarising long email threads',
        createdAt: NOW,
        updatedAt: NOW,
      })
      .catch(async () => {
        const f = await store.feedback.get(LEADERSHIP, `${pair.id}:${pair.menteeId}:0`);
        await store.feedback.replace({ ...f, nextTopic: 'Copilot in Outlook: summarising long email threads' }, f.etag);
      });
    for (const lang of ['en', 'de'] as const) {
      const page = await open({ as: 'mentor', view: 'my-tandem', lang });
      await page.getByRole('button', { name: /Digital Leadership 2026/ }).click();
      const wish = page.getByTestId('next-wish');
      await wish.getByText('Copilot in Outlook: summarising long email threads').waitFor();
      if (lang === 'en') {
        await wish.getByText('Your mentee would like to cover next time').waitFor();
        // In execution, the end self-assessment waits for the week of the last session.
        await page.getByTestId('end-assessment-opens').waitFor();
        expect(await page.getByRole('button', { name: 'Rate my skills (end)' }).count()).toBe(0);
        // Taking part in it: no "interested in the next cohort?" offer for this programme.
        expect(await page.locator('#next-cohort').count()).toBe(0);
      }
      await settle(page);
      await wish.scrollIntoViewIfNeeded();
      await screenshot(page, `my-tandem-next-wish-${lang}`);
    }

    // At steering the end self-assessment is open for everyone; a mentor is asked what they gained.
    const programme = await store.programmes.get(LEADERSHIP, LEADERSHIP);
    const { etag, ...rest } = programme;
    await store.programmes.replace({ ...rest, phase: 'steering' }, etag);
    for (const lang of ['en', 'de'] as const) {
      const page = await open({ as: 'mentor', view: 'my-tandem', lang });
      await page.getByRole('button', { name: /Digital Leadership 2026/ }).click();
      const section = page.locator('#assessments');
      await section
        .getByRole('button', { name: lang === 'en' ? 'Rate my skills (end)' : /Ende/ })
        .first()
        .click();
      await section
        .getByText(
          lang === 'en' ? 'What did being a mentor give you?' : 'Was hat Ihnen die Rolle als Mentor:in gebracht?',
        )
        .waitFor();
      await settle(page);
      // Once the sessions are over, alumni are asked about the next cohort.
      await page.locator('#next-cohort').waitFor();
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `my-tandem-assessment-gains-${lang}`);
      if (lang === 'en') expect(await seriousViolations(page)).toEqual([]);
    }
  });
});
