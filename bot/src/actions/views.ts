/**
 * The current card for a subject (an invitation, a proposal, a session's feedback, ...), rendered
 * from the stored state through the app's read use cases with the caller: a card only ever shows
 * what that person may see, and an outdated card is answered with this one.
 */
import {
  consentTextOf,
  isEnrollmentOpen,
  isQuotable,
  isTakingPart,
  partnerOf,
  roleIn,
  type AssessmentKind,
  type Pair,
  type Participant,
} from '@tandem/core/model';
import {
  describeMe,
  getPair,
  getParticipant,
  listOwnAssessments,
  listOwnFeedback,
  getAnnouncedProgramme,
  getProgramme,
  seriesOfPair,
} from '@tandem/app';
import { toArray } from '@tandem/ports/store';
import { NotFoundError } from '@tandem/core/errors';
import type { ActionContext } from './context';
import { stepBackOptions } from './tandem-views';
import { refreshWith, type AdaptiveCard } from '../cards/elements';
import { data } from '../cards/common';
import { invitationCard } from '../cards/invitation-card';
import { trainingCard } from '../cards/training-card';
import { proposalCard, type ProposalState } from '../cards/proposal-card';
import { feedbackCard } from '../cards/feedback-card';
import { assessmentCard } from '../cards/assessment-card';
import { membershipCard } from '../cards/membership-card';
import { noSlotCard, seriesBookedCard } from '../cards/series-cards';
import { welcomeCard } from '../cards/welcome-card';
import { announcementCard, interestCard, testimonialCard, type Testimonial } from '../cards/communication-cards';

/** Extra lines a re-rendered card shows: a validation error, "this card was outdated", "saved". */
export interface ViewNotes {
  /** What the person entered in a form that was not valid, shown again instead of the stored values. */
  draft?: Partial<Participant>;
  error?: string;
  notice?: string;
  saved?: boolean;
}

/** The programme as the caller may see it, and the caller's own enrollment in it. */
async function ownEnrollment(ctx: ActionContext, programmeId: string) {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const participant = await getParticipant(ctx.deps, ctx.caller, programmeId, ctx.caller.userId);
  return { programme, participant };
}

/** A card's error and notice lines, where there are any. */
function shownNotes(notes: ViewNotes): { error?: string; notice?: string } {
  return { ...(notes.error ? { error: notes.error } : {}), ...(notes.notice ? { notice: notes.notice } : {}) };
}

/**
 * The card with `refresh` for the caller (unless its builder set one): Teams re-renders it from the
 * current state when it is shown again, on another device or after a reload, instead of offering
 * buttons that no longer apply.
 */
function refreshed(ctx: ActionContext, card: AdaptiveCard, fields: Record<string, string | number>): AdaptiveCard {
  return card.refresh ? card : { ...card, refresh: refreshWith(data('refresh', fields), [ctx.caller.userId]) };
}

async function displayName(ctx: ActionContext, userId: string): Promise<string> {
  return (await ctx.deps.directory.getUser(userId))?.displayName ?? userId;
}

export async function invitationView(
  ctx: ActionContext,
  programmeId: string,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const { programme, participant } = await ownEnrollment(ctx, programmeId);
  return invitationCard(ctx.t, {
    programme,
    inviterName: await displayName(ctx, participant.invitedBy),
    userId: ctx.caller.userId,
    participant: { ...participant, ...notes.draft },
    enrollmentOpen: isEnrollmentOpen(programme.phase),
    ...shownNotes(notes),
  });
}

export async function trainingView(
  ctx: ActionContext,
  programmeId: string,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const { programme, participant } = await ownEnrollment(ctx, programmeId);
  return trainingCard(ctx.t, {
    programme,
    userId: ctx.caller.userId,
    ...(participant.trainingCompletedAt ? { completedAt: participant.trainingCompletedAt } : {}),
    ...(participant.trainingModulesDone ? { done: participant.trainingModulesDone } : {}),
    ...shownNotes(notes),
  });
}

