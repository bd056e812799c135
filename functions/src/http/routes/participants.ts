/** Invitations and each person's enrollment: opt in, profile, pause, resume, leave, mentor training. */
import { z } from 'zod';
import { defineRoute, type RouteInput } from '../route';
import {
  completeTrainingModule,
  getParticipant,
  idSchema,
  invite,
  inviteSchema,
  leaveProgramme,
  listParticipants,
  myConsent,
  optInSchema,
  optInto,
  participantView,
  participantsQuerySchema,
  pauseParticipation,
  programmeParamsSchema,
  recordTraining,
  resumeParticipation,
  topicIdSchema,
  updateProfile,
  updateProfileSchema,
  withdrawConsent,
  withdrawConsentSchema,
} from '@tandem/app';

/** `me` stands for the caller in participant routes. */
const userOf = (input: RouteInput<{ userId: string }, unknown, unknown>) =>
  input.params.userId === 'me' ? input.caller.userId : input.params.userId;

const participantParams = z.strictObject({ id: idSchema, userId: z.union([z.literal('me'), idSchema]) });

defineRoute({
  name: 'invite',
  method: 'POST',
  route: 'v1/programmes/{id}/invitations',
  params: programmeParamsSchema,
  body: inviteSchema,
  idempotent: true,
  run: async ({ deps, caller, params, body }) => ({ body: await invite(deps, caller, params.id, body) }),
});

defineRoute({
  name: 'listParticipants',
  method: 'GET',
  route: 'v1/programmes/{id}/participants',
  params: programmeParamsSchema,
  query: participantsQuerySchema,
  run: async ({ deps, caller, params, query }) => {
    const page = await listParticipants(deps, caller, params.id, query);
    return { body: { ...page, items: page.items.map((p) => participantView(caller, p)) } };
  },
});

defineRoute({
  name: 'getParticipant',
  method: 'GET',
  route: 'v1/programmes/{id}/participants/{userId}',
  params: participantParams,
  run: async (input) => {
    const p = await getParticipant(input.deps, input.caller, input.params.id, userOf(input));
    return { body: participantView(input.caller, p), etag: p.etag };
  },
});

defineRoute({
  name: 'updateProfile',
  method: 'PATCH',
  route: 'v1/programmes/{id}/participants/{userId}',
  params: participantParams,
  body: updateProfileSchema,
  run: async (input) => {
    const p = await updateProfile(input.deps, input.caller, input.params.id, userOf(input), input.body, input.ifMatch);
    return { body: participantView(input.caller, p), etag: p.etag };
  },
});

defineRoute({
  name: 'optIn',
  method: 'POST',
  route: 'v1/programmes/{id}/participants/{userId}/opt-in',
  params: participantParams,
  body: optInSchema,
  run: async (input) => {
    const p = await optInto(input.deps, input.caller, input.params.id, userOf(input), input.body);
    return { body: participantView(input.caller, p), etag: p.etag };
  },
});

const action = (name: string, path: string, run: typeof pauseParticipation) =>
  defineRoute({
    name,
    method: 'POST',
    route: `v1/programmes/{id}/participants/{userId}/${path}`,
    params: participantParams,
    run: async (input) => {
      const p = await run(input.deps, input.caller, input.params.id, userOf(input));
      return { body: participantView(input.caller, p), etag: p.etag };
    },
  });

action('pauseParticipation', 'pause', pauseParticipation);
action('resumeParticipation', 'resume', resumeParticipation);
action('leaveProgramme', 'leave', leaveProgramme);
action('recordTraining', 'training', recordTraining);

/** The mentor ticks one module of the programme's training. */
defineRoute({
  name: 'completeTrainingModule',
  method: 'POST',
  route: 'v1/programmes/{id}/participants/{userId}/training/modules/{moduleId}',
  params: participantParams.extend({ moduleId: topicIdSchema }),
  run: async (input) => {
    const p = await completeTrainingModule(
      input.deps,
      input.caller,
      input.params.id,
      userOf(input),
      input.params.moduleId,
    );
    return { body: participantView(input.caller, p), etag: p.etag };
  },
});

/** What the caller agreed to (the wording of their consent text version) and the current text. */
defineRoute({
  name: 'myConsent',
  method: 'GET',
  route: 'v1/programmes/{id}/participants/me/consent',
  params: programmeParamsSchema,
  run: async ({ deps, caller, params }) => ({ body: await myConsent(deps, caller, params.id) }),
});

/** Withdraws consent: leaves the programme and erases the caller's data in it. */
defineRoute({
  name: 'withdrawConsent',
  method: 'POST',
  route: 'v1/programmes/{id}/participants/me/consent/withdraw',
  params: programmeParamsSchema,
  body: withdrawConsentSchema,
  run: async ({ deps, caller, params }) => ({ body: await withdrawConsent(deps, caller, params.id) }),
});
