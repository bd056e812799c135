/**
 * The time zone the opt-in form starts with: the person's Outlook mailbox setting (Graph
 * `mailboxSettings.timeZone`, a Windows zone converted to IANA), not the browser's, which is UTC in
 * a fresh browser. The person can still choose another.
 */
import type { AppDeps } from './deps';
import type { Caller } from './caller';

export interface MyTimeZone {
  /** IANA zone of the person's mailbox, when Graph could read it. */
  timeZone?: string;
  source: 'mailbox' | 'unknown';
}

export async function myMailboxTimeZone(deps: Pick<AppDeps, 'mailboxes'>, caller: Caller): Promise<MyTimeZone> {
  if (!deps.mailboxes) return { source: 'unknown' };
  try {
    const info = (await deps.mailboxes.mailboxSettings([caller.userId])).get(caller.userId);
    return info?.timeZone && !info.refused ? { timeZone: info.timeZone, source: 'mailbox' } : { source: 'unknown' };
  } catch {
    // NOTE: only a default for a form field: Graph being unavailable must not stop anyone opting in.
    return { source: 'unknown' };
  }
}
