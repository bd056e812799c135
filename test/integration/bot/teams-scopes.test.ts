/**
 * The bot as real Teams drives it: messages in a team channel or group chat arrive with an
 * `<at>Tandem</at>` mention and must never be answered with anything personal; uninstalling (or a
 * 403 because the bot was blocked) is recorded and a reinstall delivers what waited; every card
 * that answers an action carries `refresh`.
 */
import { invite } from '../../../functions/src/app/invite';
import { ROLE_MANAGE, type Caller } from '../../../functions/src/app/caller';
import { announce } from '../../../functions/src/app/announcements';
import { aMeetingSeries, aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { cardProblems } from '../../../bot/src/cards/validate';
import type { AdaptiveCard } from '../../../bot/src/cards/elements';
import { installationUpdate } from '../../../functions/src/local/graph-stand-in/install-events';
import {
  activityFrom,
  cardsTo,
  executeActivity,
  installActivity,
  openBotWorld,
  post,
  textOf,
  type BotWorld,
  drain,
} from './support/bot-world';

const manager: Caller = { userId: 'manager-1', tenantId: 'tenant-1', roles: [ROLE_MANAGE] };

/** A message as Teams posts it from a team channel or a group chat: the bot is @mentioned. */
function mentionActivity(
  world: BotWorld,
  userId: string,
  text: string,
  type: 'channel' | 'groupChat',
  locale = 'en-US',
) {
  const conversationId = type === 'channel' ? '19:general@thread.tacv2' : '19:group-chat@thread.v2';
  return activityFrom(
    world,
    userId,
    {
      type: 'message',
      text: `<at>Tandem</at> ${text}`,
      entities: [{ type: 'mention', text: '<at>Tandem</at>', mentioned: { id: '28:tandem-bot', name: 'Tandem' } }],
      conversation: {
        id: conversationId,
        conversationType: type,
        tenantId: 'tenant-1',
        ...(type === 'channel' ? { isGroup: true } : { isGroup: true }),
      },
      channelData: { tenant: { id: 'tenant-1' }, ...(type === 'channel' ? { team: { id: '19:team' } } : {}) },
    },
    locale,
  );
}

function cardsIn(world: BotWorld, conversationId: string): AdaptiveCard[] {
  return world.channel
    .to(conversationId)
    .flatMap((d) => ((d.activity.attachments ?? []) as Array<{ content: AdaptiveCard }>).map((a) => a.content));
}

describe('team channel and group chat: the mention is removed and nothing personal is posted', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'execution', name: 'Digital Leadership 2026' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentor-1', role: 'mentor' }));
    await world.store.pairs.create(aPair({ publishedAt: '2026-02-01T00:00:00.000Z', status: 'confirmed' }));
  });
  afterEach(() => world.close());

  it.each(['channel', 'groupChat'] as const)(
    'answers "<at>Tandem</at> status" in a %s with a generic card that points to the personal chat',
    async (type) => {
      const res = await post(world, mentionActivity(world, 'mentee-1', 'status', type));
      expect(res.status).toBe(200);
      const conversationId = type === 'channel' ? '19:general@thread.tacv2' : '19:group-chat@thread.v2';
      const cards = cardsIn(world, conversationId);
      expect(cards).toHaveLength(1);
      const card = cards[0] as AdaptiveCard;
      expect(cardProblems(card)).toEqual([]);
      const shown = JSON.stringify(card);
      // The mention was removed: the command was understood as "status" ...
      expect(textOf(card)).toContain('Type "status" there');
      // ... and nothing about the sender reaches the channel: no programme, status, partner or role.
      for (const personal of [
        'Digital Leadership 2026',
        'opted in',
        'Lena Hoffmann',
        'Thomas Müller',
        'mentee',
        'prog-1',
      ])
        expect(shown).not.toContain(personal);
      expect(card.actions).toEqual([
        {
          type: 'Action.OpenUrl',
          title: 'Open my chat with Tandem',
          url: 'https://teams.microsoft.com/l/chat/0/0?users=28:tandem-bot',
        },
      ]);
      // A channel is never stored as the person's conversation for proactive messages.
      expect(await world.store.conversations.find('mentee-1', 'mentee-1')).toBeUndefined();
    },
  );

  it('answers in the person’s language and in the personal chat the same command still works', async () => {
    await post(world, mentionActivity(world, 'mentee-1', 'hilfe', 'channel', 'de-DE'));
    expect(textOf(cardsIn(world, '19:general@thread.tacv2')[0])).toContain('Meinen Chat mit Tandem öffnen');

    await post(world, installActivity(world, 'mentee-1'));
    const before = cardsTo(world, 'mentee-1').length;
    await post(world, activityFrom(world, 'mentee-1', { type: 'message', text: 'status' }));
    const personal = cardsTo(world, 'mentee-1').slice(before);
    expect(personal.length).toBeGreaterThan(0);
    expect(textOf(personal)).toContain('Digital Leadership 2026');
  });
});

