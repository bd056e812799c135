/**
 * Internal communication beyond the programme: the app installed in a team, a manager's bilingual
 * post to one of its channels through the bot, and a reader's click on "Tell me about the next
 * programme" putting that reader on the interest list (identified by their Entra object id).
 */
import { randomUUID } from 'node:crypto';
import { announce } from '../../../functions/src/app/announcements';
import { ROLE_MANAGE } from '../../../functions/src/app/caller';
import { listTeamChannels, postToChannel } from '../../../functions/src/app/channel-posts';
import { channelPostSchema } from '../../../functions/src/app/schemas/channel-posts';
import { toArray } from '../../../functions/src/ports/store';
import { cardProblems } from '../../../bot/src/cards/validate';
import type { AdaptiveCard } from '../../../bot/src/cards/elements';
import { aProgramme, anOptedInParticipant } from '../../support/builders';
import { cardsTo, installActivity, openBotWorld, post, textOf, type BotWorld } from './support/bot-world';

const manager = { userId: 'manager-1', tenantId: 'tenant-1', roles: [ROLE_MANAGE] };
const TEAM = '19:sales-general@thread.tacv2';
const NEWS = '19:sales-news@thread.tacv2';

/** A team-scope activity, as Teams posts it for the team "Sales Germany". */
function teamActivity(w: BotWorld, fields: Record<string, unknown>, channel?: { id: string; name?: string }) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: w.channel.url,
    from: { id: '29:manager-1', aadObjectId: 'manager-1', name: 'Dr. Katrin Weber' },
    recipient: { id: '28:tandem-bot', name: 'Tandem' },
    conversation: { id: TEAM, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: {
      tenant: { id: 'tenant-1' },
      team: { id: TEAM, name: 'Sales Germany' },
      ...(channel ? { channel } : {}),
    },
    locale: 'en-US',
    timestamp: new Date().toISOString(),
    ...fields,
  };
}

function channelCards(w: BotWorld, channelId: string): AdaptiveCard[] {
  return w.channel
    .to(channelId)
    .flatMap((d) => ((d.activity.attachments ?? []) as Array<{ content: AdaptiveCard }>).map((a) => a.content));
}

function interestAction(card: unknown): Record<string, unknown> | undefined {
  const actions = (card as { actions?: { verb?: string; data?: Record<string, unknown> }[] }).actions ?? [];
  const action = actions.find((a) => a.verb === 'registerInterest');
  return action ? { verb: action.verb, ...action.data } : undefined;
}

