/**
 * Who may do what in which phase, from invitation to opt-in with consent, called on the use cases
 * directly (in-memory store). Each refusal carries its error type and, where a person can act on it,
 * its stable code (core/errors.ts ERROR_CODES); nothing is written by a refused call.
 */
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../../functions/src/core/errors';
import { createProgramme } from '../../../functions/src/app/programmes';
import { changePhase } from '../../../functions/src/app/phase';
import { invite } from '../../../functions/src/app/invite';
import { optInto, pauseParticipation, resumeParticipation } from '../../../functions/src/app/enrollment';
import { inviteInterested, registerInterest, withdrawInterest } from '../../../functions/src/app/interest';
import { createProgrammeSchema, optInSchema } from '../../../functions/src/app/schemas';
import { toArray } from '../../../functions/src/ports/store';
import { useCaseWorld, type UseCaseWorld } from '../../support/use-case-world';
import { aNewProgramme, NEW_PROGRAMME, optIn, profile, rejection } from '../../support/use-case-flow';

let w: UseCaseWorld;
beforeEach(async () => {
  w = await useCaseWorld();
});

/** Expects the call to fail with this error type and, when given, this code. */
async function refused(work: Promise<unknown>, type: abstract new (...args: never[]) => Error, code?: string) {
  const err = await rejection(work);
  expect(err).toBeInstanceOf(type);
  if (code) expect(err).toMatchObject({ code });
  return err as Error;
}

async function programmeInPreparation(): Promise<string> {
  const id = await aNewProgramme(w);
  await changePhase(w.deps, w.manager, id, 'preparation');
  return id;
}

describe('creating a programme and moving its phases', () => {
  it('is for programme managers only: HR and participants are refused and nothing is stored', async () => {
    for (const caller of [w.hr, w.person('sales-senior-1')])
      await refused(createProgramme(w.deps, caller, createProgrammeSchema.parse(NEW_PROGRAMME)), ForbiddenError);
    expect(await toArray(w.deps.store.programmes.all(undefined))).toEqual([]);
  });

  it('refuses an anonymity threshold under the organisation’s floor', async () => {
    const strict = await useCaseWorld({ policy: { anonymityFloor: 5 } });
    const err = await refused(
      createProgramme(strict.deps, strict.manager, createProgrammeSchema.parse(NEW_PROGRAMME)),
      InvalidError,
    );
    expect(err.message).toMatch(/5/);
  });

  it('moves one step at a time, and into matching only with a trained mentor and an opted-in mentee', async () => {
    const id = await aNewProgramme(w);
    await refused(changePhase(w.deps, w.manager, id, 'matching'), ConflictError);
    await refused(changePhase(w.deps, w.person('sales-senior-1'), id, 'preparation'), ForbiddenError);
    await changePhase(w.deps, w.manager, id, 'preparation');
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1', 'it-junior-3'] });
    expect((await refused(changePhase(w.deps, w.manager, id, 'matching'), ConflictError)).message).toContain(
      'No mentee has opted in yet.',
    );
    await optIn(w, id, 'sales-senior-1', 'mentee');
    await optIn(w, id, 'it-junior-3', 'mentor');
    const err = await refused(changePhase(w.deps, w.manager, id, 'matching'), ConflictError);
    expect(err.message).toBe('No mentor has finished the mentor training yet.');
    expect((await w.deps.store.programmes.get(id, id)).phase).toBe('preparation');
  });

  it('answers an unknown programme with NotFound', async () => {
    await refused(changePhase(w.deps, w.manager, 'prog-nope', 'preparation'), NotFoundError);
  });
});

describe('invitations', () => {
  it('go out in preparation or matching only (wrong-phase), from a manager only', async () => {
    const id = await aNewProgramme(w);
    await refused(invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] }), ConflictError, 'wrong-phase');
    await changePhase(w.deps, w.manager, id, 'preparation');
    await refused(invite(w.deps, w.person('sales-senior-1'), id, { userIds: ['sales-senior-2'] }), ForbiddenError);
    expect(await toArray(w.deps.store.participants.all(id))).toEqual([]);
  });

  it('invite members only, each once, and queue one invitation card per person invited', async () => {
    const id = await programmeInPreparation();
    const first = await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1', 'guest-1', 'disabled-1'] });
    expect(first).toEqual({ invited: 1, alreadyInvited: 0, notInvitable: ['guest-1', 'disabled-1'] });
    const again = await invite(w.deps, w.manager, id, { groupId: 'group-sales' });
    expect(again).toEqual({ invited: 1, alreadyInvited: 1, notInvitable: ['guest-1'] });
    const cards = (await w.outbox()).filter((m) => m.payload.type === 'invitation').map((m) => m.recipient);
    expect(cards.sort()).toEqual(['sales-junior-2', 'sales-senior-1']);
  });
});