function proposalState(pair: Pair, userId: string): ProposalState {
  const role = roleIn(pair, userId);
  if (pair.status === 'confirmed' || pair.status === 'active') return 'confirmed';
  if (pair.status === 'ended') return 'ended';
  if (pair.status === 'declined') return role && pair[role].state === 'declined' ? 'declined' : 'partner-declined';
  return role && pair[role].state === 'accepted' ? 'accepted' : 'pending';
}

export async function proposalView(
  ctx: ActionContext,
  programmeId: string,
  pairId: string,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const pair = await getPair(ctx.deps, ctx.caller, programmeId, pairId);
  const role = roleIn(pair, ctx.caller.userId);
  const partnerId = partnerOf(pair, ctx.caller.userId);
  if (!role || !partnerId) throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  // The proposal shows the partner's opt-in profile: that is what both agreed to share with a partner.
  const [user, partner] = await Promise.all([
    ctx.deps.directory.getUser(partnerId),
    ctx.deps.store.participants.find(programmeId, partnerId),
  ]);
  return proposalCard(ctx.t, {
    programme,
    pairId,
    userId: ctx.caller.userId,
    role,
    partner: {
      displayName: user?.displayName ?? partner?.displayName ?? partnerId,
      ...(user?.jobTitle ? { jobTitle: user.jobTitle } : {}),
      ...(user?.department ? { department: user.department } : {}),
      ...(user?.officeLocation ? { officeLocation: user.officeLocation } : {}),
      ...(partner?.languages ? { languages: partner.languages } : {}),
      ...(partner?.interests ? { interests: partner.interests } : {}),
      topics: (role === 'mentee' ? partner?.teachTopics : partner?.learnTopics) ?? [],
    },
    reasons: pair.explanation.reasons,
    state: proposalState(pair, ctx.caller.userId),
    ...(notes.notice ? { notice: notes.notice } : notes.error ? { notice: notes.error } : {}),
  });
}

export async function feedbackView(
  ctx: ActionContext,
  programmeId: string,
  pairId: string,
  occurrenceIndex: number,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const pair = await getPair(ctx.deps, ctx.caller, programmeId, pairId);
  const partnerId = partnerOf(pair, ctx.caller.userId) ?? '';
  const series = (await seriesOfPair(ctx.deps, programmeId, pairId)).find((s) => s.kind === 'pair-series');
  const occurrence = series?.occurrences.find((o) => o.index === occurrenceIndex);
  if (!series || !occurrence) throw new NotFoundError('There is no such session.');
  const existing = (await listOwnFeedback(ctx.deps, ctx.caller, programmeId)).find(
    (f) => f.pairId === pairId && f.occurrenceIndex === occurrenceIndex,
  );
  return feedbackCard(ctx.t, {
    programme,
    pairId,
    userId: ctx.caller.userId,
    occurrenceIndex,
    start: occurrence.start,
    timeZone: ctx.timeZone ?? series.timeZone,
    partnerName: await displayName(ctx, partnerId),
    ...(roleIn(pair, ctx.caller.userId) ? { role: roleIn(pair, ctx.caller.userId) } : {}),
    ...(existing ? { existing } : {}),
    ...shownNotes(notes),
    ...(notes.saved ? { saved: true } : {}),
  });
}

export async function assessmentView(
  ctx: ActionContext,
  programmeId: string,
  kind: AssessmentKind,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const existing = (await listOwnAssessments(ctx.deps, ctx.caller, programmeId)).find((a) => a.kind === kind);
  const me = await ctx.deps.store.participants.find(programmeId, ctx.caller.userId);
  return assessmentCard(ctx.t, {
    programme,
    userId: ctx.caller.userId,
    kind,
    ...(me?.role ? { role: me.role } : {}),
    ...(existing ? { existing: existing.ratings } : {}),
    ...(existing?.gains ? { existingGains: existing.gains } : {}),
    ...shownNotes(notes),
    ...(notes.saved ? { saved: true } : {}),
  });
}

