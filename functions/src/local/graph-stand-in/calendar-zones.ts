/**
 * Time zones as Graph's calendar takes them: Windows zone ids and the IANA names Microsoft lists
 * (dateTimeTimeZone, "Additional time zones"); anything else is 400 TimeZoneNotSupportedException.
 */
import type { Answer } from './odata';
import { odataError } from './odata';
import { GRAPH_IANA_ZONES, isGraphTimeZone, toIanaZone } from '../../adapters/graph/windows-zones';
import { zonedToUtc } from '../../core/schedule';

/** What Graph answers for a zone its calendar does not take (Windows ids and a listed few IANA names only). */
export function timeZoneNotSupported(name: string): Answer {
  return odataError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  );
}

/** The IANA zone to compute with for a zone name Graph accepts, or undefined when Graph would refuse it. */
export function zoneOf(name: string): string | undefined {
  if (!isGraphTimeZone(name)) return undefined;
  return GRAPH_IANA_ZONES.get(name) ?? toIanaZone(name);
}

export interface Dtz {
  instant: number;
  date: string;
  time: string;
  zone: string;
  zoneName: string;
}

/** A Graph dateTimeTimeZone → instant; an Answer (400) for a zone Graph refuses; undefined when malformed. */
export function parseDtz(value: unknown): Dtz | Answer | undefined {
  const v = value as { dateTime?: unknown; timeZone?: unknown } | undefined;
  if (!v || typeof v.dateTime !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(v.dateTime);
  if (!m) return undefined;
  const zoneName = typeof v.timeZone === 'string' ? v.timeZone : 'UTC';
  const zone = zoneOf(zoneName);
  if (!zone) return timeZoneNotSupported(zoneName);
  const [, date, time] = m as unknown as [string, string, string];
  return { instant: zonedToUtc(date, time, zone), date, time, zone, zoneName };
}

export const isAnswer = (x: Dtz | Answer | undefined): x is Answer => Boolean(x && 'status' in x);
