/** A reminder queued before one of the pair declined the session in Outlook is not delivered. */
import { aMeetingSeries, aPair, aProgramme, anOptedInParticipant } from '../../support/builders';
import { cardsTo, installActivity, openBotWorld, post, type BotWorld } from './support/bot-world';

let world: BotWorld;
beforeAll(async () => {
  world = await openBotWorld();
  await world.store.programmes.create(aProgramme({ phase: 'execution', createdBy: 'manager-1' }));
  await world.store.participants.create(anOptedInParticipant({ userId: 'mentor-1', role: 'mentor' }));
  await world.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
  await world.store.pairs.create(
    aPair({ status: 'active', booking: 'booked', mentor: { state: 'accepted' }, mentee: { state: 'accepted' } }),
  );
  await world.store.meetings.create(
    aMeetingSeries({
      status: 'booked',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      occurrences: [
        { index: 0, start: '2026-03-03T09:00:00.000Z', end: '2026-03-03T09:45:00.000Z', status: 'planned' },
        {
          index: 1,
          start: '2026-03-10T09:00:00.000Z',
          end: '2026-03-10T09:45:00.000Z',
          status: 'declined',
          declinedBy: ['mentor-1'],
        },
      ],
    }),
  );
  await post(world, installActivity(world, 'mentee-1', 'en-GB'));
});
afterAll(() => world.close());

it('sends the reminder of a planned session and drops the one of a session declined in Outlook', async () => {
  const remind = (occurrenceIndex: number) =>
    world.deps.messenger.send([
      {
        type: 'session-reminder',
        recipient: 'mentee-1',
        programmeId: 'prog-1',
        params: { programmeId: 'prog-1', pairId: 'pair-1', seriesId: 'series-1', occurrenceIndex },
        dedupeKey: `reminder:test:${occurrenceIndex}`,
      },
    ]);
  const before = cardsTo(world, 'mentee-1').length;
  await remind(0);
  await world.runtime.drain(world.deps);
  expect(cardsTo(world, 'mentee-1')).toHaveLength(before + 1);
  await remind(1);
  await world.runtime.drain(world.deps);
  expect(cardsTo(world, 'mentee-1')).toHaveLength(before + 1);
});