export async function membershipView(
  ctx: ActionContext,
  programmeId: string,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const { programme, participant } = await ownEnrollment(ctx, programmeId);
  const agreed = participant.consent;
  const wording = agreed ? consentTextOf(programme, agreed.textVersion) : undefined;
  const stepBack = participant.status === 'opted-in' ? await stepBackOptions(ctx, programmeId) : {};
  return membershipCard(ctx.t, {
    programme,
    userId: ctx.caller.userId,
    status: participant.status,
    ...stepBack,
    ...(agreed && participant.status !== 'left'
      ? {
          consent: {
            version: agreed.textVersion,
            at: agreed.at,
            ...(wording ? { text: ctx.t.locale === 'de' ? wording.de : wording.en } : {}),
          },
        }
      : {}),
    ...(notes.notice ? { notice: notes.notice } : notes.error ? { notice: notes.error } : {}),
  });
}

export async function noSlotView(
  ctx: ActionContext,
  programmeId: string,
  pairId: string,
  notes: ViewNotes & { requested?: { weekday: string } } = {},
): Promise<AdaptiveCard> {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const pair = await getPair(ctx.deps, ctx.caller, programmeId, pairId);
  const series = (await seriesOfPair(ctx.deps, programmeId, pairId)).find((s) => s.kind === 'pair-series');
  // Once another day worked out, the card shows the booked series instead of the question.
  const refresh = { card: 'no-slot', programmeId, pairId };
  if (series?.status === 'booked') {
    const booked = await seriesBookedView(ctx, programmeId, pairId);
    if (booked) return refreshed(ctx, booked, refresh);
  }
  const weekday = series?.weekday ?? programme.cadence.weekday;
  const requested = notes.requested ?? (series && series.status !== 'no-slot' ? { weekday } : undefined);
  const card = noSlotCard(ctx.t, {
    programme,
    pairId,
    partnerName: await displayName(ctx, partnerOf(pair, ctx.caller.userId) ?? ''),
    cadence: {
      weekday: series?.status === 'no-slot' ? weekday : programme.cadence.weekday,
      window: programme.cadence.window,
    },
    canPick: true,
    ...(requested ? { requested: requested as { weekday: typeof weekday } } : {}),
    ...shownNotes(notes),
  });
  return refreshed(ctx, card, refresh);
}

/** The pair's booked series (first date, rhythm, Teams link), or undefined while none is booked. */
export async function seriesBookedView(
  ctx: ActionContext,
  programmeId: string,
  pairId: string,
): Promise<AdaptiveCard | undefined> {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const pair = await getPair(ctx.deps, ctx.caller, programmeId, pairId);
  const series = (await seriesOfPair(ctx.deps, programmeId, pairId)).find(
    (s) => s.kind === 'pair-series' && s.status === 'booked',
  );
  const first = series?.occurrences.find((o) => o.status !== 'cancelled');
  if (!series || !first) return undefined;
  return seriesBookedCard(ctx.t, {
    programme,
    partnerName: await displayName(ctx, partnerOf(pair, ctx.caller.userId) ?? ''),
    firstStart: first.start,
    timeZone: ctx.timeZone ?? series.timeZone,
    weekday: series.weekday ?? programme.cadence.weekday,
    intervalWeeks: series.intervalWeeks ?? programme.cadence.intervalWeeks,
    sessionMinutes: programme.cadence.sessionMinutes,
    ...(series.joinUrl ? { joinUrl: series.joinUrl } : {}),
  });
}

export async function testimonialView(
  ctx: ActionContext,
  programmeId: string,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  const { programme, participant } = await ownEnrollment(ctx, programmeId);
  const card = testimonialCard(ctx.t, {
    programme,
    ...(participant.testimonial ? { existing: participant.testimonial } : {}),
    ...(notes.saved ? { saved: true } : {}),
    ...(notes.error ? { error: notes.error } : {}),
  });
  return refreshed(ctx, card, { card: 'testimonial', programmeId });
}