describe('uninstall, 403 and reinstall', () => {
  let world: BotWorld;
  const target = () => ({ serviceUrl: world.channel.url, botId: '28:tandem-bot', tenantId: 'tenant-1' });
  beforeEach(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'preparation' }));
  });
  afterEach(() => world.close());

  it('records an uninstall, keeps the invitation waiting, and delivers it when the person installs Tandem again', async () => {
    await post(world, installActivity(world, 'mentee-1'));
    const welcomed = cardsTo(world, 'mentee-1').length;
    expect((await post(world, installationUpdate(target(), 'mentee-1', 'remove'))).status).toBe(200);
    expect((await world.store.conversations.get('mentee-1', 'mentee-1')).unreachable).toMatchObject({
      reason: 'uninstalled',
    });

    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect(await drain(world)).toMatchObject({ sent: 0, waiting: 1, failed: 0 });
    expect(cardsTo(world, 'mentee-1')).toHaveLength(welcomed);

    await post(world, installationUpdate(target(), 'mentee-1', 'add'));
    expect((await world.store.conversations.get('mentee-1', 'mentee-1')).unreachable).toBeUndefined();
    expect(await drain(world)).toMatchObject({ sent: 1 });
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('Digital Leadership 2026');
  });

  it('records the bot removed from the personal chat (conversationUpdate) the same way', async () => {
    await post(world, installActivity(world, 'mentor-1'));
    await post(
      world,
      activityFrom(world, 'mentor-1', { type: 'conversationUpdate', membersRemoved: [{ id: '28:tandem-bot' }] }),
    );
    expect((await world.store.conversations.get('mentor-1', 'mentor-1')).unreachable?.reason).toBe('uninstalled');
  });

  it('records a 403 (bot blocked), keeps later messages waiting, and releases both on reinstall', async () => {
    await post(world, installActivity(world, 'mentee-1'));
    world.channel.blocked.add('a:conv-mentee-1');
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect(await drain(world)).toMatchObject({ sent: 0, failed: 1 });
    expect((await world.store.conversations.get('mentee-1', 'mentee-1')).unreachable?.reason).toBe('blocked');

    // A later message is not sent into the 403 again: it waits.
    await world.deps.messenger.send([
      { type: 'training-reminder', recipient: 'mentee-1', programmeId: 'prog-1', params: {}, dedupeKey: 'tr:1' },
    ]);
    expect(await drain(world)).toMatchObject({ sent: 0, waiting: 1 });

    world.channel.blocked.delete('a:conv-mentee-1');
    await post(world, installationUpdate(target(), 'mentee-1', 'add'));
    const report = await drain(world);
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(textOf(cardsTo(world, 'mentee-1'))).toContain('Digital Leadership 2026');
  });
});

