/**
 * End to end through Microsoft's Agents Playground (a real Teams-like client): the local stack
 * serves the bot at /api/messages; the playground's server talks to it as the Teams channel does,
 * and its web client in headless Chromium renders our cards and sends Action.Execute invokes.
 * Flow: install → invitation → opt-in form → proposal → accept → confirmed.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../scripts/lib/headless-chromium';
import { startLocalStack, type LocalStack } from '../../../functions/src/local/stack';
import { invite } from '../../../functions/src/app/invite';
import { optInto } from '../../../functions/src/app/enrollment';
import { answerProposal } from '../../../functions/src/app/pairs';
import { ROLE_MANAGE, type Caller } from '../../../functions/src/app/caller';
import type { AppDeps } from '../../../functions/src/app/deps';
import type { OrgUser } from '../../../functions/src/core/model';
import { aPair, aProgramme } from '../../support/builders';
import { startPlayground, type Playground } from './support/playground';

const OUT = resolve(__dirname, '../../../test-results/playground');
const PROGRAMME = 'e2e-playground';

jest.setTimeout(180_000);

describe('the bot in Microsoft 365 Agents Playground', () => {
  let stack: LocalStack;
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  let deps: AppDeps;
  let mentee: OrgUser;
  let mentor: OrgUser;
  let step = 0;

  const shot = async (name: string) => {
    step++;
    await page.screenshot({ path: join(OUT, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
  const dispatch = () => stack.host.trigger('outboxDispatch');
  const caller = (u: OrgUser): Caller => ({ userId: u.id, tenantId: stack.services.config.tenantId, roles: [] });

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    stack = await startLocalStack({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'tandem-e2e-bot-')) });
    if (!stack.services.app) throw new Error('the local stack has no use cases wired');
    deps = stack.services.app;
    // Two people whose directory language is English (the bot falls back to it when Teams sends no locale).
    const people = (await deps.directory.listUsers({}, { pageSize: 300 })).items.filter((u) =>
      (u.preferredLanguage ?? 'en').startsWith('en'),
    );
    mentee = people[0] as OrgUser;
    mentor = people[people.length - 1] as OrgUser;
    await deps.store.programmes.create(
      aProgramme({ id: PROGRAMME, name: 'Playground Cohort', phase: 'preparation', createdBy: 'e2e-manager' }),
    );
    playground = await startPlayground(
      `${stack.baseUrl}/api/messages`,
      { id: 'user-id-0', aadObjectId: mentee.id, name: mentee.displayName, email: mentee.mail ?? 'mentee@example.com' },
      [
        {
          id: 'user-id-1',
          aadObjectId: mentor.id,
          name: mentor.displayName,
          email: mentor.mail ?? 'mentor@example.com',
        },
      ],
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await stack?.close();
  });

  it('installs, invites, opts in from the card, proposes and accepts', async () => {
    await page.goto(playground.url);
    // Installing the app in the personal chat: the bot stores the conversation and says welcome.
    await page.getByText('Welcome to Tandem').first().waitFor({ timeout: 30_000 });
    await shot('welcome');
    const conversation = await deps.store.conversations.find(mentee.id, mentee.id);
    expect(conversation?.reference).toMatchObject({ serviceUrl: expect.stringContaining('localhost') });

    // The programme manager invites both; the fan-out sends the invitation card proactively.
    const manager: Caller = { userId: 'e2e-manager', tenantId: stack.services.config.tenantId, roles: [ROLE_MANAGE] };
    await invite(deps, manager, PROGRAMME, { userIds: [mentee.id, mentor.id] });
    await dispatch();
    await page.getByText('You are invited: Playground Cohort').first().waitFor({ timeout: 30_000 });
    await shot('invitation');

    // The opt-in form, filled in and sent from the card.
    await page.getByRole('radio', { name: 'Mentee (I learn)' }).last().check();
    await page.getByRole('checkbox', { name: 'AI assistants' }).last().check();
    await page.getByRole('checkbox', { name: 'I agree to take part on these terms' }).last().check();
    await shot('opt-in-filled');
    await page.getByRole('button', { name: 'Opt in' }).first().click();
    await page.getByText(`You are in, ${mentee.displayName}!`, { exact: false }).first().waitFor({ timeout: 30_000 });
    await shot('opted-in');
    const participant = await deps.store.participants.get(PROGRAMME, mentee.id);
    expect(participant).toMatchObject({
      status: 'opted-in',
      role: 'mentee',
      learnTopics: ['ai'],
      consent: { textVersion: '2026-01' },
    });

    // The mentor opts in elsewhere (the tab); matching publishes the pair; the proposal arrives.
    await optInto(deps, caller(mentor), PROGRAMME, mentor.id, {
      profile: {
        role: 'mentor',
        teachTopics: ['ai', 'teams'],
        learnTopics: [],
        interests: [],
        languages: ['en'],
        timeZone: 'Europe/Berlin',
        weekdays: ['tue'],
        times: [],
      },
      consentTextVersion: '2026-01',
    });
    await deps.store.pairs.create(
      aPair({
        id: 'e2e-pair',
        programmeId: PROGRAMME,
        mentorId: mentor.id,
        menteeId: mentee.id,
        publishedAt: new Date().toISOString(),
      }),
    );
    await deps.messenger.send([
      {
        type: 'proposal',
        recipient: mentee.id,
        programmeId: PROGRAMME,
        params: { programmeId: PROGRAMME, pairId: 'e2e-pair' },
        dedupeKey: `proposal:e2e-pair:${mentee.id}`,
      },
    ]);
    await dispatch();
    await page.getByText('Your proposed partner in Playground Cohort').first().waitFor({ timeout: 30_000 });
    await page.getByText(`About ${mentor.displayName}`).first().waitFor();
    await shot('proposal');

    // Accept: the card answers with the current state.
    await page.getByRole('button', { name: 'Accept' }).last().click();
    await page.getByText(`We are waiting for ${mentor.displayName}'s answer.`).first().waitFor({ timeout: 30_000 });
    await shot('accepted-waiting');
    expect((await deps.store.pairs.get(PROGRAMME, 'e2e-pair')).mentee.state).toBe('accepted');

    // The mentor accepts too; the confirmation card reaches the mentee.
    await answerProposal(deps, caller(mentor), PROGRAMME, 'e2e-pair', true);
    await dispatch();
    await page.getByText(`You and ${mentor.displayName} are a pair!`).first().waitFor({ timeout: 30_000 });
    await shot('confirmed');
    expect((await deps.store.pairs.get(PROGRAMME, 'e2e-pair')).status).toBe('confirmed');
  });
});
