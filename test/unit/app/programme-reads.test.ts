/**
 * The two programme reads of app's public API (`@tandem/app`) that the bot uses instead of
 * app/support/access: who may see a programme, and the programme as its invitations and
 * announcements show it.
 */
import { getAnnouncedProgramme, getProgramme } from '@tandem/app';
import { ForbiddenError, NotFoundError } from '@tandem/core/errors';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import { aNewProgramme, rejection } from '../../support/use-case-flow';
import { invite } from '../../../functions/src/app/invite';
import { changePhase } from '../../../functions/src/app/phase';

let w: UseCaseWorld;
let id: string;
beforeEach(async () => {
  w = await useCaseWorld();
  id = await aNewProgramme(w);
  await changePhase(w.deps, w.manager, id, 'preparation');
  await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
});

describe('getProgramme: may this caller see this programme', () => {
  it('shows the programme to managers, HR and the people invited to it', async () => {
    for (const caller of [w.manager, w.hr, w.person('sales-senior-1')])
      expect((await getProgramme(w.deps, caller, id)).name).toBe('Digital Leadership');
  });

  it('refuses anyone else (403, not-a-participant) and says so for an unknown programme (404)', async () => {
    const refused = await rejection(getProgramme(w.deps, w.person('it-senior-1'), id));
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).code).toBe('not-a-participant');
    expect(await rejection(getProgramme(w.deps, w.manager, 'programme-nope'))).toBeInstanceOf(NotFoundError);
  });
});

describe('getAnnouncedProgramme: the programme as its announcement shows it', () => {
  it('is readable by someone not (yet) part of the programme, as an announcement reaches them', async () => {
    const programme = await getAnnouncedProgramme(w.deps, id);
    expect(programme.name).toBe('Digital Leadership');
    expect(programme.consentTextVersion).toBe('2026-01');
  });

  it('says so for an unknown programme (404)', async () => {
    expect(await rejection(getAnnouncedProgramme(w.deps, 'programme-nope'))).toBeInstanceOf(NotFoundError);
  });
});
