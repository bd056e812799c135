/**
 * The card for a queued notification, rendered when it is sent (not when it was queued), in the
 * person's language and from the current state: an invitation to someone who opted in meanwhile
 * shows that they are in. Payload: `{ type, programmeId, params, dedupeKey }` (ports/messenger.ts).
 */
import { z } from 'zod';
import { NOTIFICATION_TYPES, type NotificationType } from '@tandem/ports/messenger';
import type { ConversationRecord, OutboxMessage } from '@tandem/ports/records';
import { idSchema, menteeNextWish, ROLE_MANAGE, type AppDeps } from '@tandem/app';
import { partnerOf, PHASES, type Programme } from '@tandem/core/model';
import { NotFoundError } from '@tandem/core/errors';
import { toArray } from '@tandem/ports/store';
import { translator } from '../i18n/translate';
import type { ActionContext } from '../actions/context';
import type { AdaptiveCard } from '../cards/elements';
import { assertValidCard } from '../cards/validate';
import {
  announcementView,
  assessmentView,
  feedbackView,
  invitationView,
  noSlotView,
  proposalView,
  seriesBookedView,
  testimonials,
  trainingView,
} from '../actions/views';
import { programmeEventCard, reminderCard } from '../cards/reminder-card';
import { sessionMovedCard, sessionsPausedCard } from '../cards/move-card';
import { withTandemButton } from '../cards/tandem-button';
import { managerMessageCard } from '../cards/message-card';
import { channelPostCard } from '../cards/channel-post-card';
import { HEALTH_ISSUES, pairEndedCard, pairHealthCard, phaseCard } from '../cards/status-cards';