describe('opting in with consent', () => {
  it('needs the invitation (NotFound) and is one’s own act', async () => {
    const id = await programmeInPreparation();
    await refused(optIn(w, id, 'sales-senior-1', 'mentee'), NotFoundError);
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
    const input = optInSchema.parse({ profile: profile('mentee'), consentTextVersion: '2026-01' });
    await refused(optInto(w.deps, w.person('sales-senior-2'), id, 'sales-senior-1', input), ForbiddenError);
    await refused(optInto(w.deps, w.manager, id, 'sales-senior-1', input), ForbiddenError);
  });

  it('needs the programme’s current consent text: an older version is refused naming the field, nothing stored', async () => {
    const id = await programmeInPreparation();
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
    const old = optInSchema.parse({ profile: profile('mentee'), consentTextVersion: '2025-01' });
    const err = await refused(optInto(w.deps, w.person('sales-senior-1'), id, 'sales-senior-1', old), InvalidError);
    expect((err as InvalidError).fields).toHaveProperty('consentTextVersion');
    expect((await w.deps.store.participants.get(id, 'sales-senior-1')).status).toBe('invited');
    expect((await w.deps.store.programmes.get(id, id)).optedInSince).toBeUndefined();
  });

  it('records the consent with its version and time, marks the programme, and refuses a second opt-in (already-opted-in)', async () => {
    const id = await programmeInPreparation();
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
    const me = await optIn(w, id, 'sales-senior-1', 'mentee');
    expect(me.status).toBe('opted-in');
    expect(me.consent).toEqual({ textVersion: '2026-01', at: w.clock.now().toISOString() });
    expect((await w.deps.store.programmes.get(id, id)).optedInSince).toBe(w.clock.now().toISOString());
    await refused(optIn(w, id, 'sales-senior-1', 'mentee'), ConflictError, 'already-opted-in');
  });

  it('refuses topics the programme does not have', async () => {
    const id = await programmeInPreparation();
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
    const input = optInSchema.parse({
      profile: { ...profile('mentee'), learnTopics: ['knitting'] },
      consentTextVersion: '2026-01',
    });
    await refused(optInto(w.deps, w.person('sales-senior-1'), id, 'sales-senior-1', input), InvalidError);
  });

  it('is closed once the programme is in execution', async () => {
    const id = await programmeInPreparation();
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
    const stored = await w.deps.store.programmes.get(id, id);
    await w.deps.store.programmes.replace({ ...stored, phase: 'execution' }, stored.etag);
    await refused(optIn(w, id, 'sales-senior-1', 'mentee'), ConflictError);
  });

  it('lets a person pause and resume only their own participation', async () => {
    const id = await programmeInPreparation();
    await invite(w.deps, w.manager, id, { userIds: ['sales-senior-1'] });
    await optIn(w, id, 'sales-senior-1', 'mentee');
    await refused(resumeParticipation(w.deps, w.person('sales-senior-2'), id, 'sales-senior-1'), ForbiddenError);
    expect((await pauseParticipation(w.deps, w.person('sales-senior-1'), id, 'sales-senior-1')).status).toBe('paused');
    expect((await resumeParticipation(w.deps, w.person('sales-senior-1'), id, 'sales-senior-1')).status).toBe(
      'opted-in',
    );
  });
});

describe('the interest list', () => {
  it('opens once a programme leaves draft, holds a person once however often they say so, and lets them withdraw twice', async () => {
    const id = await aNewProgramme(w);
    await refused(registerInterest(w.deps, w.person('it-senior-3'), id), ConflictError);
    await changePhase(w.deps, w.manager, id, 'preparation');
    const [a, b] = await Promise.all([
      registerInterest(w.deps, w.person('it-senior-3'), id),
      registerInterest(w.deps, w.person('it-senior-3'), id),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await toArray(w.deps.store.interest.all(id))).toHaveLength(1);
    expect(await withdrawInterest(w.deps, w.person('it-senior-3'), id)).toBe(true);
    expect(await withdrawInterest(w.deps, w.person('it-senior-3'), id)).toBe(false);
  });

  it('is invited by a manager into the next programme, which notes the invitation on the record', async () => {
    const id = await programmeInPreparation();
    const next = await programmeInPreparation();
    await registerInterest(w.deps, w.person('it-senior-3'), id);
    const input = { to: next, userIds: ['it-senior-3'] };
    await refused(inviteInterested(w.deps, w.person('it-senior-3'), id, input), ForbiddenError);
    expect(await inviteInterested(w.deps, w.manager, id, input)).toMatchObject({ invited: 1 });
    expect((await w.deps.store.participants.get(next, 'it-senior-3')).status).toBe('invited');
    expect((await w.deps.store.interest.get(id, 'it-senior-3')).invitedTo).toEqual([
      { programmeId: next, at: w.clock.now().toISOString() },
    ]);
  });
});
