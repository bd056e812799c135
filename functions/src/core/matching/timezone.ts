/**
 * Time zone → offset from UTC in minutes, for the time-zone part of the fit score. IANA zones are
 * read through Intl at two fixed instants (mid-January and mid-July) and averaged, so two zones that
 * both observe daylight saving compare by their usual distance and the result never depends on today.
 */
const JANUARY = Date.UTC(2025, 0, 15, 12);
const JULY = Date.UTC(2025, 6, 15, 12);
const FIXED = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

// NOTE: a memo of a pure function (Intl formatters are slow to create); it never changes a result.
const cache = new Map<string, number | null>();

function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m || !m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function compute(zone: string): number | null {
  const trimmed = zone.trim();
  if (/^(UTC|GMT|Z)$/i.test(trimmed)) return 0;
  const fixed = FIXED.exec(trimmed);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return fixed[1] === '-' ? -minutes : minutes;
  }
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: trimmed, timeZoneName: 'longOffset' });
    return Math.round((offsetAt(format, JANUARY) + offsetAt(format, JULY)) / 2);
  } catch {
    return null;
  }
}

/** Mean UTC offset in minutes, or null when the zone is not known. */
export function timezoneOffsetMinutes(zone: string): number | null {
  let offset = cache.get(zone);
  if (offset === undefined) {
    offset = compute(zone);
    cache.set(zone, offset);
  }
  return offset;
}
