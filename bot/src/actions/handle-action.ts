/**
 * The one place where a card action becomes a use case call: validate the payload like API input,
 * call the app's use case as the person who clicked (the use case checks that it is their own
 * enrollment, pair or session), then answer with the current card. Repeating an action is harmless
 * (the use cases are idempotent or answer Conflict, which shows the current card); an action on an
 * outdated card answers with the current one and a note; anything the person may not act on answers
 * with a card that reveals nothing.
 */
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, isDomainError } from '@tandem/core/errors';
import type { Participant } from '@tandem/core/model';
import {
  answerProposal,
  askToMove,
  assessmentSchema,
  completeTrainingModule,
  declineSchema,
  endMyPair,
  feedbackSchema,
  leaveProgramme,
  getAnnouncedProgramme,
  moveRestOfSeries,
  moveRestSchema,
  moveSchema,
  optInSchema,
  optInto,
  parseInput,
  pauseParticipation,
  pauseSessionsUntil,
  pauseUntilSchema,
  pickAnotherDay,
  recordTraining,
  registerInterest,
  resumeParticipation,
  submitAssessment,
  submitFeedback,
  textSchema,
  timeOfDaySchema,
  updateProfile,
  weekdaySchema,
  withdrawConsent,
} from '@tandem/app';
import { consentWithdrawnCard } from '../cards/membership-card';
import type { AdaptiveCard } from '../cards/elements';
import { unavailableCard } from '../cards/status-cards';
import { MODULE_FIELD, TRAINING_STEPS } from '../cards/training-card';
import type { ActionContext } from './context';
import { codedErrorText } from '../i18n/error-text';
import {
  envelopeOf,
  listInput,
  numberInput,
  textInputValue,
  toggleInput,
  type ActionPayload,
  type Envelope,
} from './payload';
import {
  assessmentView,
  feedbackView,
  invitationView,
  membershipView,
  noSlotView,
  proposalView,
  sentAnnouncementView,
  testimonialView,
  trainingView,
  welcomeView,
  type ViewNotes,
} from './views';
import { z } from 'zod';
import { moveView, statusViews, tandemView, noProgrammeView } from './tandem-views';
import { withTandemButton } from '../cards/tandem-button';
import { seriesIdOf } from '@tandem/core/model';

/** What the bot answers: the card that replaces the clicked one, and cards to post after it. */
export interface ActionResult {
  card: AdaptiveCard;
  followUps?: AdaptiveCard[];
}

/** Fallback time zone when Teams did not say (the activity's localTimezone is missing). */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

function need<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new InvalidError(`The card did not say which ${field}.`, { [field]: ['required'] });
  return value;
}

/** The card a verb is about, re-rendered from the current state (with a note). */
async function subjectView(ctx: ActionContext, e: Envelope, notes: ViewNotes): Promise<AdaptiveCard> {
  const programmeId = need(e.programmeId, 'programmeId');
  const card = e.verb === 'refresh' ? e.card : VIEW_OF_VERB[e.verb];
  switch (card) {
    case 'invitation':
      return invitationView(ctx, programmeId, notes);
    case 'training':
      return trainingView(ctx, programmeId, notes);
    case 'proposal':
      return proposalView(ctx, programmeId, need(e.pairId, 'pairId'), notes);
    case 'feedback':
      return feedbackView(
        ctx,
        programmeId,
        need(e.pairId, 'pairId'),
        need(e.occurrenceIndex, 'occurrenceIndex'),
        notes,
      );
    case 'assessment':
      return assessmentView(ctx, programmeId, need(e.kind, 'kind'), notes);
    case 'membership':
      return membershipView(ctx, programmeId, notes);
    case 'no-slot':
      return noSlotView(ctx, programmeId, need(e.pairId, 'pairId'), notes);
    case 'testimonial':
      return testimonialView(ctx, programmeId, notes);
    case 'announcement':
      return sentAnnouncementView(ctx, programmeId, e.announcementId, notes);
    case 'tandem':
      return tandemView(ctx, programmeId, notes);
    case 'move':
      try {
        return await moveView(
          ctx,
          programmeId,
          need(e.pairId, 'pairId'),
          need(e.occurrenceIndex, 'occurrenceIndex'),
          notes,
        );
      } catch (err) {
        // The session has passed or is no longer movable: show where things stand instead.
        if (err instanceof ConflictError) return tandemView(ctx, programmeId, { notice: ctx.t.t('common.outdated') });
        throw err;
      }
    default:
      throw new NotFoundError('This card has no current state.');
  }
}

