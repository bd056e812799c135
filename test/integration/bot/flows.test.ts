import { toArray } from '../../../functions/src/ports/store';
import { invite } from '../../../functions/src/app/invite';
import { ROLE_MANAGE, type Caller } from '../../../functions/src/app/caller';
import { aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
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
  anActivePair,
} from './support/bot-world';

const manager: Caller = { userId: 'manager-1', tenantId: 'tenant-1', roles: [ROLE_MANAGE] };

describe('the Teams bot through the CloudAdapter and a local channel', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'preparation' }));
  });
  afterEach(() => world.close());

  it('stores the personal conversation on install and welcomes the person in their Teams language', async () => {
    const res = await post(world, installActivity(world, 'mentee-1', 'de-DE'));
    expect(res.status).toBe(200);
    const record = await world.store.conversations.get('mentee-1', 'mentee-1');
    expect(record.locale).toBe('de-DE');
    expect(record.tenantId).toBe('tenant-1');
    expect(record.reference).toMatchObject({ serviceUrl: world.channel.url, conversation: { id: 'a:conv-mentee-1' } });
    expect(record.reference).not.toHaveProperty('activityId');
    expect(textOf(cardsTo(world, 'mentee-1'))).toContain('Willkommen bei Tandem');
  });

  it('stores nothing and stays quiet when it is added to a team channel', async () => {
    const install = installActivity(world, 'mentee-1');
    install.conversation = { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' };
    expect((await post(world, install)).status).toBe(200);
    expect(await world.store.conversations.find('mentee-1', 'mentee-1')).toBeUndefined();
    expect(world.channel.delivered).toHaveLength(0);
  });

  it('runs invitation → opt-in from the card, recording consent with its text version and the Teams time zone', async () => {
    await post(world, installActivity(world, 'mentee-1'));
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    const report = await drain(world);
    expect(report.sent).toBe(1);
    const invitation = cardsTo(world, 'mentee-1').at(-1);
    expect(textOf(invitation)).toContain('You are invited: Digital Leadership 2026');
    expect(textOf(invitation)).toContain('Dr. Katrin Weber invites you');

    const optIn = executeActivity(
      world,
      'mentee-1',
      { verb: 'optIn', programmeId: 'prog-1' },
      {
        role: 'mentee',
        learnTopics: 'teams,ai',
        languages: 'de,en',
        weekdays: 'tue,thu',
        times: 'morning',
        consent: 'true',
        interests: 'cycling, jazz',
      },
    );
    const answer = await post(world, optIn);
    expect(answer.status).toBe(200);
    expect(answer.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(answer.card)).toContain('You are in');
    const participant = await world.store.participants.get('prog-1', 'mentee-1');
    expect(participant).toMatchObject({
      status: 'opted-in',
      role: 'mentee',
      learnTopics: ['teams', 'ai'],
      interests: ['cycling', 'jazz'],
      timeZone: 'Europe/Berlin',
      consent: { textVersion: '2026-01', at: world.clock.now().toISOString() },
    });

    // The same click again (a second device, a double click) changes nothing and shows the same state.
    const again = await post(world, optIn);
    expect(textOf(again.card)).toContain('You are in');
    expect((await world.store.participants.get('prog-1', 'mentee-1')).optedInAt).toBe(participant.optedInAt);
  });

  it('answers an opt-in without consent with the same form, an error and the entered values, storing nothing', async () => {
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    const answer = await post(
      world,
      executeActivity(
        world,
        'mentee-1',
        { verb: 'optIn', programmeId: 'prog-1' },
        { role: 'mentee', learnTopics: 'ai', languages: 'de', weekdays: 'tue', consent: 'false' },
      ),
    );
    expect(textOf(answer.card)).toContain('Please agree to take part');
    expect(JSON.stringify(answer.card)).toContain('"value":"ai"');
    expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('invited');
  });

  it('answers an opt-in on an invitation whose enrollment has closed with the current card, in German for a German client', async () => {
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    await world.store.programmes.upsert(aProgramme({ phase: 'execution' }));
    const answer = await post(
      world,
      executeActivity(
        world,
        'mentee-1',
        { verb: 'optIn', programmeId: 'prog-1' },
        { role: 'mentee', learnTopics: 'ai', languages: 'de', weekdays: 'tue', consent: 'true' },
        'de-DE',
      ),
    );
    expect(textOf(answer.card)).toContain('Diese Karte war nicht mehr aktuell');
    expect(textOf(answer.card)).toContain('Die Anmeldung zu Digital Leadership 2026 ist geschlossen.');
    expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('invited');
  });

  it('reports bad card input like API input (unknown topic) without a server error', async () => {
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    const answer = await post(
      world,
      executeActivity(
        world,
        'mentee-1',
        { verb: 'optIn', programmeId: 'prog-1' },
        { role: 'mentee', learnTopics: 'NOT A TOPIC', languages: 'de', weekdays: 'tue', consent: 'true' },
      ),
    );
    expect(answer.status).toBe(200);
    expect(textOf(answer.card)).toContain('Please check your answers');
    expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('invited');
  });

  it('accepts the Action.Submit fallback of older clients as a message with the verb in its value', async () => {
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    await post(
      world,
      activityFrom(world, 'mentee-1', {
        type: 'message',
        value: {
          verb: 'optIn',
          programmeId: 'prog-1',
          role: 'mentee',
          learnTopics: 'ai',
          languages: 'en',
          weekdays: 'wed',
          consent: 'true',
        },
      }),
    );
    expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('opted-in');
    expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('You are in');
  });

  it('never lets someone act on another person’s enrollment or pair, even with a tampered payload', async () => {
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    await world.store.pairs.create(aPair({ publishedAt: '2026-03-01T00:00:00.000Z' }));
    const tampered = [
      executeActivity(world, 'stranger-1', { verb: 'acceptProposal', programmeId: 'prog-1', pairId: 'pair-1' }),
      executeActivity(world, 'stranger-1', { verb: 'leave', programmeId: 'prog-1', userId: 'mentee-1' }),
      executeActivity(world, 'stranger-1', {
        verb: 'refresh',
        card: 'proposal',
        programmeId: 'prog-1',
        pairId: 'pair-1',
      }),
      executeActivity(world, 'stranger-1', { verb: 'acceptProposal', programmeId: '../prog-1', pairId: 'pair-1' }),
    ];
    for (const activity of tampered) {
      const answer = await post(world, activity);
      expect(answer.status).toBe(200);
      expect(textOf(answer.card)).toContain('no longer available to you');
      expect(textOf(answer.card)).not.toContain('Lena Hoffmann');
    }
    const pair = await world.store.pairs.get('prog-1', 'pair-1');
    expect([pair.mentor.state, pair.mentee.state, pair.status]).toEqual(['pending', 'pending', 'proposed']);
    expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('invited');
  });

  describe('a published proposal', () => {
    beforeEach(async () => {
      await world.store.participants.create(
        anOptedInParticipant({ userId: 'mentor-1', role: 'mentor', interests: ['podcasts'] }),
      );
      await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
      await world.store.pairs.create(aPair({ publishedAt: '2026-03-01T00:00:00.000Z' }));
      for (const id of ['mentor-1', 'mentee-1']) await post(world, installActivity(world, id));
      await world.deps.messenger.send(
        ['mentor-1', 'mentee-1'].map((recipient) => ({
          type: 'proposal' as const,
          recipient,
          programmeId: 'prog-1',
          params: { programmeId: 'prog-1', pairId: 'pair-1' },
          dedupeKey: `proposal:pair-1:${recipient}`,
        })),
      );
      await drain(world);
    });

    it('shows the partner’s profile and why the two fit', () => {
      const card = textOf(cardsTo(world, 'mentee-1').at(-1));
      expect(card).toContain('Your proposed partner in Digital Leadership 2026');
      expect(card).toContain('Lena Hoffmann');
      expect(card).toContain('Working Student');
      expect(card).toContain('podcasts');
      expect(card).toContain('Why you two');
    });

    it('confirms the pair when both accept; repeating an accept is harmless', async () => {
      const accept = (id: string) =>
        executeActivity(world, id, { verb: 'acceptProposal', programmeId: 'prog-1', pairId: 'pair-1' });
      expect(textOf((await post(world, accept('mentee-1'))).card)).toContain('waiting for Lena Hoffmann');
      expect(textOf((await post(world, accept('mentee-1'))).card)).toContain('waiting for Lena Hoffmann');
      expect(textOf((await post(world, accept('mentor-1'))).card)).toContain('are a pair');
      expect((await world.store.pairs.get('prog-1', 'pair-1')).status).toBe('confirmed');
      // The confirmation goes out through the outbox to both, once.
      const report = await drain(world);
      expect(report.sent).toBe(2);
    });

    it('keeps a decline private: the reason reaches the pair record for the manager, the partner learns only that it did not work out', async () => {
      const decline = executeActivity(
        world,
        'mentee-1',
        { verb: 'declineProposal', programmeId: 'prog-1', pairId: 'pair-1' },
        { reason: 'We know each other from the football club.' },
      );
      expect(textOf((await post(world, decline)).card)).toContain('no hard feelings');
      const pair = await world.store.pairs.get('prog-1', 'pair-1');
      expect(pair.status).toBe('declined');
      expect(pair.mentee.reason).toBe('We know each other from the football club.');
      await drain(world);
      const partnerView = JSON.stringify(cardsTo(world, 'mentor-1'));
      expect(partnerView).toContain('did not work out');
      expect(partnerView).not.toContain('football');
    });

    it('answers an action on an outdated card (the partner declined meanwhile) with the current card', async () => {
      await post(
        world,
        executeActivity(world, 'mentor-1', { verb: 'declineProposal', programmeId: 'prog-1', pairId: 'pair-1' }),
      );
      const late = await post(
        world,
        executeActivity(world, 'mentee-1', { verb: 'acceptProposal', programmeId: 'prog-1', pairId: 'pair-1' }),
      );
      expect(textOf(late.card)).toContain('This card was out of date');
      expect(textOf(late.card)).toContain('did not work out');
      expect((await world.store.pairs.get('prog-1', 'pair-1')).mentee.state).toBe('pending');
    });

    it('refreshes a card to the current state when Teams asks (refresh verb)', async () => {
      await post(
        world,
        executeActivity(world, 'mentor-1', { verb: 'acceptProposal', programmeId: 'prog-1', pairId: 'pair-1' }),
      );
      await post(
        world,
        executeActivity(world, 'mentee-1', { verb: 'acceptProposal', programmeId: 'prog-1', pairId: 'pair-1' }),
      );
      const refreshed = await post(
        world,
        executeActivity(world, 'mentor-1', {
          verb: 'refresh',
          card: 'proposal',
          programmeId: 'prog-1',
          pairId: 'pair-1',
        }),
      );
      expect(textOf(refreshed.card)).toContain('are a pair');
    });
  });

  describe('an active pair', () => {
    beforeEach(async () => {
      await world.store.participants.create(anOptedInParticipant({ userId: 'mentor-1', role: 'mentor' }));
      await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
      await anActivePair(world, {
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        occurrences: [
          { index: 0, start: '2026-02-24T09:00:00.000Z', end: '2026-02-24T09:45:00.000Z', status: 'planned' },
          { index: 1, start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T09:45:00.000Z', status: 'planned' },
        ],
      });
      await world.store.programmes.upsert(aProgramme({ phase: 'execution' }));
    });

    it('records feedback after a session; sending again replaces it; a bad rating is explained', async () => {
      const submit = (rating: string) =>
        executeActivity(
          world,
          'mentee-1',
          { verb: 'submitFeedback', programmeId: 'prog-1', pairId: 'pair-1', occurrenceIndex: 0 },
          { rating, held: 'true', learnt: 'Channels and Loop.', nextTopic: 'Copilot' },
        );
      expect(textOf((await post(world, submit('4'))).card)).toContain('Your feedback for session 1 is saved');
      await post(world, submit('5'));
      const stored = await world.store.feedback.get('prog-1', 'pair-1:mentee-1:0');
      expect(stored).toMatchObject({ rating: 5, held: true, learnt: 'Channels and Loop.', nextTopic: 'Copilot' });
      const bad = await post(world, submit('9'));
      expect(textOf(bad.card)).toContain('rating');
      expect((await world.store.feedback.get('prog-1', 'pair-1:mentee-1:0')).rating).toBe(5);
      const series = await world.store.meetings.get('prog-1', 'series-1');
      expect(series.occurrences[0]?.status).toBe('held');
    });

    it('records the start self-assessment per topic', async () => {
      const answer = await post(
        world,
        executeActivity(
          world,
          'mentee-1',
          { verb: 'submitAssessment', programmeId: 'prog-1', kind: 'start' },
          { rating_teams: '2', rating_ai: '1' },
        ),
      );
      expect(textOf(answer.card)).toContain('start assessment is saved');
      expect((await world.store.assessments.get('prog-1', 'mentee-1:start')).ratings).toEqual({ teams: 2, ai: 1 });
    });

    it('pauses, resumes and leaves from the membership card without blame; the partner is told the pair ended', async () => {
      await post(world, installActivity(world, 'mentor-1'));
      const act = (verb: string) => post(world, executeActivity(world, 'mentee-1', { verb, programmeId: 'prog-1' }));
      expect(textOf((await act('pause')).card)).toContain('You paused');
      expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('paused');
      expect(textOf((await act('resume')).card)).toContain('taking part');
      expect(textOf((await act('leave')).card)).toContain('You left');
      expect((await world.store.participants.get('prog-1', 'mentee-1')).status).toBe('left');
      await drain(world);
      expect(textOf(cardsTo(world, 'mentor-1'))).toContain('has ended');
    });

    it('shows the consent a person gave on the membership card and withdraws it there: they leave and their data is erased', async () => {
      await post(world, installActivity(world, 'mentor-1'));
      await post(world, activityFrom(world, 'mentee-1', { type: 'message', text: 'pause' }));
      expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('My consent');
      const answer = await post(
        world,
        executeActivity(world, 'mentee-1', { verb: 'withdrawConsent', programmeId: 'prog-1' }),
      );
      expect(textOf(answer.card)).toContain('Your consent is withdrawn');
      expect(await world.store.participants.find('prog-1', 'mentee-1')).toBeUndefined();
      const left = await toArray(world.store.participants.all('prog-1'));
      expect(JSON.stringify(left)).not.toContain('mentee-1');
      await drain(world);
      expect(textOf(cardsTo(world, 'mentor-1'))).toContain('has ended');
    });

    it('shows the membership card for the word "pause" and the welcome card for anything else', async () => {
      await post(world, activityFrom(world, 'mentee-1', { type: 'message', text: 'pause' }));
      expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('Your participation in Digital Leadership 2026');
      await post(world, activityFrom(world, 'mentee-1', { type: 'message', text: 'was kann ich tun?' }, 'de-DE'));
      expect(textOf(cardsTo(world, 'mentee-1').at(-1))).toContain('Willkommen bei Tandem');
    });

    it('sends the session reminder with the guide of the pair’s topic in the person’s language', async () => {
      await post(world, installActivity(world, 'mentee-1', 'de-DE'));
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
      const text = textOf(cardsTo(world, 'mentee-1').at(-1));
      expect(text).toContain('Ihr nächster Termin mit Lena Hoffmann');
      expect(text).toContain('Kanäle, Chats und Besprechungen.');
    });
  });

  it('does not resend a message that was in flight when an earlier run stopped', async () => {
    await post(world, installActivity(world, 'mentee-1'));
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    const [message] = (await world.store.outbox.list(undefined)).items;
    const { etag, ...doc } = message!;
    await world.store.outbox.replace(
      { ...doc, attempts: 1, status: 'sending', nextAttemptAt: '2026-03-02T07:00:00.000Z' },
      etag,
    );
    const before = world.channel.delivered.length;
    const report = await drain(world);
    expect(report).toMatchObject({ sent: 0, uncertain: 1 });
    expect(world.channel.delivered.length).toBe(before);
  });

  it('keeps an invitation for someone who never opened the bot and sends it when they install it', async () => {
    await invite(world.deps, manager, 'prog-1', { userIds: ['mentee-1'] });
    expect(await drain(world)).toMatchObject({ sent: 0, waiting: 1 });
    await post(world, installActivity(world, 'mentee-1'));
    expect(await drain(world)).toMatchObject({ sent: 1 });
    expect(textOf(cardsTo(world, 'mentee-1'))).toContain('You are invited');
  });
});
