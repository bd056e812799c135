/** Reading mailbox settings (zone, working hours) through JSON $batch, and Graph's zone-bearing times. */
import type {
  DateTimeTimeZone,
  MailboxSettings,
  NullableOption,
  PublicError,
  WorkingHours as GraphWorkingHours,
} from '@microsoft/microsoft-graph-types';
import type { GraphRefusal, MailboxInfo } from '../../ports/calendar';
import type { WorkingHours } from '../../core/schedule';
import { weekdayOfGraphDay, zonedToUtc } from '../../core/schedule';
import type { Weekday } from '../../core/model';
import type { GraphConnection } from './client';
import { toDomainError } from './errors';
import { runBatch, type BatchResponse } from './batch';
import { toIanaZone } from './windows-zones';

const user = (id: string) => `/users/${encodeURIComponent(id)}`;

/** "08:00:00.0000000" → "08:00". */
function hhmm(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{2}:\d{2}/.test(value) ? value.slice(0, 5) : undefined;
}

/**
 * A Graph dateTimeTimeZone → ISO instant. Graph answers in UTC unless asked otherwise, but a zone
 * it names (a Windows id such as "W. Europe Standard Time", or IANA) is honoured.
 */
export function instant(value: NullableOption<DateTimeTimeZone> | undefined): string {
  const v = value ?? {};
  const dt = v.dateTime ?? '';
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(dt)) return new Date(dt).toISOString();
  const zone = v.timeZone && v.timeZone !== 'UTC' ? toIanaZone(v.timeZone) : undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?/.exec(dt);
  if (!zone || !m) return new Date(`${dt}Z`).toISOString();
  const seconds = Number((m[3] ?? ':0').slice(1)) * 1000;
  return new Date(zonedToUtc(m[1] as string, m[2] as string, zone) + seconds).toISOString();
}

export function parseWorkingHours(
  wh: NullableOption<GraphWorkingHours> | undefined,
  fallbackZone?: string,
): WorkingHours | undefined {
  // Checked as well as typed: this is a payload from outside.
  if (!wh || !Array.isArray(wh.daysOfWeek)) return undefined;
  const start = hhmm(wh.startTime);
  const end = hhmm(wh.endTime);
  const timeZone = toIanaZone(wh.timeZone?.name) ?? fallbackZone;
  if (!start || !end || !timeZone) return undefined;
  const days = wh.daysOfWeek.map((d) => weekdayOfGraphDay(String(d))).filter((d): d is Weekday => Boolean(d));
  return { days, start, end, timeZone };
}

/** A lasting refusal (4xx other than 408/429), or undefined for a transient failure or success. */
export function refusalOf(answer: BatchResponse): GraphRefusal | undefined {
  const { status } = answer;
  if (status < 400 || status >= 500 || status === 408 || status === 429) return undefined;
  const error = (answer.body as { error?: PublicError } | undefined)?.error;
  return {
    status,
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    message: typeof error?.message === 'string' ? error.message : `HTTP ${status}`,
  };
}

/**
 * Mailbox settings of many people. 200 → zone and working hours (IANA); a 4xx (no permission,
 * outside the app's mailbox scope, no mailbox) → `refused`, so the booking says so instead of
 * guessing; a transient failure (still throttled or unavailable after the retries) → left out,
 * and the booking falls back to the enrolment's zone and 09:00–17:00.
 */
export async function readMailboxSettings(conn: GraphConnection, userIds: string[]): Promise<Map<string, MailboxInfo>> {
  const out = new Map<string, MailboxInfo>();
  if (!userIds.length) return out;
  let answers;
  try {
    answers = await runBatch(
      conn,
      userIds.map((id, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: `${user(id)}/mailboxSettings?$select=timeZone,workingHours`,
      })),
    );
  } catch (err) {
    throw toDomainError(err, 'mailbox settings');
  }
  userIds.forEach((id, i) => {
    const a = answers.get(String(i));
    if (!a) return;
    const refused = refusalOf(a);
    if (refused) {
      out.set(id, { id, refused });
      return;
    }
    if (a.status !== 200) return;
    const body = (a.body ?? {}) as MailboxSettings;
    const timeZone = toIanaZone(body.timeZone);
    const workingHours = parseWorkingHours(body.workingHours, timeZone);
    out.set(id, { id, ...(timeZone ? { timeZone } : {}), ...(workingHours ? { workingHours } : {}) });
  });
  return out;
}
