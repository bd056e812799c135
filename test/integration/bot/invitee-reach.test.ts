/**
 * Reaching invitees who never opened Tandem: the app is installed for them through Graph (the
 * stand-in, with its permission checks and 409), the stand-in raises the install event at the bot
 * like Teams does, and the invitation waiting in the outbox is delivered.
 */
import { invite } from '../../../functions/src/app/invite';
import { ROLE_MANAGE, type Caller } from '../../../functions/src/app/caller';
import type { AppDeps } from '../../../functions/src/app/deps';
import { reachInvitees, teamsAppInstallState, MAX_INSTALL_ATTEMPTS } from '../../../functions/src/app/invitee-reach';
import { programmeReach } from '../../../functions/src/app/invitee-reach-summary';
import { startGraphStandIn, type GraphStandIn } from '../../../functions/src/local/graph-stand-in/server';
import { trustStandIn } from '../../../functions/src/local/graph-stand-in/trust';
import { LOCAL_TEAMS_APP_ID } from '../../../functions/src/local/graph-stand-in/teams-catalog';
import { raiseInstallEvents } from '../../../functions/src/local/graph-stand-in/install-events';
import { createGraphConnection } from '../../../functions/src/adapters/graph/client';
import { graphCalendar } from '../../../functions/src/adapters/graph/calendar';
import { graphTeamsAppInstaller } from '../../../functions/src/adapters/graph/teams-app-installer';
import { loadGraphConfig } from '../../../functions/src/config';
import type { GeneratedUser } from '../../../functions/src/local/demo/org';
import type { OrgUser } from '../../../functions/src/core/model';
import { aProgramme, anOrgUser } from '../../support/builders';
import { cardsTo, installActivity, openBotWorld, post, textOf, type BotWorld, drain } from './support/bot-world';

const manager: Caller = { userId: 'manager-1', tenantId: 'tenant-1', roles: [ROLE_MANAGE] };
const INVITEES = ['mentee-1', 'mentor-1', 'invitee-3', 'invitee-4'];

function person(id: string, displayName: string, preferredLanguage = 'en-US'): GeneratedUser {
  const [givenName = '', surname = ''] = displayName.split(' ');
  return {
    id,
    displayName,
    givenName,
    surname,
    mail: `${id}@contoso.example`,
    userPrincipalName: `${id}@contoso.example`,
    jobTitle: 'Specialist',
    department: 'Finance',
    officeLocation: 'Berlin',
    preferredLanguage,
    timeZone: 'Europe/Berlin',
    accountEnabled: true,
    userType: 'Member',
    level: 2,
    employeeHireDate: '2015-04-01',
  };
}

const ORG: GeneratedUser[] = [
  person('manager-1', 'Katrin Weber', 'de-DE'),
  person('mentee-1', 'Thomas Müller', 'de-DE'),
  person('mentor-1', 'Lena Hoffmann'),
  person('invitee-3', 'Jonas Schmidt'),
  person('invitee-4', 'Mia Wagner'),
];

