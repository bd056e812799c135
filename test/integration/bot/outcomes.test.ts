/** Outcomes in the chat: the mentee's "next time" wish on the mentor's reminder, what mentors gained. */
import { aFeedback, aProgramme, anOptedInParticipant } from '../../support/builders';
import {
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

describe('outcomes through the bot', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'steering' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentor-1', role: 'mentor' }));
    await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await anActivePair(world, {
      occurrences: [
        { index: 0, start: '2026-02-24T09:00:00.000Z', end: '2026-02-24T09:45:00.000Z', status: 'held' },
        { index: 1, start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T09:45:00.000Z', status: 'planned' },
      ],
    });
    await world.store.feedback.create(aFeedback({ nextTopic: 'Copilot in Outlook, please' }));
    await world.store.feedback.create(
      aFeedback({ id: 'pair-1:mentor-1:0', userId: 'mentor-1', role: 'mentor', nextTopic: 'The mentor’s own note' }),
    );
    for (const id of ['mentor-1', 'mentee-1']) await post(world, installActivity(world, id));
  });
  afterEach(() => world.close());

  it('shows the mentor (only) the mentee’s “next time” wish on the session reminder', async () => {
    await world.deps.messenger.send(
      ['mentor-1', 'mentee-1'].map((recipient) => ({
        type: 'session-reminder' as const,
        recipient,
        programmeId: 'prog-1',
        params: { programmeId: 'prog-1', pairId: 'pair-1', seriesId: 'series-1', occurrenceIndex: 1 },
        dedupeKey: `reminder:${recipient}`,
      })),
    );
    expect((await drain(world)).sent).toBe(2);
    const mentor = textOf(cardsTo(world, 'mentor-1').at(-1));
    expect(mentor).toContain('Your mentee would like to cover next');
    expect(mentor).toContain('Copilot in Outlook, please');
    const mentee = textOf(cardsTo(world, 'mentee-1').at(-1));
    expect(mentee).not.toContain('would like to cover next');
    expect(mentee).not.toContain('The mentor’s own note');
  });

  it('tells the mentee on the feedback card that the mentor sees the wish', async () => {
    const card = await post(
      world,
      executeActivity(world, 'mentee-1', {
        verb: 'refresh',
        card: 'feedback',
        programmeId: 'prog-1',
        pairId: 'pair-1',
        occurrenceIndex: 0,
      }),
    );
    expect(textOf(card.card)).toContain('Your mentor sees this wish before your next session.');
    const mentorCard = await post(
      world,
      executeActivity(world, 'mentor-1', {
        verb: 'refresh',
        card: 'feedback',
        programmeId: 'prog-1',
        pairId: 'pair-1',
        occurrenceIndex: 0,
      }),
    );
    expect(textOf(mentorCard.card)).not.toContain('Your mentor sees this wish');
  });

  it('asks a mentor what they gained in the end self-assessment and stores the answer', async () => {
    const data = { verb: 'refresh', card: 'assessment', programmeId: 'prog-1', kind: 'end' };
    const mentorCard = await post(world, executeActivity(world, 'mentor-1', data));
    expect(textOf(mentorCard.card)).toContain('What did being a mentor give you?');
    expect(JSON.stringify(mentorCard.card)).toContain('"id":"gain_leadership"');
    const menteeCard = await post(world, executeActivity(world, 'mentee-1', data));
    expect(JSON.stringify(menteeCard.card)).not.toContain('gain_leadership');

    const submit = await post(
      world,
      executeActivity(
        world,
        'mentor-1',
        { verb: 'submitAssessment', programmeId: 'prog-1', kind: 'end' },
        { rating_teams: '4', rating_ai: '3', gain_leadership: '5', gain_seniorPerspective: '4' },
      ),
    );
    expect(textOf(submit.card)).toContain('your end assessment is saved');
    const stored = await world.store.assessments.get('prog-1', 'mentor-1:end');
    expect(stored.gains).toEqual({ leadership: 5, seniorPerspective: 4 });
  });
});
