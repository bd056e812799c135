import { NOTIFICATION_TYPES, type NotificationType } from '../../../functions/src/ports/messenger';
import { seriesIdOf } from '../../../functions/src/core/model';
import { aMeetingSeries, aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { cardProblems } from '../../../bot/src/cards/validate';
import {
  cardsTo,
  executeActivity,
  installActivity,
  openBotWorld,
  post,
  textOf,
  type BotWorld,
  anActivePair,
} from './support/bot-world';

/** Params as the app's use cases and jobs queue them (see docs/bot.md). */
const PARAMS: Record<NotificationType, Record<string, string | number>> = {
  invitation: {},
  'training-reminder': {},
  proposal: { pairId: 'pair-1' },
  'pair-confirmed': { pairId: 'pair-1' },
  'pair-declined': { pairId: 'pair-1' },
  'pair-ended': { pairId: 'pair-1' },
  'series-booked': { pairId: 'pair-1', seriesId: 'series-1' },
  'no-slot': { pairId: 'pair-1', seriesId: 'series-1', weekday: 'tue' },
  'session-reminder': { pairId: 'pair-1', seriesId: 'series-1', occurrenceIndex: 1 },
  'feedback-request': { pairId: 'pair-1', seriesId: 'series-1', occurrenceIndex: 0 },
  'assessment-request': { kind: 'end' },
  announcement: { announcementId: 'a-1', title: 'Second cohort', text: 'Register your interest now.' },
  'manager-message': { messageId: 'm-1', title: 'A word from the team', text: 'How are your sessions going?' },
  'pair-health': { pairId: 'pair-1', help: 'meeting-rhythm,check-in' },
  'phase-changed': { phase: 'execution' },
  'programme-event': { seriesId: 'prog-1-kickoff', kind: 'kickoff', start: '2026-03-02T14:00:00.000Z' },
  'session-moved': { pairId: 'pair-1', seriesId: 'series-1', occurrenceIndex: 1, start: '2026-03-11T14:00:00.000Z' },
  'sessions-paused': { pairId: 'pair-1', seriesId: 'series-1', until: '2026-03-30', sessions: 1 },
  'channel-post': {
    postId: 'post-1',
    title_de: 'Nächste Runde',
    text_de: 'Jetzt vormerken.',
    title_en: 'Next cohort',
    text_en: 'Register now.',
  },
};

describe('every notification the app queues reaches the person as a valid card', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'execution', createdBy: 'manager-1' }));
    await world.store.participants.create(
      anOptedInParticipant({
        userId: 'mentor-1',
        role: 'mentor',
        testimonial: 'I learnt to listen.',
        testimonialConsentAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await anActivePair(world, {
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      occurrences: [
        { index: 0, start: '2026-02-24T09:00:00.000Z', end: '2026-02-24T09:45:00.000Z', status: 'held' },
        { index: 1, start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T09:45:00.000Z', status: 'planned' },
      ],
    });
    await world.store.meetings.create(
      aMeetingSeries({
        id: 'prog-1-kickoff',
        kind: 'kickoff',
        pairId: undefined,
        status: 'booked',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/kickoff',
        occurrences: [
          { index: 0, start: '2026-03-02T14:00:00.000Z', end: '2026-03-02T15:00:00.000Z', status: 'planned' },
        ],
      }),
    );
    for (const id of ['mentee-1', 'manager-1'])
      await post(world, installActivity(world, id, id === 'manager-1' ? 'de-DE' : 'en-GB'));
  });
  afterAll(() => world.close());

  it.each(NOTIFICATION_TYPES.map((type) => [type]))('%s', async (type) => {
    const recipient = type === 'pair-health' ? 'manager-1' : 'mentee-1';
    const before = cardsTo(world, recipient).length;
    await world.deps.messenger.send([
      {
        type,
        recipient,
        programmeId: 'prog-1',
        params: { programmeId: 'prog-1', ...PARAMS[type] },
        dedupeKey: `${type}:test`,
      },
    ]);
    const report = await world.runtime.drain(world.deps);
    expect(report).toMatchObject({ sent: 1, dropped: 0, failed: 0 });
    const cards = cardsTo(world, recipient);
    expect(cards).toHaveLength(before + 1);
    const card = cards.at(-1);
    expect(cardProblems(card!)).toEqual([]);
    if (type === 'pair-health') {
      expect(textOf(card)).toContain('Seit zwei Terminrhythmen kein Termin');
      expect(textOf(card)).toContain('Lena Hoffmann & Thomas Müller');
    }
    if (type === 'announcement') expect(textOf(card)).toContain('I learnt to listen.');
    if (type === 'manager-message') expect(textOf(card)).toContain('How are your sessions going?');
    if (type === 'programme-event') expect(JSON.stringify(card)).toContain('meetup-join/kickoff');
  });
});

describe('"no common slot — pick another day"', () => {
  let w: BotWorld;
  beforeEach(async () => {
    w = await openBotWorld();
    await w.store.programmes.create(aProgramme({ phase: 'execution' }));
    await w.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await w.store.pairs.create(
      aPair({ publishedAt: '2026-02-01T00:00:00.000Z', status: 'confirmed', booking: 'no-slot' }),
    );
    await w.store.meetings.create(
      aMeetingSeries({ id: seriesIdOf('pair-1'), status: 'no-slot', problem: 'no common free time' }),
    );
  });
  afterEach(() => w.close());

  it('lets either person pick another day for a series without a common slot, and books it again at once', async () => {
    const pick = (fields: Record<string, string>) =>
      post(
        w,
        executeActivity(w, 'mentee-1', { verb: 'pickAnotherDay', programmeId: 'prog-1', pairId: 'pair-1' }, fields),
      );

    // A day that is not a weekday is refused with the form shown again, and changes nothing.
    expect(textOf((await pick({ weekday: 'someday' })).card)).toContain('Please check your answers');
    expect((await w.store.meetings.get('prog-1', seriesIdOf('pair-1'))).status).toBe('no-slot');

    const answer = await pick({ weekday: 'thu', times: 'morning' });
    expect(textOf(answer.card)).toContain('we are looking for a slot on');
    const series = await w.store.meetings.get('prog-1', seriesIdOf('pair-1'));
    expect(series).toMatchObject({ status: 'pending', weekday: 'thu', window: { start: '09:00', end: '12:00' } });
    expect(series.problem).toBeUndefined();
    expect((await w.store.pairs.get('prog-1', 'pair-1')).booking).toBe('none');
    expect((w.deps.booking as unknown as { calls: string[] }).calls).toContain('book:prog-1:pair-1');

    // The same choice again (a double click) is harmless.
    expect(textOf((await pick({ weekday: 'thu', times: 'morning' })).card)).toContain('we are looking for a slot on');
    expect((await w.store.meetings.get('prog-1', seriesIdOf('pair-1'))).weekday).toBe('thu');
  });

  it('never lets someone outside the pair pick its day, even with a tampered card', async () => {
    const answer = await post(
      w,
      executeActivity(
        w,
        'stranger-1',
        { verb: 'pickAnotherDay', programmeId: 'prog-1', pairId: 'pair-1' },
        { weekday: 'mon' },
      ),
    );
    expect(textOf(answer.card)).toContain('no longer available');
    expect((await w.store.meetings.get('prog-1', seriesIdOf('pair-1'))).status).toBe('no-slot');
  });
});
