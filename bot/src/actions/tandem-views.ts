/**
 * The "my tandem" views: where the person stands in a programme and what is next, moving a session,
 * and the card for someone in no programme. Rendered from the app's read use cases as the caller.
 */
import {
  describeMe,
  getPair,
  getProgramme,
  MAX_PAUSE_DAYS,
  slotsToMoveTo,
  TEAMS_APP_INSTALL_STATE_ID,
  whatsNext,
} from '@tandem/app';
import { NotFoundError } from '@tandem/core/errors';
import { partnerOf, seriesIdOf } from '@tandem/core/model';
import { toArray } from '@tandem/ports/store';
import type { ActionContext } from './context';
import type { AdaptiveCard } from '../cards/elements';
import { noProgrammeCard, tabLink, tandemCard } from '../cards/tandem-card';
import { moveCard } from '../cards/move-card';

const DAY = 86_400_000;

/** Lines a re-rendered view shows: an error or an outdated-card note, or what just happened. */
export interface TandemNotes {
  error?: string;
  notice?: string;
  good?: string;
}

function noticeOf(notes: TandemNotes): { notice?: string; good?: string } {
  const line = notes.notice ?? notes.error;
  return { ...(line ? { notice: line } : {}), ...(notes.good ? { good: notes.good } : {}) };
}

/**
 * The app id for a deep link to the tab. Teams takes the org catalog's id for an app published to the
 * org catalog and the manifest id for an uploaded custom app ("Deep link to an application", app ID
 * types): the catalog id once the install run recorded it (`teams-app-install` state,
 * `catalogAppId`), else TEAMS_APP_ID, the manifest id the app's config checks at start (the deps'
 * `teamsAppId`). Neither known → no button.
 */
export async function tabAppId(ctx: ActionContext): Promise<string | undefined> {
  const record = await ctx.deps.store.state.find(TEAMS_APP_INSTALL_STATE_ID, TEAMS_APP_INSTALL_STATE_ID);
  const catalogAppId = (record?.value as { catalogAppId?: unknown } | undefined)?.catalogAppId;
  if (typeof catalogAppId === 'string' && catalogAppId) return catalogAppId;
  return ctx.deps.teamsAppId;
}

export async function tandemView(
  ctx: ActionContext,
  programmeId: string,
  notes: TandemNotes = {},
): Promise<AdaptiveCard> {
  const next = await whatsNext(ctx.deps, ctx.caller, programmeId);
  const now = ctx.deps.clock.now().getTime();
  return tandemCard(ctx.t, {
    next,
    userId: ctx.caller.userId,
    ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}),
    pauseDates: {
      min: new Date(now + DAY).toISOString().slice(0, 10),
      max: new Date(now + MAX_PAUSE_DAYS * DAY).toISOString().slice(0, 10),
    },
    ...noticeOf(notes),
  });
}

/** The programmes the person takes part in now (not closed, not left). */
export async function currentProgrammes(ctx: ActionContext): Promise<string[]> {
  const me = await describeMe(ctx.deps, ctx.caller);
  return me.enrollments.filter((e) => e.phase !== 'closed' && e.status !== 'left').map((e) => e.programmeId);
}

/** One status card per current programme; the no-programme card when there is none. */
export async function statusViews(ctx: ActionContext, notes: TandemNotes = {}): Promise<AdaptiveCard[]> {
  const ids = await currentProgrammes(ctx);
  if (!ids.length) return [await noProgrammeView(ctx)];
  return Promise.all(ids.map((id) => tandemView(ctx, id, notes)));
}

/** The newest programme that people have been told about: its interest list is for the next cohort. */
async function newestAnnounced(ctx: ActionContext): Promise<string | undefined> {
  const all = await toArray(
    ctx.deps.store.programmes.all(undefined, {
      where: { phase: ['preparation', 'matching', 'execution', 'steering', 'closed'] },
    }),
  );
  return all.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((p) => p.id)[0];
}

export async function noProgrammeView(ctx: ActionContext): Promise<AdaptiveCard> {
  const programmeId = await newestAnnounced(ctx);
  const noted = programmeId ? Boolean(await ctx.deps.store.interest.find(programmeId, ctx.caller.userId)) : false;
  const appId = await tabAppId(ctx);
  return noProgrammeCard(ctx.t, {
    ...(programmeId ? { interest: { programmeId, noted } } : {}),
    ...(appId ? { tabUrl: tabLink(appId) } : {}),
  });
}

export async function moveView(
  ctx: ActionContext,
  programmeId: string,
  pairId: string,
  occurrenceIndex: number,
  notes: TandemNotes = {},
): Promise<AdaptiveCard> {
  const programme = await getProgramme(ctx.deps, ctx.caller, programmeId);
  const pair = await getPair(ctx.deps, ctx.caller, programmeId, pairId);
  const partnerId = partnerOf(pair, ctx.caller.userId);
  if (!partnerId) throw new NotFoundError(`There is no pair "${pairId}" in this programme.`);
  const seriesId = seriesIdOf(pairId);
  const series = await ctx.deps.store.meetings.find(programmeId, seriesId);
  const occurrence = series?.occurrences.find((o) => o.index === occurrenceIndex);
  if (!series || !occurrence) throw new NotFoundError('There is no such session.');
  const partnerName = (await ctx.deps.directory.getUser(partnerId))?.displayName ?? partnerId;
  // After a move the card only confirms it; otherwise it offers the free times of that week.
  const { slots } = notes.good
    ? { slots: [] }
    : await slotsToMoveTo(ctx.deps, ctx.caller, programmeId, seriesId, occurrenceIndex);
  return moveCard(ctx.t, {
    programme,
    pairId,
    occurrenceIndex,
    start: occurrence.start,
    partnerName,
    timeZone: ctx.timeZone ?? series.timeZone,
    seriesTimeZone: series.timeZone,
    slots,
    ...(series.weekday ? { weekday: series.weekday } : {}),
    ...noticeOf(notes),
  });
}

/** For the participation card: pause until a date and end this pair, where the person has such a pair. */
export async function stepBackOptions(
  ctx: ActionContext,
  programmeId: string,
): Promise<{
  pauseUntil?: { partnerName: string; dates: { min: string; max: string } };
  endPair?: { pairId: string; partnerName: string };
}> {
  const next = await whatsNext(ctx.deps, ctx.caller, programmeId);
  const now = ctx.deps.clock.now().getTime();
  const booked = next.pairs.find((p) => p.booked);
  const bound = next.pairs.find((p) => p.status === 'confirmed' || p.status === 'active');
  return {
    ...(booked
      ? {
          pauseUntil: {
            partnerName: booked.partner.displayName,
            dates: {
              min: new Date(now + DAY).toISOString().slice(0, 10),
              max: new Date(now + MAX_PAUSE_DAYS * DAY).toISOString().slice(0, 10),
            },
          },
        }
      : {}),
    ...(bound ? { endPair: { pairId: bound.pairId, partnerName: bound.partner.displayName } } : {}),
  };
}