describe('reaching invitees who never opened Tandem (Graph install + the bot install event)', () => {
  let world: BotWorld;
  let standIn: GraphStandIn;
  let deps: AppDeps;
  let events: ReturnType<typeof raiseInstallEvents>;
  const appInstall = async (userId: string) => (await world.store.participants.get('prog-1', userId)).appInstall;

  beforeEach(async () => {
    const users: OrgUser[] = [
      ...ORG.map((u) =>
        anOrgUser({
          id: u.id,
          displayName: u.displayName,
          preferredLanguage: u.preferredLanguage,
          tenantId: 'tenant-1',
        }),
      ),
      // In Tandem's directory copy, but gone from Entra ID (Graph answers 404 for them).
      anOrgUser({ id: 'gone-1', displayName: 'Gone Person', tenantId: 'tenant-1' }),
    ];
    world = await openBotWorld({ users });
    await world.store.programmes.create(aProgramme({ phase: 'preparation' }));
    standIn = await startGraphStandIn({ org: ORG, meetingsPerDay: 0 });
    trustStandIn(standIn.baseUrl, standIn.certPem);
    const conn = createGraphConnection(
      loadGraphConfig(
        { GRAPH_BASE_URL: standIn.baseUrl, GRAPH_ACCESS_TOKEN: standIn.token, GRAPH_MAX_RETRIES: '1' },
        false,
      ),
      { sleep: async () => {}, baseDelayMs: 0 },
    );
    deps = {
      ...world.deps,
      teamsApps: graphTeamsAppInstaller(conn, LOCAL_TEAMS_APP_ID),
      mailboxes: graphCalendar(conn),
    };
    events = raiseInstallEvents(standIn.catalog, {
      deliver: async (activity) => {
        const answer = await post(world, activity);
        if (answer.status >= 300) throw new Error(`bot answered ${answer.status}`);
      },
      serviceUrl: world.channel.url,
      botId: '28:tandem-bot',
      tenantId: 'tenant-1',
    });
  });
  afterEach(async () => {
    await standIn.close();
    await world.close();
  });

  it('an invited person who never opened the app receives the invitation card, in their language', async () => {
    await invite(deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect(await appInstall('mentee-1')).toMatchObject({ state: 'pending', attempts: 0 });
    // Without a conversation the invitation waits.
    expect(await drain(world)).toMatchObject({ sent: 0, waiting: 1 });

    const report = await reachInvitees(deps);
    await events.settled();
    expect(events.failures).toEqual([]);
    expect(report).toMatchObject({ catalog: 'published', installed: 1, failed: 0, blocked: 0 });
    expect(standIn.catalog.installed.get('mentee-1')?.size).toBe(1);
    expect(await world.store.conversations.find('mentee-1', 'mentee-1')).toBeDefined();

    expect(await drain(world)).toMatchObject({ sent: 1 });
    const cards = cardsTo(world, 'mentee-1');
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('Digital Leadership 2026');
    expect(textOf(cards[0])).toMatch(/Einladung|eingeladen/);
    expect(await appInstall('mentee-1')).toMatchObject({ state: 'installed', attempts: 1 });
    expect((await world.store.participants.get('prog-1', 'mentee-1')).calendarAccess).toBe('granted');

    // The next run has nothing to do: installs are not repeated, and the participants are not even read.
    expect(await reachInvitees(deps)).toMatchObject({ installed: 0, alreadyInstalled: 0, skipped: true });
    // A new invitation wakes the job at once.
    await invite(deps, manager, 'prog-1', { userIds: ['mentor-1'] });
    expect(await reachInvitees(deps)).toMatchObject({ installed: 1 });
    expect(await reachInvitees(deps)).toMatchObject({ skipped: true });
  });

  it('records "already installed" when Graph answers 409, and does not call Graph for someone the bot can reach', async () => {
    const [app] = [...standIn.catalog.apps.values()];
    standIn.catalog.installed.set('mentee-1', new Set([app!.id]));
    await post(world, installActivity(world, 'mentor-1'));
    await invite(deps, manager, 'prog-1', { userIds: ['mentee-1', 'mentor-1'] });
    const report = await reachInvitees(deps);
    expect(report).toMatchObject({ installed: 0, alreadyInstalled: 2 });
    expect(await appInstall('mentee-1')).toMatchObject({ state: 'already-installed', attempts: 1 });
    // mentor-1 has a conversation: no install call was made for them.
    expect(await appInstall('mentor-1')).toMatchObject({ state: 'already-installed', attempts: 0 });
  });

  it('reports "not in the org catalog" once for the organisation, fails nobody, and installs once an admin publishes', async () => {
    standIn.catalog.unpublish(LOCAL_TEAMS_APP_ID);
    await invite(deps, manager, 'prog-1', { userIds: INVITEES });
    const first = await reachInvitees(deps);
    expect(first).toMatchObject({ catalog: 'not-published', installed: 0, failed: 0, waiting: 4 });
    const state = await teamsAppInstallState(deps);
    expect(state).toMatchObject({ status: 'not-published' });
    for (const id of INVITEES) expect(await appInstall(id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await programmeReach(deps, manager, 'prog-1')).toMatchObject({
      catalog: { status: 'not-published' },
      installs: { pending: 4, installed: 0, failed: 0 },
    });

    // Seen again an hour later: still one report, from when it was first seen.
    world.clock.advance(61 * 60_000);
    expect(await reachInvitees(deps)).toMatchObject({ catalog: 'not-published', waiting: 4 });
    expect((await teamsAppInstallState(deps))?.at).toBe(state?.at);

    standIn.catalog.publish(LOCAL_TEAMS_APP_ID, 'Tandem');
    world.clock.advance(61 * 60_000);
    expect(await reachInvitees(deps)).toMatchObject({ catalog: 'published', installed: 4 });
    // The org catalog's generated id (not the manifest id) is kept for the bot's deep links to the tab.
    const [published] = [...standIn.catalog.apps.values()];
    expect(published!.id).not.toBe(LOCAL_TEAMS_APP_ID);
    expect(await teamsAppInstallState(deps)).toMatchObject({ status: 'published', catalogAppId: published!.id });
  });

  it('reports an app permission policy that blocks Tandem for everyone once, instead of a failure per person', async () => {
    for (const id of INVITEES) standIn.catalog.blocked.add(id);
    await invite(deps, manager, 'prog-1', { userIds: INVITEES });
    const report = await reachInvitees(deps);
    expect(report).toMatchObject({ catalog: 'blocked-by-policy', installed: 0, blocked: 0, failed: 0, waiting: 4 });
    expect(await teamsAppInstallState(deps)).toMatchObject({ status: 'blocked-by-policy' });
    const states = await Promise.all(INVITEES.map(appInstall));
    expect(states.map((s) => s?.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    // Only the first three were tried: the fourth was never sent to Graph.
    expect(states.filter((s) => s?.attempts === 1)).toHaveLength(3);
  });

  it('records one person blocked by their policy while the others are installed', async () => {
    standIn.catalog.blocked.add('invitee-3');
    await invite(deps, manager, 'prog-1', { userIds: INVITEES });
    const report = await reachInvitees(deps);
    expect(report).toMatchObject({ catalog: 'published', installed: 3, blocked: 1 });
    expect(await appInstall('invitee-3')).toMatchObject({ state: 'blocked-by-policy' });
    expect((await appInstall('invitee-3'))?.error).toContain('403');
    expect(await programmeReach(deps, manager, 'prog-1')).toMatchObject({
      catalog: { status: 'published' },
      installs: { installed: 3, 'blocked-by-policy': 1 },
    });

    // Tried again a day later, in case the admin changed the policy meanwhile.
    standIn.catalog.blocked.delete('invitee-3');
    expect(await reachInvitees(deps)).toMatchObject({ installed: 0 });
    world.clock.advance(25 * 60 * 60_000);
    expect(await reachInvitees(deps)).toMatchObject({ installed: 1 });
    expect(await appInstall('invitee-3')).toMatchObject({ state: 'installed', attempts: 2 });
  });

  it('retries a throttled or unavailable install later with backoff, not at once', async () => {
    await invite(deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect((await deps.teamsApps!.lookUp()).kind).toBe('published'); // the catalog id is known
    standIn.faults.unavailableRate = 1;
    expect(await reachInvitees(deps)).toMatchObject({ retrying: 1, installed: 0 });
    const waiting = await appInstall('mentee-1');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(Date.parse(waiting!.nextAttemptAt!)).toBeGreaterThan(world.clock.now().getTime());
    // Not due yet: nothing is tried.
    expect(await reachInvitees(deps)).toMatchObject({ retrying: 0, installed: 0 });

    standIn.faults.unavailableRate = 0;
    world.clock.advance(5 * 60_000);
    expect(await reachInvitees(deps)).toMatchObject({ installed: 1 });
    expect(await appInstall('mentee-1')).toMatchObject({ state: 'installed', attempts: 2 });
  });

  it('marks an install failed after the last transient attempt', async () => {
    await invite(deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    await deps.teamsApps!.lookUp();
    standIn.faults.unavailableRate = 1;
    for (let i = 0; i < MAX_INSTALL_ATTEMPTS; i++) {
      await reachInvitees(deps);
      world.clock.advance(2 * 60 * 60_000);
    }
    expect(await appInstall('mentee-1')).toMatchObject({ state: 'failed', attempts: MAX_INSTALL_ATTEMPTS });
  });

  it('flags invitees whose calendar is outside the Exchange scope at invitation, not at booking', async () => {
    standIn.outsideExchangeScope.add('mentor-1@contoso.example');
    await invite(deps, manager, 'prog-1', { userIds: ['mentee-1', 'mentor-1'] });
    const report = await reachInvitees(deps);
    expect(report).toMatchObject({ calendarChecked: 2, outsideScope: 1 });
    expect((await world.store.participants.get('prog-1', 'mentor-1')).calendarAccess).toBe('outside-scope');
    expect((await world.store.participants.get('prog-1', 'mentee-1')).calendarAccess).toBe('granted');
    expect((await programmeReach(deps, manager, 'prog-1')).calendar).toEqual({
      outsideScope: 1,
      noMailbox: 0,
      unchecked: 0,
    });
  });

  it('records a person Graph does not know (404) as failed for good, and their calendar as without mailbox', async () => {
    await invite(deps, manager, 'prog-1', { userIds: ['gone-1', 'mentee-1'] });
    expect(await reachInvitees(deps)).toMatchObject({ catalog: 'published', installed: 1, failed: 1 });
    expect(await appInstall('gone-1')).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await appInstall('gone-1'))?.error).toContain('404');
    expect((await world.store.participants.get('prog-1', 'gone-1')).calendarAccess).toBe('no-mailbox');
    world.clock.advance(3 * 60 * 60_000);
    expect(await reachInvitees(deps)).toMatchObject({ failed: 0, installed: 0 });
  });

  it('without TEAMS_APP_ID nothing is installed and the manager is told it is not configured', async () => {
    const plain: AppDeps = { ...world.deps };
    await invite(plain, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect(await appInstall('mentee-1')).toBeUndefined();
    expect(await reachInvitees(plain)).toMatchObject({ catalog: 'not-configured', installed: 0 });
    expect((await programmeReach(plain, manager, 'prog-1')).catalog).toEqual({ status: 'not-configured' });
  });

  it('shows the reach only to managers', async () => {
    await expect(
      programmeReach(deps, { userId: 'mentee-1', tenantId: 'tenant-1', roles: [] }, 'prog-1'),
    ).rejects.toThrow();
  });
});
