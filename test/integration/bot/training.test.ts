/** The mentor training checklist in the chat: sent at opt-in, modules with text and link, ticked one by one. */
import { optInto } from '../../../functions/src/app/enrollment';
import { aParticipant, aProgramme } from '../../support/builders';
import {
  cardsTo,
  executeActivity,
  installActivity,
  openBotWorld,
  post,
  textOf,
  type BotWorld,
  drain,
} from './support/bot-world';

const MODULES = [
  {
    id: 'principles',
    title: { en: 'Eye level', de: 'Augenhöhe' },
    text: { en: 'Why hierarchy stays outside.', de: 'Warum Hierarchie draußen bleibt.' },
    link: 'https://contoso.sharepoint.com/sites/tandem/principles',
  },
  { id: 'first-session', title: { en: 'First session', de: 'Der erste Termin' }, text: { en: '', de: '' } },
];

const caller = { userId: 'mentor-1', tenantId: 'tenant-1', roles: [] };
const optInProfile = {
  role: 'mentor' as const,
  teachTopics: ['teams'],
  learnTopics: [],
  interests: [],
  languages: ['de'],
  timeZone: 'Europe/Berlin',
  weekdays: ['tue' as const],
  times: [],
};

describe('the mentor training checklist card', () => {
  let world: BotWorld;
  beforeEach(async () => {
    world = await openBotWorld();
    await world.store.programmes.create(aProgramme({ phase: 'preparation', trainingModules: MODULES }));
    await world.store.participants.create(aParticipant({ userId: 'mentor-1', locale: 'de' }));
  });
  afterEach(() => world.close());

  it('is sent when a mentor opts in, with each module’s text and link in the person’s language', async () => {
    await post(world, installActivity(world, 'mentor-1', 'de-DE'));
    await optInto(world.deps, caller, 'prog-1', 'mentor-1', { profile: optInProfile, consentTextVersion: '2026-01' });
    expect((await drain(world)).sent).toBe(1);
    const card = cardsTo(world, 'mentor-1').at(-1);
    const text = textOf(card);
    expect(text).toContain('Mentor-Schulung: Digital Leadership 2026');
    expect(text).toContain('1. Augenhöhe');
    expect(text).toContain('Warum Hierarchie draußen bleibt.');
    expect(text).toContain('0 von 2 Modulen erledigt');
    expect(JSON.stringify(card)).toContain('https://contoso.sharepoint.com/sites/tandem/principles');
    expect(JSON.stringify(card)).toContain('"id":"module_principles"');
  });

  it('ticks the modules ticked on the card; the last one completes the training', async () => {
    await post(world, installActivity(world, 'mentor-1'));
    await optInto(world.deps, caller, 'prog-1', 'mentor-1', { profile: optInProfile, consentTextVersion: '2026-01' });
    const data = { verb: 'completeTraining', programmeId: 'prog-1' };

    const none = await post(world, executeActivity(world, 'mentor-1', data, { module_principles: 'false' }));
    expect(textOf(none.card)).toContain('Tick the modules you have done.');

    const first = await post(world, executeActivity(world, 'mentor-1', data, { module_principles: 'true' }));
    expect(textOf(first.card)).toContain('1 of 2 modules done');
    expect(textOf(first.card)).toMatch(/✓ Done on/);
    expect(JSON.stringify(first.card)).not.toContain('"id":"module_principles"');
    let stored = await world.store.participants.get('prog-1', 'mentor-1');
    expect(Object.keys(stored.trainingModulesDone ?? {})).toEqual(['principles']);
    expect(stored.trainingCompletedAt).toBeUndefined();

    const last = await post(world, executeActivity(world, 'mentor-1', data, { 'module_first-session': 'true' }));
    expect(textOf(last.card)).toContain('Training completed on');
    stored = await world.store.participants.get('prog-1', 'mentor-1');
    expect(stored.trainingCompletedAt).toEqual(expect.any(String));
  });
});
