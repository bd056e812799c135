/** Announcement cards from the programme manager to the programme's people (queued, sent by the bot's fan-out). */
import { ConflictError } from '../core/errors';
import { toArray } from '../ports/store';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import type { AnnouncementInput } from './schemas';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { newId } from './support/ids';

export interface AnnouncementResult {
  id: string;
  recipients: number;
}

export async function announce(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  input: AnnouncementInput,
): Promise<AnnouncementResult> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  if (programme.phase === 'draft') throw new ConflictError('Invite people before sending announcements.');
  const people = await toArray(
    deps.store.participants.all(programmeId, {
      where: { status: input.audience === 'all' ? ['invited', 'opted-in', 'paused'] : 'opted-in' },
    }),
  );
  const recipients = people.filter(
    (p) =>
      (input.audience !== 'mentors' || p.role === 'mentor') && (input.audience !== 'mentees' || p.role === 'mentee'),
  );
  const id = newId('announcement');
  const sentAt = nowIso(deps.clock);
  await deps.messenger.send(
    recipients.map((p) => ({
      type: 'announcement' as const,
      recipient: p.userId,
      programmeId,
      params: {
        programmeId,
        announcementId: id,
        title: input.title,
        text: input.text,
        // The bot shows `title_<language>` to a person whose Teams speaks it (bot/src/actions/views.ts).
        ...(input.translations?.de
          ? { title_de: input.translations.de.title, text_de: input.translations.de.text }
          : {}),
        ...(input.translations?.en
          ? { title_en: input.translations.en.title, text_en: input.translations.en.text }
          : {}),
        sentAt,
      },
      dedupeKey: `${id}:${p.userId}`,
    })),
    id,
  );
  await audit(deps, programmeId, caller.userId, 'announcement.sent', id, {
    audience: input.audience,
    recipients: recipients.length,
  });
  return { id, recipients: recipients.length };
}