type View =
  | 'invitation'
  | 'training'
  | 'proposal'
  | 'feedback'
  | 'assessment'
  | 'membership'
  | 'no-slot'
  | 'testimonial'
  | 'announcement'
  | 'tandem'
  | 'move';
const VIEW_OF_VERB: Partial<Record<Envelope['verb'], View>> = {
  optIn: 'invitation',
  declineInvitation: 'invitation',
  completeTraining: 'training',
  acceptProposal: 'proposal',
  declineProposal: 'proposal',
  pickAnotherDay: 'no-slot',
  submitFeedback: 'feedback',
  submitAssessment: 'assessment',
  pause: 'membership',
  resume: 'membership',
  leave: 'membership',
  withdrawConsent: 'membership',
  shareTestimonial: 'testimonial',
  registerInterest: 'announcement',
  pauseUntil: 'tandem',
  endPair: 'tandem',
  moveSession: 'move',
  moveSessionTo: 'move',
  moveSeries: 'move',
};

function invalidText(ctx: ActionContext, err: InvalidError): string {
  const fields = Object.entries(err.fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`);
  return ctx.t.t('common.invalid', { message: fields.length ? fields.join('; ') : err.message });
}

function profileDraft(fields: Record<string, unknown>): Partial<Participant> {
  const role = fields.role === 'mentor' || fields.role === 'mentee' ? fields.role : undefined;
  return {
    ...(role ? { role } : {}),
    teachTopics: listInput(fields.teachTopics),
    learnTopics: listInput(fields.learnTopics),
    interests: listInput(fields.interests),
    languages: listInput(fields.languages),
    weekdays: listInput(fields.weekdays) as Participant['weekdays'],
    times: listInput(fields.times) as Participant['times'],
  };
}

/** Runs the verb's use case; returns the notes for the card shown afterwards. */
async function run(
  ctx: ActionContext,
  e: Envelope,
  fields: Record<string, unknown>,
): Promise<ViewNotes | ActionResult> {
  const { deps, caller } = ctx;
  const me = caller.userId;
  switch (e.verb) {
    case 'help':
    case 'showStatus':
    case 'refresh':
      return {};
    case 'optIn': {
      const programmeId = need(e.programmeId, 'programmeId');
      if (!toggleInput(fields.consent))
        throw new InvalidError(ctx.t.t('invitation.consentError'), { consent: [ctx.t.t('invitation.consentError')] });
      const draft = profileDraft(fields);
      const version = e.consentTextVersion ?? (await getAnnouncedProgramme(deps, programmeId)).consentTextVersion;
      const input = parseInput(optInSchema, {
        profile: { ...draft, timeZone: ctx.timeZone ?? DEFAULT_TIME_ZONE },
        consentTextVersion: version,
      });
      try {
        await optInto(deps, caller, programmeId, me, input);
      } catch (err) {
        // Opting in twice (a double click, a second device) is harmless: show where things stand.
        if (err instanceof ConflictError && /already opted in/.test(err.message)) return {};
        throw err;
      }
      return {};
    }
    case 'declineInvitation':
      await leaveProgramme(deps, caller, need(e.programmeId, 'programmeId'), me);
      return {};
    case 'completeTraining': {
      const programmeId = need(e.programmeId, 'programmeId');
      const modules = (await getAnnouncedProgramme(deps, programmeId)).trainingModules ?? [];
      if (modules.length) {
        // A programme with modules: tick each module the mentor ticked on the card.
        const ticked = modules.filter((m) => toggleInput(fields[`${MODULE_FIELD}${m.id}`]));
        if (!ticked.length)
          throw new InvalidError(ctx.t.t('training.tickOne'), { modules: [ctx.t.t('training.tickOne')] });
        for (const m of ticked) await completeTrainingModule(deps, caller, programmeId, me, m.id);
        return { saved: true };
      }
      const missing = TRAINING_STEPS.filter((step) => !toggleInput(fields[`step_${step}`]));
      if (missing.length)
        throw new InvalidError(
          ctx.t.t('training.allRequired'),
          Object.fromEntries(missing.map((s) => [`step_${s}`, ['required']])),
        );
      await recordTraining(deps, caller, programmeId, me);
      return {};
    }
    case 'acceptProposal':
    case 'declineProposal': {
      const accept = e.verb === 'acceptProposal';
      const { reason } = accept
        ? { reason: undefined }
        : parseInput(declineSchema, { reason: textInputValue(fields.reason) });
      await answerProposal(deps, caller, need(e.programmeId, 'programmeId'), need(e.pairId, 'pairId'), accept, reason);
      return {};
    }
    case 'pickAnotherDay': {
      const input = parseInput(z.strictObject({ weekday: weekdaySchema, times: z.array(timeOfDaySchema).max(3) }), {
        weekday: fields.weekday,
        times: listInput(fields.times),
      });
      await pickAnotherDay(deps, caller, need(e.programmeId, 'programmeId'), need(e.pairId, 'pairId'), input);
      return {};
    }
    case 'submitFeedback': {
      const input = parseInput(feedbackSchema, {
        pairId: need(e.pairId, 'pairId'),
        occurrenceIndex: need(e.occurrenceIndex, 'occurrenceIndex'),
        rating: numberInput(fields.rating),
        held: toggleInput(fields.held),
        ...(textInputValue(fields.learnt) ? { learnt: textInputValue(fields.learnt) } : {}),
        ...(textInputValue(fields.nextTopic) ? { nextTopic: textInputValue(fields.nextTopic) } : {}),
      });
      await submitFeedback(deps, caller, need(e.programmeId, 'programmeId'), input);
      return { saved: true };
    }
    case 'submitAssessment': {
      const programmeId = need(e.programmeId, 'programmeId');
      const ratings = Object.fromEntries(
        Object.entries(fields)
          .filter(([name]) => name.startsWith('rating_'))
          .map(([name, value]) => [name.slice('rating_'.length), numberInput(value)]),
      );
      const gains = Object.fromEntries(
        Object.entries(fields)
          .filter(([name, value]) => name.startsWith('gain_') && value !== '' && value !== undefined)
          .map(([name, value]) => [name.slice('gain_'.length), numberInput(value)]),
      );
      const input = parseInput(assessmentSchema, { ratings, ...(Object.keys(gains).length ? { gains } : {}) });
      await submitAssessment(deps, caller, programmeId, need(e.kind, 'kind'), input);
      const testimonial = textInputValue(fields.testimonial);
      if (testimonial && toggleInput(fields.testimonialConsent)) {
        await updateProfile(deps, caller, programmeId, me, {
          testimonial: parseInput(textSchema(280, 1), testimonial),
          testimonialConsent: true,
        });
      }
      return { saved: true };
    }
    case 'pause':
      await pauseParticipation(deps, caller, need(e.programmeId, 'programmeId'), me);
      return {};
    case 'resume':
      await resumeParticipation(deps, caller, need(e.programmeId, 'programmeId'), me);
      return {};
    case 'leave':
      await leaveProgramme(deps, caller, need(e.programmeId, 'programmeId'), me);
      return {};
    case 'withdrawConsent': {
      const programmeId = need(e.programmeId, 'programmeId');
      const programme = await getAnnouncedProgramme(deps, programmeId);
      await withdrawConsent(deps, caller, programmeId);
      return { card: consentWithdrawnCard(ctx.t, programme) };
    }
    case 'shareTestimonial': {
      const text = parseInput(textSchema(280, 1), fields.text ?? '');
      if (!toggleInput(fields.consent))
        throw new InvalidError(ctx.t.t('testimonial.consent'), { consent: [ctx.t.t('common.required')] });
      await updateProfile(deps, caller, need(e.programmeId, 'programmeId'), me, {
        testimonial: text,
        testimonialConsent: true,
      });
      return { saved: true };
    }
    case 'registerInterest':
      await registerInterest(deps, caller, need(e.programmeId, 'programmeId'), 'bot');
      return {};
    case 'notifyNext':
      await registerInterest(deps, caller, need(e.programmeId, 'programmeId'), 'bot');
      return { card: await noProgrammeView(ctx) };
    case 'pauseUntil': {
      const programmeId = need(e.programmeId, 'programmeId');
      const { until } = parseInput(pauseUntilSchema, { until: textInputValue(fields.until) ?? '' });
      const paused = await pauseSessionsUntil(deps, caller, programmeId, until);
      const first = paused.series[0];
      const partner = first ? await partnerName(ctx, programmeId, first.pairId) : '';
      const good = ctx.t.t('tandem.paused', {
        date: ctx.t.date(`${until}T12:00:00Z`),
        count: paused.series.reduce((n, s) => n + s.cancelled.length, 0),
        partner,
      });
      return { card: await tandemView(ctx, programmeId, { good }) };
    }
    case 'endPair': {
      const programmeId = need(e.programmeId, 'programmeId');
      await endMyPair(deps, caller, programmeId, need(e.pairId, 'pairId'));
      return { card: await tandemView(ctx, programmeId, { good: ctx.t.t('tandem.ended') }) };
    }
    case 'moveSession':
      return {};
    case 'moveSessionTo': {
      const programmeId = need(e.programmeId, 'programmeId');
      const pairId = need(e.pairId, 'pairId');
      const index = need(e.occurrenceIndex, 'occurrenceIndex');
      const { start } = parseInput(moveSchema, { start: textInputValue(fields.start) ?? '' });
      const moved = await askToMove(deps, caller, programmeId, seriesIdOf(pairId), index, start);
      const at = moved.occurrences.find((o) => o.index === index)?.start ?? start;
      const good = ctx.t.t('move.moved', {
        date: ctx.t.dateTime(at, ctx.timeZone ?? moved.timeZone),
        partner: await partnerName(ctx, programmeId, pairId),
      });
      return { card: await moveView(ctx, programmeId, pairId, index, { good }) };
    }
    case 'moveSeries': {
      const programmeId = need(e.programmeId, 'programmeId');
      const pairId = need(e.pairId, 'pairId');
      const input = parseInput(moveRestSchema, {
        weekday: textInputValue(fields.weekday) ?? '',
        time: textInputValue(fields.time) ?? '',
      });
      await moveRestOfSeries(deps, caller, programmeId, seriesIdOf(pairId), input);
      const good = ctx.t.t('move.restMoved', {
        weekday: ctx.t.t(`common.weekday.${input.weekday}`),
        time: input.time,
        partner: await partnerName(ctx, programmeId, pairId),
      });
      return { card: await tandemView(ctx, programmeId, { good }) };
    }
  }
}

/** The partner's display name in one of the caller's pairs (for "… has been told"). */
async function partnerName(ctx: ActionContext, programmeId: string, pairId: string): Promise<string> {
  const pair = await ctx.deps.store.pairs.find(programmeId, pairId);
  const partnerId = pair ? (pair.mentorId === ctx.caller.userId ? pair.menteeId : pair.mentorId) : '';
  return (await ctx.deps.directory.getUser(partnerId))?.displayName ?? partnerId;
}

function isResult(value: ViewNotes | ActionResult): value is ActionResult {
  return 'card' in value;
}

/** Handles one card action as the caller; never throws for a person's mistake or an outdated card. */
export async function handleCardAction(ctx: ActionContext, payload: ActionPayload): Promise<ActionResult> {
  const result = await answerCardAction(ctx, payload);
  // Every answer carries the "Tandem" button (where do I stand, what is next).
  return {
    card: withTandemButton(ctx.t, result.card),
    ...(result.followUps ? { followUps: result.followUps.map((c) => withTandemButton(ctx.t, c)) } : {}),
  };
}

async function answerCardAction(ctx: ActionContext, payload: ActionPayload): Promise<ActionResult> {
  let envelope: Envelope;
  try {
    envelope = envelopeOf(payload);
  } catch (err) {
    if (err instanceof InvalidError) return { card: unavailableCard(ctx.t) };
    throw err;
  }
  const view = async (notes: ViewNotes): Promise<ActionResult> => {
    if (envelope.verb === 'showStatus') {
      const [first, ...rest] = await statusViews(ctx, notes);
      if (first) return { card: first, ...(rest.length ? { followUps: rest } : {}) };
    }
    if (envelope.verb === 'help' || envelope.verb === 'showStatus' || !envelope.programmeId) {
      const welcome = await welcomeView(ctx);
      return { card: welcome };
    }
    try {
      return { card: await subjectView(ctx, envelope, notes) };
    } catch (err) {
      if (err instanceof ForbiddenError || err instanceof NotFoundError || err instanceof InvalidError)
        return { card: unavailableCard(ctx.t) };
      throw err;
    }
  };
  try {
    const outcome = await run(ctx, envelope, payload.fields);
    return isResult(outcome) ? outcome : await view(outcome);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    if (err instanceof InvalidError) {
      const draft = envelope.verb === 'optIn' ? { draft: profileDraft(payload.fields) } : {};
      return view({ error: invalidText(ctx, err), ...draft });
    }
    if (err instanceof ConflictError) return view({ notice: codedErrorText(ctx.t, err) ?? ctx.t.t('common.outdated') });
    if (err instanceof ForbiddenError || err instanceof NotFoundError) return { card: unavailableCard(ctx.t) };
    throw err;
  }
}
