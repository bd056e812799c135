/**
 * What the bot answers to a typed word (the manifest's commands and their German forms): each does
 * what it says — `status` / `my tandem` show where the person stands and what is next, `join` the
 * open invitations, `feedback` the session feedback that is due, `pause` / `leave` the participation
 * card, `share` the testimonial, anything else the welcome card.
 */
import { describeMe, whatsNext } from '@tandem/app';
import { isEnrollmentOpen } from '@tandem/core/model';
import type { ActionContext } from './context';
import type { AdaptiveCard } from '../cards/elements';
import { feedbackView, invitationView, membershipView, testimonialView, welcomeView } from './views';
import { noProgrammeView, statusViews } from './tandem-views';
import { withTandemButton } from '../cards/tandem-button';

type Word = 'help' | 'status' | 'join' | 'feedback' | 'membership' | 'share';

const WORDS: Record<string, Word> = {
  help: 'help',
  hilfe: 'help',
  hi: 'help',
  hello: 'help',
  hallo: 'help',
  start: 'help',
  status: 'status',
  mytandem: 'status',
  tandem: 'status',
  meintandem: 'status',
  join: 'join',
  mitmachen: 'join',
  anmelden: 'join',
  feedback: 'feedback',
  rückmeldung: 'feedback',
  pause: 'membership',
  pausieren: 'membership',
  leave: 'membership',
  austreten: 'membership',
  verlassen: 'membership',
  share: 'share',
  teilen: 'share',
};

export function wordOf(text: string): Word {
  return (
    WORDS[
      text
        .trim()
        .toLowerCase()
        .replace(/[^a-zäöüß]/g, '')
    ] ?? 'help'
  );
}

export async function cardsForText(ctx: ActionContext, text: string): Promise<AdaptiveCard[]> {
  return (await cardsForWord(ctx, wordOf(text))).map((card) => withTandemButton(ctx.t, card));
}

async function cardsForWord(ctx: ActionContext, word: Word): Promise<AdaptiveCard[]> {
  if (word === 'help') return [await welcomeView(ctx)];
  if (word === 'status') return statusViews(ctx);
  const me = await describeMe(ctx.deps, ctx.caller);
  if (word === 'join') {
    const open = me.enrollments.filter((e) => e.status === 'invited' && isEnrollmentOpen(e.phase));
    if (open.length) return Promise.all(open.map((e) => invitationView(ctx, e.programmeId)));
    return statusViews(ctx);
  }
  const current = me.enrollments.filter((e) => e.phase !== 'closed' && e.status !== 'left');
  if (word === 'feedback') {
    if (!current.length) return [await noProgrammeView(ctx)];
    const cards: AdaptiveCard[] = [];
    for (const e of current) {
      const due = (await whatsNext(ctx.deps, ctx.caller, e.programmeId)).due;
      for (const item of due)
        if (item.kind === 'feedback')
          cards.push(await feedbackView(ctx, e.programmeId, item.pairId, item.occurrenceIndex));
    }
    return cards.length ? cards : statusViews(ctx);
  }
  if (!current.length) return [await welcomeView(ctx)];
  if (word === 'share') {
    const taking = current.filter((e) => e.status === 'opted-in');
    return taking.length
      ? Promise.all(taking.map((e) => testimonialView(ctx, e.programmeId)))
      : [await welcomeView(ctx)];
  }
  return Promise.all(current.map((e) => membershipView(ctx, e.programmeId)));
}