describe('a person who had blocked the bot writes to it again', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'preparation' }));
  });
  afterEach(() => world.close());

  it('releases what failed with 403 while it was blocked', async () => {
    await post(world, installActivity(world, 'mentee-1'));
    world.channel.blocked.add('a:conv-mentee-1');
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect(await drain(world)).toMatchObject({ failed: 1 });
    world.channel.blocked.delete('a:conv-mentee-1');
    await post(world, activityFrom(world, 'mentee-1', { type: 'message', text: 'hi' }));
    expect((await world.store.conversations.get('mentee-1', 'mentee-1')).unreachable).toBeUndefined();
    expect(await drain(world)).toMatchObject({ sent: 1 });
    expect(textOf(cardsTo(world, 'mentee-1'))).toContain('Digital Leadership 2026');
  });
});

describe('cards that answer an action carry refresh', () => {
  let world: BotWorld;
  const refreshOf = (card: AdaptiveCard | undefined) => card?.refresh;
  beforeEach(async () => {
    world = await openBotWorld();
  });
  afterEach(() => world.close());

  it('welcome: the help word, the "My programmes" button and the refresh itself', async () => {
    await world.store.programmes.create(aProgramme({ phase: 'execution' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await post(world, installActivity(world, 'mentee-1'));
    const welcome = cardsTo(world, 'mentee-1')[0];
    expect(refreshOf(welcome)).toEqual({
      action: { type: 'Action.Execute', title: 'refresh', verb: 'refresh', data: { verb: 'refresh', card: 'welcome' } },
      userIds: ['8:orgid:mentee-1'],
    });
    const answer = await post(world, executeActivity(world, 'mentee-1', { verb: 'refresh', card: 'welcome' }));
    expect(answer.status).toBe(200);
    expect(refreshOf(answer.card)?.userIds).toEqual(['8:orgid:mentee-1']);
  });

  it('no-slot (series) card', async () => {
    await world.store.programmes.create(aProgramme({ phase: 'execution' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await world.store.pairs.create(
      aPair({ publishedAt: '2026-02-01T00:00:00.000Z', status: 'confirmed', booking: 'no-slot' }),
    );
    await world.store.meetings.create(aMeetingSeries({ status: 'no-slot', problem: 'no common free time' }));
    const answer = await post(
      world,
      executeActivity(
        world,
        'mentee-1',
        { verb: 'pickAnotherDay', programmeId: 'prog-1', pairId: 'pair-1' },
        { weekday: 'thu', times: 'morning' },
      ),
    );
    expect(refreshOf(answer.card)).toMatchObject({
      action: { verb: 'refresh', data: { card: 'no-slot', programmeId: 'prog-1', pairId: 'pair-1' } },
      userIds: ['8:orgid:mentee-1'],
    });
    const again = await post(
      world,
      executeActivity(world, 'mentee-1', { verb: 'refresh', card: 'no-slot', programmeId: 'prog-1', pairId: 'pair-1' }),
    );
    expect(textOf(again.card)).not.toContain('no longer available');
    expect(refreshOf(again.card)).toBeDefined();
  });

  it('communication cards: announcement (interest button) and testimonial', async () => {
    await world.store.programmes.create(aProgramme({ phase: 'steering', createdBy: 'manager-1' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await post(world, installActivity(world, 'mentee-1'));
    const { id: announcementId } = await announce(world.deps, manager, 'prog-1', {
      title: 'Second cohort',
      text: 'Tell us if you want to take part next time.',
      audience: 'all',
    });
    await drain(world);
    const sent = cardsTo(world, 'mentee-1').at(-1);
    expect(refreshOf(sent)?.action).toMatchObject({
      data: { card: 'announcement', programmeId: 'prog-1', announcementId },
    });

    const clicked = await post(
      world,
      executeActivity(world, 'mentee-1', { verb: 'registerInterest', programmeId: 'prog-1', announcementId }),
    );
    expect(textOf(clicked.card)).toContain('Noted');
    expect(refreshOf(clicked.card)?.userIds).toEqual(['8:orgid:mentee-1']);

    const shared = await post(
      world,
      executeActivity(
        world,
        'mentee-1',
        { verb: 'shareTestimonial', programmeId: 'prog-1' },
        { text: 'Great.', consent: 'true' },
      ),
    );
    expect(refreshOf(shared.card)).toMatchObject({ action: { data: { card: 'testimonial', programmeId: 'prog-1' } } });
  });
});