describe('posting to a team channel', () => {
  let w: BotWorld;
  beforeAll(async () => {
    w = await openBotWorld();
    await w.store.programmes.create(aProgramme({ phase: 'steering', createdBy: 'manager-1' }));
    await w.store.participants.create(
      anOptedInParticipant({
        userId: 'mentor-1',
        role: 'mentor',
        testimonial: 'I learnt to listen.',
        testimonialConsentAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    await w.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
  });
  afterAll(() => w.close());

  it('learns the team’s channels from the install and channel events, and offers them to managers only', async () => {
    const installed = await post(
      w,
      teamActivity(w, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:tandem-bot' }],
        channelData: {
          tenant: { id: 'tenant-1' },
          team: { id: TEAM, name: 'Sales Germany' },
          eventType: 'teamMemberAdded',
        },
      }),
    );
    expect(installed.status).toBe(200);
    await post(
      w,
      teamActivity(w, {
        type: 'conversationUpdate',
        channelData: {
          tenant: { id: 'tenant-1' },
          team: { id: TEAM, name: 'Sales Germany' },
          channel: { id: NEWS, name: 'News' },
          eventType: 'channelCreated',
        },
      }),
    );
    expect((await listTeamChannels(w.deps, manager)).items).toEqual([
      { channelId: TEAM, teamId: TEAM, teamName: 'Sales Germany' },
      { channelId: NEWS, channelName: 'News', teamId: TEAM, teamName: 'Sales Germany' },
    ]);
    // Nothing was posted into the team on install: no welcome where everyone reads along.
    expect(w.channel.to(TEAM)).toHaveLength(0);
    await expect(listTeamChannels(w.deps, { userId: 'mentee-1', tenantId: 'tenant-1', roles: [] })).rejects.toThrow();
  });

  it('posts one card to the chosen channel, in German and English, and a click puts the reader on the interest list', async () => {
    const input = channelPostSchema.parse({
      channelId: NEWS,
      de: { title: 'Die nächste Runde startet', text: 'Junge Kolleginnen zeigen Führungskräften neue Tools.' },
      en: { title: 'The next cohort starts', text: 'Junior colleagues show leaders new tools.' },
      testimonials: true,
    });
    await postToChannel(w.deps, manager, 'prog-1', input);
    expect(await w.runtime.drain(w.deps)).toMatchObject({ sent: 1, failed: 0 });
    const cards = channelCards(w, NEWS);
    expect(cards).toHaveLength(1);
    expect(w.channel.to(TEAM)).toHaveLength(0);
    const card = cards[0] as AdaptiveCard;
    expect(cardProblems(card)).toEqual([]);
    const words = textOf(card);
    expect(words).toContain('Die nächste Runde startet');
    expect(words).toContain('The next cohort starts');
    expect(words).toContain('I learnt to listen.');
    expect(words).toContain('Informieren Sie mich über das nächste Programm · Tell me about the next programme');
    // The post starts a thread of its own: sent to the channel, not into an earlier message's thread.
    expect(w.channel.delivered.filter((d) => d.conversationId.startsWith(NEWS)).map((d) => d.conversationId)).toEqual([
      NEWS,
    ]);

    const data = interestAction(card) as Record<string, unknown>;
    expect(data).toEqual({ verb: 'registerInterest', programmeId: 'prog-1' });
    // A colleague outside the programme clicks in the channel: Teams sends their Entra object id.
    const click = {
      ...teamActivity(w, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'registerInterest', data }, trigger: 'manual' },
      }),
      from: { id: '29:stranger-1', aadObjectId: 'stranger-1', name: 'Eva Stranger' },
      conversation: { id: `${NEWS};messageid=1700000000000`, conversationType: 'channel', tenantId: 'tenant-1' },
    };
    const answer = await post(w, click);
    expect(answer.status).toBe(200);
    expect(textOf(answer.card)).toContain('Noted');
    expect(await w.store.interest.get('prog-1', 'stranger-1')).toMatchObject({ userId: 'stranger-1', source: 'bot' });
    // The answer went to the clicker (the invoke response), nothing new was posted where others read.
    expect(channelCards(w, NEWS)).toHaveLength(1);
  });

  it('refuses a channel of a team without the app, and a post in neither language', async () => {
    await expect(
      postToChannel(
        w.deps,
        manager,
        'prog-1',
        channelPostSchema.parse({ channelId: '19:other@thread.tacv2', en: { title: 'x', text: 'y' } }),
      ),
    ).rejects.toThrow(/not installed in a team/);
    expect(channelPostSchema.safeParse({ channelId: NEWS }).success).toBe(false);
  });

  it('no longer offers the channels of a team the app was removed from', async () => {
    await post(w, teamActivity(w, { type: 'installationUpdate', action: 'remove' }));
    expect((await listTeamChannels(w.deps, manager)).items).toEqual([]);
    await expect(
      postToChannel(
        w.deps,
        manager,
        'prog-1',
        channelPostSchema.parse({ channelId: NEWS, en: { title: 'x', text: 'y' } }),
      ),
    ).rejects.toThrow(/removed from this team/);
  });
});

describe('announcements to the participants, in their language', () => {
  it('gives each person the German or English text as their Teams speaks', async () => {
    const w = await openBotWorld();
    try {
      await w.store.programmes.create(aProgramme({ phase: 'steering', createdBy: 'manager-1' }));
      await w.store.participants.create(anOptedInParticipant({ userId: 'mentor-1', role: 'mentor' }));
      await w.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
      await post(w, installActivity(w, 'mentee-1', 'en-GB'));
      await post(w, installActivity(w, 'mentor-1', 'de-DE'));
      await announce(w.deps, manager, 'prog-1', {
        title: 'Closing event',
        text: 'On 14 July.',
        audience: 'all',
        translations: {
          de: { title: 'Abschlussveranstaltung', text: 'Am 14. Juli.' },
          en: { title: 'Closing event', text: 'On 14 July.' },
        },
      });
      await w.runtime.drain(w.deps);
      expect(textOf(cardsTo(w, 'mentor-1').at(-1))).toContain('Am 14. Juli.');
      expect(textOf(cardsTo(w, 'mentee-1').at(-1))).toContain('On 14 July.');
      expect(textOf(cardsTo(w, 'mentee-1').at(-1))).not.toContain('Am 14. Juli.');
      expect(await toArray(w.store.outbox.all(undefined))).toHaveLength(2);
    } finally {
      await w.close();
    }
  });
});
