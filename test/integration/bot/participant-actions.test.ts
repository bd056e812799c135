/**
 * Issue #20 points 2–3 and #19 point 2 in the bot, through the CloudAdapter and the local channel:
 * `status` knows what is next, the welcome card's button and the manifest's commands do what they
 * say, sessions are moved from the reminder card, and pause / end pair / leave are three different
 * things, each behind a confirmation.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toArray } from '../../../functions/src/ports/store';
import { exclusionsOf } from '../../../functions/src/app/matching/match-input';
import type { MeetingSeries } from '../../../functions/src/core/model';
import {
  aPair,
  aParticipant,
  aProgramme,
  anOptedInParticipant,
  aMeetingSeries,
  anOrgUser,
} from '../../support/builders';
import { fakeBooking, type FakeBooking } from '../api/support/fake-booking';
import type { AdaptiveCard } from '../../../bot/src/cards/elements';
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

const users = [
  anOrgUser({ id: 'manager-1', displayName: 'Dr. Katrin Weber' }),
  anOrgUser({ id: 'mentor-1', displayName: 'Lena Hoffmann', userPrincipalName: 'lena.hoffmann@contoso.example' }),
  anOrgUser({ id: 'mentee-1', displayName: 'Thomas Müller', department: 'Finance' }),
  anOrgUser({ id: 'mentor-2', displayName: 'Jonas Weber', department: 'IT' }),
  anOrgUser({ id: 'mentee-2', displayName: 'Sabine Krüger', department: 'Legal' }),
  anOrgUser({ id: 'stranger-1', displayName: 'Eva Stranger' }),
];

/** Sessions every two weeks on Tuesdays 09:00 UTC; the clock stands at Monday 2026-03-02 08:00 UTC. */
const SESSIONS: MeetingSeries['occurrences'] = [
  { index: 0, start: '2026-02-24T09:00:00.000Z', end: '2026-02-24T09:45:00.000Z', status: 'planned' },
  { index: 1, start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T09:45:00.000Z', status: 'planned' },
  { index: 2, start: '2026-03-24T09:00:00.000Z', end: '2026-03-24T09:45:00.000Z', status: 'planned' },
  { index: 3, start: '2026-04-07T08:00:00.000Z', end: '2026-04-07T08:45:00.000Z', status: 'planned' },
  { index: 4, start: '2026-04-21T08:00:00.000Z', end: '2026-04-21T08:45:00.000Z', status: 'planned' },
];

function actionsOf(card: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

const say = (world: BotWorld, userId: string, text: string, locale = 'en-US') =>
  post(world, activityFrom(world, userId, { type: 'message', text }, locale));

describe('participant actions in the bot', () => {
  let world: BotWorld;
  let booking: FakeBooking;

  beforeEach(async () => {
    world = await openBotWorld({ users });
    booking = fakeBooking(world.store, world.clock);
    world.deps.booking = booking;
    await world.store.programmes.create(aProgramme({ phase: 'execution', publishedAt: '2026-02-01T00:00:00.000Z' }));
    for (const [userId, role] of [
      ['mentor-1', 'mentor'],
      ['mentee-1', 'mentee'],
      ['mentor-2', 'mentor'],
      ['mentee-2', 'mentee'],
    ] as const)
      await world.store.participants.create(
        anOptedInParticipant({
          userId,
          role,
          displayName: users.find((u) => u.id === userId)?.displayName ?? userId,
          ...(role === 'mentor' ? { trainingCompletedAt: '2026-01-15T00:00:00.000Z' } : {}),
          ...(userId.endsWith('-1') ? { claims: [{ pairId: 'pair-1', role, at: '2026-02-01T00:00:00.000Z' }] } : {}),
        } as never),
      );
    await world.store.pairs.create(
      aPair({
        publishedAt: '2026-02-01T00:00:00.000Z',
        status: 'active',
        booking: 'booked',
        mentor: { state: 'accepted' },
        mentee: { state: 'accepted' },
      }),
    );
    await world.store.meetings.create(
      aMeetingSeries({
        id: 'pair-1-series',
        status: 'booked',
        graphEventId: 'event-pair-1',
        timeZone: 'Europe/Berlin',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        occurrences: SESSIONS,
      }),
    );
    for (const id of ['mentor-1', 'mentee-1', 'stranger-1']) await post(world, installActivity(world, id));
    world.channel.delivered.length = 0;
  });
  afterEach(() => world.close());

  it('"status" for a mentee in a live pair names the partner with a chat link and the next session in their zone, with "Move"', async () => {
    await say(world, 'mentee-1', 'status');
    const card = cardsTo(world, 'mentee-1').at(-1);
    const text = textOf(card);
    expect(text).toContain('Your tandem in Digital Leadership 2026');
    expect(text).toContain('Lena Hoffmann');
    expect(text).toContain('Mentee (I learn)');
    // Tuesday 10 March 09:00 UTC is 10:00 in Berlin (the activity's localTimezone).
    expect(text).toMatch(/Tuesday,? 10 March.*10:00/);
    const actions = actionsOf(card);
    expect(actions).toContainEqual(
      expect.objectContaining({
        type: 'Action.OpenUrl',
        title: 'Chat with Lena Hoffmann',
        url: 'https://teams.microsoft.com/l/chat/0/0?users=lena.hoffmann%40contoso.example',
      }),
    );
    expect(actions).toContainEqual(
      expect.objectContaining({ verb: 'moveSession', data: expect.objectContaining({ occurrenceIndex: 1 }) }),
    );
    // What is due: feedback on the session of 24 February, and the start self-assessment.
    expect(text).toContain('Feedback on');
    expect(text).toContain('Start self-assessment');
    expect(card?.refresh?.action).toMatchObject({ verb: 'refresh', data: { card: 'tandem', programmeId: 'prog-1' } });

    // "my tandem" (the manifest's command) is the same card, in German for a German client.
    await say(world, 'mentee-1', 'mein Tandem', 'de-DE');
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('Ihr Tandem in Digital Leadership 2026');
    await say(world, 'mentee-1', 'my tandem');
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('Your tandem in Digital Leadership 2026');
  });

  it('"status" lists the end self-assessment as due only from the week of the last session, as the API opens it', async () => {
    await say(world, 'mentee-1', 'status');
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).not.toContain('End self-assessment');
    // The last session is on Tuesday 21 April; the end self-assessment opens seven days before.
    world.clock.advance(Date.parse('2026-04-15T08:00:00.000Z') - world.clock.now().getTime());
    await say(world, 'mentee-1', 'status');
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('End self-assessment');
  });

  it('every personal command of the manifest does what it says', async () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../appPackage/manifest.json'), 'utf8')) as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const commands = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes('personal'))!.commands;
    const expected: Record<string, string> = {
      help: 'Welcome to Tandem',
      join: 'Your tandem in Digital Leadership 2026',
      'my tandem': 'Your tandem in Digital Leadership 2026',
      feedback: 'Session 1 on 24 February 2026',
      pause: 'Your participation in Digital Leadership 2026',
      leave: 'Your participation in Digital Leadership 2026',
    };
    expect(commands.map((c) => c.title).sort()).toEqual(Object.keys(expected).sort());
    for (const { title } of commands) {
      await say(world, 'mentee-1', title);
      const text = textOf(cardsTo(world, 'mentee-1').at(-1));
      expect([title, text.includes(expected[title]!)]).toEqual([title, true]);
      if (title !== 'help') expect([title, text.includes('Welcome to Tandem')]).toEqual([title, false]);
    }
  });

  it('the welcome card’s button answers with where the person stands, not with the welcome card again', async () => {
    await say(world, 'mentee-1', 'help');
    const welcome = cardsTo(world, 'mentee-1').at(-1);
    const button = actionsOf(welcome).find((a) => a.verb === 'showStatus');
    expect(button).toBeDefined();
    const answer = await post(world, executeActivity(world, 'mentee-1', { verb: 'showStatus' }));
    expect(textOf(answer.card)).toContain('Your tandem in Digital Leadership 2026');
    expect(textOf(answer.card)).not.toContain('Welcome to Tandem');
  });

  it('a due item is a button that opens its card (feedback on the last session)', async () => {
    await say(world, 'mentee-1', 'status');
    const feedback = actionsOf(cardsTo(world, 'mentee-1').at(-1)).find(
      (a) => a.verb === 'refresh' && (a.data as { card?: string }).card === 'feedback',
    );
    const answer = await post(world, executeActivity(world, 'mentee-1', feedback?.data as Record<string, unknown>));
    expect(textOf(answer.card)).toContain('Session 1 on 24 February 2026');
    // The manifest's "feedback" command opens the same card.
    await say(world, 'mentee-1', 'feedback');
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('Session 1 on 24 February 2026');
  });

  it('someone in no programme is offered the interest list and can join it from the card', async () => {
    await say(world, 'stranger-1', 'status');
    const card = cardsTo(world, 'stranger-1').at(-1);
    expect(textOf(card)).toContain('You are not taking part in a programme right now');
    const notify = actionsOf(card).find((a) => a.verb === 'notifyNext');
    expect(notify?.title).toBe('Tell me when the next programme opens');
    const answer = await post(world, executeActivity(world, 'stranger-1', notify?.data as Record<string, unknown>));
    expect(textOf(answer.card)).toContain('you will hear from us when the next programme opens');
    expect(await world.store.interest.find('prog-1', 'stranger-1')).toMatchObject({ userId: 'stranger-1' });
    // "join" with no open invitation answers the same way.
    await say(world, 'stranger-1', 'join');
    expect(textOf(cardsTo(world, 'stranger-1').at(-1))).toContain('You are not taking part in a programme right now');
  });

  it('"join" shows an open invitation, and the status card offers to answer it', async () => {
    await world.store.programmes.create(aProgramme({ id: 'prog-2', name: 'AI Pioneers', phase: 'preparation' }));
    await world.store.participants.create(aParticipant({ programmeId: 'prog-2', userId: 'stranger-1' }));
    await say(world, 'stranger-1', 'join');
    expect(textOf(cardsTo(world, 'stranger-1').at(-1))).toContain('You are invited: AI Pioneers');
    await say(world, 'stranger-1', 'status');
    const card = cardsTo(world, 'stranger-1').at(-1);
    const answer = actionsOf(card).find((a) => a.title === 'Answer the invitation');
    expect(answer).toMatchObject({ verb: 'refresh', data: { card: 'invitation', programmeId: 'prog-2' } });
  });

  it('offers "Open Tandem" as a deep link to the tab when the Teams app id is configured', async () => {
    world.deps.teamsAppId = '3f6c3c9e-6a77-4d0e-9a43-7d5a1b2c0f11';
    try {
      await say(world, 'stranger-1', 'status');
      expect(actionsOf(cardsTo(world, 'stranger-1').at(-1))).toContainEqual(
        expect.objectContaining({
          type: 'Action.OpenUrl',
          title: 'Open Tandem',
          url: 'https://teams.microsoft.com/l/entity/3f6c3c9e-6a77-4d0e-9a43-7d5a1b2c0f11/my-tandem',
        }),
      );
      // Once Tandem is published to the org catalog, Teams wants the catalog's own id in the link.
      await world.store.state.upsert({
        id: 'teams-app-install',
        schemaVersion: 1,
        value: {
          status: 'published',
          at: '2026-03-01T00:00:00.000Z',
          catalogAppId: 'b1c2d3e4-0000-4000-8000-00000000cafe',
        },
        updatedAt: '2026-03-01T00:00:00.000Z',
      });
      await say(world, 'stranger-1', 'status');
      expect(actionsOf(cardsTo(world, 'stranger-1').at(-1))).toContainEqual(
        expect.objectContaining({
          title: 'Open Tandem',
          url: 'https://teams.microsoft.com/l/entity/b1c2d3e4-0000-4000-8000-00000000cafe/my-tandem',
        }),
      );
    } finally {
      delete world.deps.teamsAppId;
    }
  });

  it('pause keeps the pair and cancels only the sessions in the window, after a confirmation; the partner is told', async () => {
    await say(world, 'mentee-1', 'status');
    const card = cardsTo(world, 'mentee-1').at(-1);
    // The first click only opens the confirmation with the date.
    const pause = actionsOf(card).find((a) => a.type === 'Action.ShowCard' && a.title === 'Pause until a date');
    expect(pause).toBeDefined();
    const confirm = actionsOf(pause).find((a) => a.verb === 'pauseUntil');
    expect(JSON.stringify(pause)).toContain('"type":"Input.Date"');
    const answer = await post(
      world,
      executeActivity(world, 'mentee-1', confirm?.data as Record<string, unknown>, { until: '2026-03-30' }),
    );
    expect(textOf(answer.card)).toContain(
      'Paused until 30 March 2026: 2 sessions cancelled. Lena Hoffmann has been told.',
    );
    const pair = await world.store.pairs.get('prog-1', 'pair-1');
    expect(pair.status).toBe('active');
    expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('opted-in');
    const series = await world.store.meetings.get('prog-1', 'pair-1-series');
    expect(series.occurrences.map((o) => o.status)).toEqual([
      'planned',
      'cancelled',
      'cancelled',
      'planned',
      'planned',
    ]);
    expect(booking.cancelledSessions).toEqual([{ seriesId: 'pair-1-series', indices: [1, 2] }]);
    expect(booking.cancelled).toEqual([]);
    // The status now says until when, and the next session is the first one after the pause.
    expect(textOf(answer.card)).toContain('Your sessions are paused until 30 March 2026');
    expect(textOf(answer.card)).toMatch(/Tuesday,? 7 April/);
    await drain(world);
    const told = textOf(cardsTo(world, 'mentor-1').at(-1));
    expect(told).toContain('Thomas Müller paused your sessions');
    expect(told).toContain('2 sessions before 30 March 2026 are cancelled');
    expect(told).not.toContain('ended');
  });

  it('a pause date in the past is explained on the card and cancels nothing', async () => {
    const answer = await post(
      world,
      executeActivity(world, 'mentee-1', { verb: 'pauseUntil', programmeId: 'prog-1' }, { until: '2026-03-01' }),
    );
    expect(textOf(answer.card)).toContain('until');
    expect(booking.cancelledSessions).toEqual([]);
  });

  it('"end this pair" asks first, then ends it without blame: both stay, both are re-matched and never paired again', async () => {
    await say(world, 'mentor-1', 'status');
    const card = cardsTo(world, 'mentor-1').at(-1);
    const end = actionsOf(card).find((a) => a.type === 'Action.ShowCard' && a.title === 'End this pair');
    expect(textOf(end)).toContain('No reason needed and no blame');
    const confirm = actionsOf(end).find((a) => a.verb === 'endPair');
    const answer = await post(world, executeActivity(world, 'mentor-1', confirm?.data as Record<string, unknown>));
    expect(textOf(answer.card)).toContain('You stay in the programme');
    const ended = await world.store.pairs.get('prog-1', 'pair-1');
    expect(ended).toMatchObject({ status: 'ended', endReason: 'ended-without-blame' });
    expect(booking.cancelled).toEqual(['pair-1']);
    for (const id of ['mentor-1', 'mentee-1'])
      expect((await world.store.participants.get('prog-1', id)).status).toBe('opted-in');
    const pairs = await toArray(world.store.pairs.all('prog-1'));
    const live = pairs.filter((p) => p.status === 'proposed');
    expect(live.map((p) => `${p.mentorId}|${p.menteeId}`).sort()).toEqual(['mentor-1|mentee-2', 'mentor-2|mentee-1']);
    const participants = await toArray(world.store.participants.all('prog-1'));
    expect(exclusionsOf(pairs, participants)).toContainEqual(['mentor-1', 'mentee-1']);
    await drain(world);
    // The mentee is told only that the pair ended, never by whom or why.
    const told = cardsTo(world, 'mentee-1').map(textOf).join('\n');
    expect(told).toContain('has ended');
    expect(told).not.toContain('Lena Hoffmann ended');
  });

  it('moves a session from the reminder card to a time both are free, and the partner gets a card', async () => {
    await world.deps.messenger.send([
      {
        type: 'session-reminder',
        recipient: 'mentee-1',
        programmeId: 'prog-1',
        params: { programmeId: 'prog-1', pairId: 'pair-1', occurrenceIndex: 1 },
        dedupeKey: 'reminder:pair-1:1:mentee-1',
      },
    ]);
    await drain(world);
    const reminder = cardsTo(world, 'mentee-1').at(-1) as AdaptiveCard;
    const move = actionsOf(reminder).find((a) => a.verb === 'moveSession');
    expect(move?.title).toBe('Move');
    // Every card in the personal chat has the "Tandem" button: where do I stand, what is next.
    const tandem = actionsOf(reminder).find((a) => a.verb === 'showStatus');
    expect(tandem?.title).toBe('Tandem');
    const status = await post(world, executeActivity(world, 'mentee-1', tandem?.data as Record<string, unknown>));
    expect(textOf(status.card)).toContain('Your tandem in Digital Leadership 2026');
    const offer = await post(world, executeActivity(world, 'mentee-1', move?.data as Record<string, unknown>));
    const offerText = textOf(offer.card);
    expect(offerText).toContain('Times that week when you and Lena Hoffmann are both free');
    // The fake booking's free times: 11 March 10:00 and 14:00 UTC, shown in Berlin time.
    expect(offerText).toMatch(/11 March.*11:00/);
    const choose = actionsOf(offer.card).find((a) => a.verb === 'moveSessionTo');
    const moved = await post(
      world,
      executeActivity(world, 'mentee-1', choose?.data as Record<string, unknown>, {
        start: '2026-03-11T14:00:00.000Z',
      }),
    );
    expect(textOf(moved.card)).toMatch(/Moved to .*11 March.*15:00\. Lena Hoffmann has been told\./);
    expect(booking.moved).toEqual([{ seriesId: 'pair-1-series', index: 1, start: '2026-03-11T14:00:00.000Z' }]);
    await drain(world);
    const told = textOf(cardsTo(world, 'mentor-1').at(-1));
    expect(told).toContain('Thomas Müller moved a session');
    expect(told).toMatch(/11 March.*15:00/);
  });

  it('moves the rest of the series to another weekday and time in one series; the partner gets a card', async () => {
    const answer = await post(
      world,
      executeActivity(
        world,
        'mentor-1',
        { verb: 'moveSeries', programmeId: 'prog-1', pairId: 'pair-1', occurrenceIndex: 1 },
        { weekday: 'thu', time: '14:00' },
      ),
    );
    expect(textOf(answer.card)).toContain('The rest of the series is now on Thursday at 14:00');
    // Each future session moves within its own week to Thursday 14:00 Berlin time; the past one stays.
    expect(booking.moved.map((m) => [m.index, m.start])).toEqual([
      [1, '2026-03-12T13:00:00.000Z'],
      [2, '2026-03-26T13:00:00.000Z'],
      [3, '2026-04-09T12:00:00.000Z'],
      [4, '2026-04-23T12:00:00.000Z'],
    ]);
    const all = await toArray(world.store.meetings.all('prog-1'));
    expect(all.filter((s) => s.kind === 'pair-series' && s.pairId === 'pair-1')).toHaveLength(1);
    expect((await world.store.meetings.get('prog-1', 'pair-1-series')).weekday).toBe('thu');
    await drain(world);
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('your sessions are on Thursday at 14:00');
  });

  it('only the two people of the pair can pause, move or end it', async () => {
    const stranger = await post(
      world,
      executeActivity(world, 'stranger-1', { verb: 'endPair', programmeId: 'prog-1', pairId: 'pair-1' }),
    );
    expect(textOf(stranger.card)).toContain('no longer available');
    const move = await post(
      world,
      executeActivity(world, 'stranger-1', {
        verb: 'moveSession',
        programmeId: 'prog-1',
        pairId: 'pair-1',
        occurrenceIndex: 1,
      }),
    );
    expect(textOf(move.card)).toContain('no longer available');
    expect((await world.store.pairs.get('prog-1', 'pair-1')).status).toBe('active');
  });

  it('the participation card ("pause") offers pause until a date and end this pair, never a one-tap end', async () => {
    await say(world, 'mentee-1', 'pause');
    const card = cardsTo(world, 'mentee-1').at(-1);
    const top = card?.actions ?? [];
    // Only the "Tandem" button acts at once; pausing, ending and leaving each open a confirmation first.
    expect(top.filter((a) => a.type === 'Action.Execute').map((a) => a.verb)).toEqual(['showStatus']);
    expect(top.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Pause until a date', 'End this pair', 'Leave the programme']),
    );
  });
});