const payloadSchema = z.object({
  type: z.enum(NOTIFICATION_TYPES),
  programmeId: idSchema,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const int = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new NotFoundError(`The notification has no ${what}.`);
  return value;
}

async function programmeOf(deps: AppDeps, id: string): Promise<Programme> {
  const programme = await deps.store.programmes.find(id, id);
  if (!programme) throw new NotFoundError(`There is no programme "${id}".`);
  return programme;
}

export async function renderNotification(
  deps: AppDeps,
  message: OutboxMessage,
  conversation: ConversationRecord,
): Promise<AdaptiveCard | undefined> {
  const parsed = payloadSchema.safeParse(message.payload);
  if (!parsed.success) return undefined;
  const { type, programmeId, params } = parsed.data;
  const participant = await deps.store.participants.find(programmeId, message.recipient);
  const t = translator(conversation.locale ?? participant?.locale);
  const ctx: ActionContext = {
    deps,
    caller: { userId: message.recipient, tenantId: conversation.tenantId ?? 'unknown', roles: [] },
    t,
    ...(participant?.timeZone ? { timeZone: participant.timeZone } : {}),
  };
  const pairId = () => required(str(params.pairId), 'pairId');
  const card = await renderType(type);
  // In the personal chat every card carries the "Tandem" button; a channel post does not.
  const personal = !message.recipient.startsWith('channel:');
  return card ? assertValidCard(personal ? withTandemButton(t, card) : card, type) : undefined;

  async function renderType(kind: NotificationType): Promise<AdaptiveCard | undefined> {
    switch (kind) {
      case 'invitation':
        return invitationView(ctx, programmeId);
      case 'training-reminder':
        return trainingView(ctx, programmeId);
      case 'proposal':
      case 'pair-confirmed':
      case 'pair-declined':
        return proposalView(ctx, programmeId, pairId());
      case 'pair-ended': {
        const programme = await programmeOf(deps, programmeId);
        return pairEndedCard(t, { programme, programmeClosed: programme.phase === 'closed' });
      }
      case 'series-booked':
        return seriesBookedView(ctx, programmeId, pairId());
      case 'no-slot':
        return noSlotView(ctx, programmeId, pairId());
      case 'session-reminder': {
        const programme = await programmeOf(deps, programmeId);
        const pair = await deps.store.pairs.get(programmeId, pairId());
        const index = required(int(params.occurrenceIndex), 'occurrenceIndex');
        const series = (await toArray(deps.store.meetings.all(programmeId, { where: { pairId: pair.id } }))).find(
          (s) => s.kind === 'pair-series',
        );
        const occurrence = series?.occurrences.find((o) => o.index === index);
        // Cancelled, or declined in Outlook since the reminder was queued: it will not take place.
        if (!series || !occurrence || occurrence.status === 'cancelled' || occurrence.status === 'declined')
          return undefined;
        const partner = await deps.directory.getUser(partnerOf(pair, message.recipient) ?? '');
        const topic = programme.topics.find((tp) => tp.id === pair.topicId) ?? programme.topics[0];
        // The mentor reads the mentee's "next time" wish before the session (rendered now, never queued).
        const wish = pair.mentorId === message.recipient ? await menteeNextWish(deps, pair) : undefined;
        return reminderCard(t, {
          programme,
          partnerName: partner?.displayName ?? '—',
          start: occurrence.start,
          timeZone: ctx.timeZone ?? series.timeZone,
          ...(topic ? { topic } : {}),
          ...(series.joinUrl ? { joinUrl: series.joinUrl } : {}),
          ...(wish ? { wish: wish.text } : {}),
          ...(pair.status === 'active' && series.status === 'booked'
            ? { move: { pairId: pair.id, occurrenceIndex: index } }
            : {}),
        });
      }
      case 'session-moved':
      case 'sessions-paused': {
        // To the partner of the person who moved or paused: from the params, in this reader's zone.
        const programme = await programmeOf(deps, programmeId);
        const pair = await deps.store.pairs.get(programmeId, pairId());
        const by = partnerOf(pair, message.recipient);
        const partnerName = (by && (await deps.directory.getUser(by))?.displayName) || '—';
        const series = await deps.store.meetings.find(programmeId, str(params.seriesId) ?? '');
        if (kind === 'sessions-paused')
          return sessionsPausedCard(t, {
            programme,
            partnerName,
            until: required(str(params.until), 'until'),
            sessions: int(params.sessions) ?? 0,
          });
        const weekday = str(params.weekday);
        const time = str(params.time);
        return sessionMovedCard(t, {
          programme,
          partnerName,
          timeZone: ctx.timeZone ?? series?.timeZone ?? 'UTC',
          ...(str(params.start) ? { start: str(params.start) as string } : {}),
          ...(weekday && time ? { rest: { weekday, time, zone: series?.timeZone ?? 'UTC' } } : {}),
        });
      }
      case 'feedback-request':
        return feedbackView(ctx, programmeId, pairId(), required(int(params.occurrenceIndex), 'occurrenceIndex'));
      case 'assessment-request':
        return assessmentView(ctx, programmeId, params.kind === 'end' ? 'end' : 'start');
      case 'announcement':
        return required(await announcementView(ctx, programmeId, params), 'title and text');
      case 'manager-message': {
        const programme = await programmeOf(deps, programmeId);
        return managerMessageCard(t, {
          programme,
          title: required(str(params.title), 'title'),
          text: required(str(params.text), 'text'),
          ...(str(params.sentAt) ? { sentAt: str(params.sentAt) as string } : {}),
        });
      }
      case 'pair-health': {
        // To programme managers: names of the pair and the issue; a decline reason only to them.
        const manager = { ...ctx, caller: { ...ctx.caller, roles: [ROLE_MANAGE] } };
        const programme = await programmeOf(manager.deps, programmeId);
        const ids = (str(params.pairIds) ?? str(params.pairId) ?? '').split(',').filter(Boolean);
        // `help` (meeting-rhythm, check-in) since pair health stopped naming ratings; `flags` from older queues.
        const legacy: Record<string, string> = { 'meeting-rhythm': 'no-recent-meeting', 'low-rating': 'check-in' };
        const flagged = (str(params.help) ?? str(params.flags) ?? str(params.issue) ?? '')
          .split(',')
          .map((f) => legacy[f] ?? f);
        const kinds = HEALTH_ISSUES.filter((i) => flagged.includes(i));
        const issues = [];
        for (const id of ids) {
          const pair = await deps.store.pairs.find(programmeId, id);
          if (!pair) continue;
          const [mentor, mentee] = await deps.directory
            .getUsers([pair.mentorId, pair.menteeId])
            .then((users) => [users.find((u) => u.id === pair.mentorId), users.find((u) => u.id === pair.menteeId)]);
          const reason = pair.mentor.reason ?? pair.mentee.reason;
          for (const issue of kinds) {
            issues.push({
              mentorName: mentor?.displayName ?? pair.mentorId,
              menteeName: mentee?.displayName ?? pair.menteeId,
              issue,
              ...(issue === 'declined' && reason ? { declineReason: reason } : {}),
            });
          }
        }
        return issues.length ? pairHealthCard(t, { programme, issues }) : undefined;
      }
      case 'programme-event': {
        const programme = await programmeOf(deps, programmeId);
        const series = await deps.store.meetings.find(programmeId, required(str(params.seriesId), 'seriesId'));
        const start = series?.occurrences[0]?.start;
        // Only the event as it is now: a card for a time since changed or a cancelled event is not sent.
        if (!series || series.status !== 'booked' || !series.joinUrl || !start || start !== str(params.start))
          return undefined;
        return programmeEventCard(t, {
          programme,
          kind: series.kind === 'closing' ? 'closing' : 'kickoff',
          start,
          timeZone: ctx.timeZone ?? programme.timeZone ?? series.timeZone,
          joinUrl: series.joinUrl,
        });
      }
      case 'phase-changed': {
        const programme = await programmeOf(deps, programmeId);
        const phase = PHASES.find((p) => p === params.phase) ?? programme.phase;
        return phaseCard(t, { programme, phase });
      }
      case 'channel-post': {
        // A team channel: German and English on one card, whatever the reader's language.
        const programme = await programmeOf(deps, programmeId);
        const part = (lang: 'de' | 'en') => {
          const title = str(params[`title_${lang}`]);
          const text = str(params[`text_${lang}`]);
          return title && text ? { title, text } : undefined;
        };
        const de = part('de');
        const en = part('en');
        if (!de && !en) return undefined;
        return channelPostCard({
          programme,
          ...(de ? { de } : {}),
          ...(en ? { en } : {}),
          testimonials: params.testimonials === true ? await testimonials(ctx, programmeId) : [],
        });
      }
    }
  }
}
