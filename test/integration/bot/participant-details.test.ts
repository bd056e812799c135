/** Announcements in the chat: only consenting testimonials are quoted; no next-cohort offer while taking part. */
import { aParticipant, aProgramme, anOptedInParticipant } from '../../support/builders';
import { cardsTo, installActivity, openBotWorld, post, textOf, type BotWorld } from './support/bot-world';

const hasInterestButton = (card: unknown) => JSON.stringify(card).includes('"verb":"registerInterest"');

describe('announcement cards', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'execution' }));
    await world.store.participants.create(
      anOptedInParticipant({
        userId: 'mentor-1',
        role: 'mentor',
        testimonial: 'I learnt to listen.',
        testimonialConsentAt: '2026-01-10T00:00:00.000Z',
      }),
    );
    await world.store.participants.create(
      anOptedInParticipant({ userId: 'mentee-1', role: 'mentee', testimonial: 'Not for quoting, please.' }),
    );
    await world.store.participants.create(aParticipant({ userId: 'stranger-1', status: 'left' }));
    for (const id of ['mentee-1', 'stranger-1']) await post(world, installActivity(world, id));
    await world.deps.messenger.send(
      ['mentee-1', 'stranger-1'].map((recipient) => ({
        type: 'announcement' as const,
        recipient,
        programmeId: 'prog-1',
        params: { programmeId: 'prog-1', announcementId: 'a-1', title: 'Half-time', text: 'How it is going.' },
        dedupeKey: `announcement:a-1:${recipient}`,
      })),
      'a-1',
    );
    await world.runtime.drain(world.deps, { sleep: async () => {}, waitForRetries: false });
  });
  afterAll(() => world.close());

  it('quotes only testimonials whose authors agreed to be quoted', () => {
    for (const id of ['mentee-1', 'stranger-1']) {
      const text = textOf(cardsTo(world, id).at(-1));
      expect(text).toContain('I learnt to listen.');
      expect(text).not.toContain('Not for quoting, please.');
    }
  });

  it('offers the next cohort to someone who is not taking part, never to a participant', () => {
    expect(hasInterestButton(cardsTo(world, 'stranger-1').at(-1))).toBe(true);
    expect(hasInterestButton(cardsTo(world, 'mentee-1').at(-1))).toBe(false);
  });
});