export async function welcomeView(ctx: ActionContext): Promise<AdaptiveCard> {
  const me = await describeMe(ctx.deps, ctx.caller);
  const card = welcomeCard(ctx.t, {
    programmes: me.enrollments
      .filter((e) => e.phase !== 'closed')
      .map((e) => ({ id: e.programmeId, name: e.programmeName, status: e.status })),
  });
  return refreshed(ctx, card, { card: 'welcome' });
}

/** Up to three quotes of participants who agreed to be quoted with their name, newest first. */
export async function testimonials(ctx: ActionContext, programmeId: string): Promise<Testimonial[]> {
  const people = await toArray(
    ctx.deps.store.participants.all(programmeId, { where: { status: ['opted-in', 'paused'] } }),
  );
  return people
    .filter(isQuotable)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 3)
    .map((p) => ({ name: p.displayName, text: p.testimonial as string }));
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * An announcement from the params it was queued with (`title`, `text`, or per language
 * `title_de`/`text_de`), with testimonials and the interest list: the button until the person is
 * on the list, a note afterwards. Undefined when the params hold no text.
 */
export async function announcementView(
  ctx: ActionContext,
  programmeId: string,
  params: Record<string, unknown>,
  notes: ViewNotes = {},
): Promise<AdaptiveCard | undefined> {
  const { locale } = ctx.t;
  const title = str(params[`title_${locale}`]) ?? str(params.title);
  const text = str(params[`text_${locale}`]) ?? str(params.text);
  if (!title || !text) return undefined;
  const programme = await getAnnouncedProgramme(ctx.deps, programmeId);
  const [noted, me] = await Promise.all([
    ctx.deps.store.interest.find(programmeId, ctx.caller.userId),
    ctx.deps.store.participants.find(programmeId, ctx.caller.userId),
  ]);
  const announcementId = str(params.announcementId);
  const card = announcementCard(ctx.t, {
    programme,
    ...(announcementId ? { announcementId } : {}),
    title,
    text,
    testimonials: await testimonials(ctx, programmeId),
    // Nobody is asked about the next cohort of a programme they are taking part in.
    offerInterest: programme.phase !== 'draft' && !isTakingPart(me, programme.phase),
    interestNoted: Boolean(noted),
    ...(notes.notice ? { notice: notes.notice } : notes.error ? { notice: notes.error } : {}),
  });
  return refreshed(ctx, card, { card: 'announcement', programmeId, ...(announcementId ? { announcementId } : {}) });
}

/**
 * The card a click on an announcement is answered with: the same announcement as this person
 * received it (found among their own messages only), or, when it is gone, the interest list alone.
 */
export async function sentAnnouncementView(
  ctx: ActionContext,
  programmeId: string,
  announcementId: string | undefined,
  notes: ViewNotes = {},
): Promise<AdaptiveCard> {
  if (announcementId) {
    const own = await toArray(ctx.deps.store.outbox.all(announcementId, { where: { recipient: ctx.caller.userId } }));
    const message = own.find((m) => m.payload.type === 'announcement' && m.payload.programmeId === programmeId);
    const params = message?.payload.params;
    if (params && typeof params === 'object') {
      const card = await announcementView(ctx, programmeId, params as Record<string, unknown>, notes);
      if (card) return card;
    }
  }
  const programme = await getAnnouncedProgramme(ctx.deps, programmeId);
  const noted = await ctx.deps.store.interest.find(programmeId, ctx.caller.userId);
  const me = await ctx.deps.store.participants.find(programmeId, ctx.caller.userId);
  const card = interestCard(ctx.t, {
    programme,
    noted: Boolean(noted),
    open: programme.phase !== 'draft' && !isTakingPart(me, programme.phase),
    ...(notes.notice ? { notice: notes.notice } : notes.error ? { notice: notes.error } : {}),
  });
  return refreshed(ctx, card, { card: 'announcement', programmeId, ...(announcementId ? { announcementId } : {}) });
}
