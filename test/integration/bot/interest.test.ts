import { announce } from '../../../functions/src/app/announcements';
import { ROLE_MANAGE } from '../../../functions/src/app/caller';
import { toArray } from '../../../functions/src/ports/store';
import { cardProblems } from '../../../bot/src/cards/validate';
import { aProgramme, anOptedInParticipant } from '../../support/builders';
import {
  cardsTo,
  executeActivity,
  installActivity,
  openBotWorld,
  post,
  textOf,
  type BotWorld,
} from './support/bot-world';

const manager = { userId: 'manager-1', tenantId: 'tenant-1', roles: [ROLE_MANAGE] };

/** The data of the card's "I am interested" button, as Teams sends it back on a click. */
function interestAction(card: unknown): Record<string, unknown> | undefined {
  const actions = (card as { actions?: { verb?: string; data?: Record<string, unknown> }[] }).actions ?? [];
  const action = actions.find((a) => a.verb === 'registerInterest');
  return action ? { verb: action.verb, ...action.data } : undefined;
}

describe('the interest list from an announcement card', () => {
  let w: BotWorld;
  let announcementId: string;
  beforeAll(async () => {
    w = await openBotWorld();
    await w.store.programmes.create(aProgramme({ phase: 'steering', createdBy: 'manager-1' }));
    await w.store.participants.create(
      anOptedInParticipant({ userId: 'mentor-1', role: 'mentor', testimonial: 'I learnt to listen.' }),
    );
    await w.store.participants.create(anOptedInParticipant({ userId: 'mentee-1', role: 'mentee' }));
    await post(w, installActivity(w, 'mentee-1'));
    await post(w, installActivity(w, 'mentor-1', 'de-DE'));
    ({ id: announcementId } = await announce(w.deps, manager, 'prog-1', {
      title: 'Second cohort',
      text: 'Tell us if you want to take part next time.',
      audience: 'all',
    }));
    expect(await w.runtime.drain(w.deps)).toMatchObject({ sent: 2, failed: 0 });
  });
  afterAll(() => w.close());

  it('puts the person on the list with one click and answers with the same announcement, noted', async () => {
    const card = cardsTo(w, 'mentee-1').at(-1);
    const data = interestAction(card);
    expect(data).toEqual({ verb: 'registerInterest', programmeId: 'prog-1', announcementId });

    const answer = await post(w, executeActivity(w, 'mentee-1', data as Record<string, unknown>));
    expect(answer.status).toBe(200);
    expect(cardProblems(answer.card!)).toEqual([]);
    expect(textOf(answer.card)).toContain('Tell us if you want to take part next time.');
    expect(textOf(answer.card)).toContain('Noted – we will invite you to the next cohort');
    expect(interestAction(answer.card)).toBeUndefined();
    const record = await w.store.interest.get('prog-1', 'mentee-1');
    expect(record).toMatchObject({ userId: 'mentee-1', source: 'bot' });

    // A second click (an older copy of the card, another device) is harmless.
    const again = await post(w, executeActivity(w, 'mentee-1', data as Record<string, unknown>));
    expect(textOf(again.card)).toContain('Noted');
    expect(await toArray(w.store.interest.all('prog-1'))).toHaveLength(1);
    expect((await w.store.interest.get('prog-1', 'mentee-1')).registeredAt).toBe(record.registeredAt);
  });

  it('answers in the person’s language', async () => {
    const card = cardsTo(w, 'mentor-1').at(-1);
    expect(textOf(card)).toContain('Ich interessiere mich für die nächste Runde');
    const answer = await post(
      w,
      executeActivity(w, 'mentor-1', interestAction(card) as Record<string, unknown>, {}, 'de-DE'),
    );
    expect(textOf(answer.card)).toContain('Vorgemerkt');
  });

  it('shows someone already on the list the note instead of the button on the next announcement', async () => {
    await announce(w.deps, manager, 'prog-1', {
      title: 'Dates',
      text: 'The closing event is on 14 July.',
      audience: 'all',
    });
    await w.runtime.drain(w.deps);
    const card = cardsTo(w, 'mentee-1').at(-1);
    expect(textOf(card)).toContain('The closing event is on 14 July.');
    expect(textOf(card)).toContain('Noted');
    expect(interestAction(card)).toBeUndefined();
  });

  it('never shows someone else’s announcement, even with a tampered card', async () => {
    // stranger-1 never received this announcement: the click still counts, but the answer shows only the list.
    const answer = await post(
      w,
      executeActivity(w, 'stranger-1', { verb: 'registerInterest', programmeId: 'prog-1', announcementId }),
    );
    expect(cardProblems(answer.card!)).toEqual([]);
    expect(textOf(answer.card)).not.toContain('Tell us if you want to take part next time.');
    expect(textOf(answer.card)).toContain('The next cohort of');
    expect(textOf(answer.card)).toContain('Noted');

    const unknown = await post(w, executeActivity(w, 'stranger-1', { verb: 'registerInterest', programmeId: 'nope' }));
    expect(textOf(unknown.card)).toContain('no longer available');
  });

  it('offers no interest list for a programme still in draft', async () => {
    await w.store.programmes.create(aProgramme({ id: 'prog-draft', phase: 'draft' }));
    const answer = await post(
      w,
      executeActivity(w, 'mentee-1', { verb: 'registerInterest', programmeId: 'prog-draft' }),
    );
    expect(textOf(answer.card)).toContain('This card was out of date');
    expect(interestAction(answer.card)).toBeUndefined();
    expect(await w.store.interest.find('prog-draft', 'mentee-1')).toBeUndefined();
  });
});
