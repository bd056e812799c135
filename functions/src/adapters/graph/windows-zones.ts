/**
 * Time zone names between Tandem and Microsoft Graph. Tandem computes with IANA names; Graph's
 * calendar accepts Windows zone ids and only a short list of IANA names (anything else is 400
 * TimeZoneNotSupportedException), and Exchange reports mailbox zones by their Windows ids. The
 * mapping is CLDR's windowsZones (package `windows-iana`): every zone sent to Graph is a Windows id.
 */
import { findIana, findWindows, WINDOWS_TO_IANA_MAP } from 'windows-iana';

/** Every Windows zone id CLDR maps (the ids Exchange and Graph know). */
export const WINDOWS_ZONE_IDS: ReadonlySet<string> = new Set(WINDOWS_TO_IANA_MAP.map((m) => m.windowsName));

/**
 * The IANA names Graph's calendar accepts besides Windows ids ("Additional time zones" of the
 * dateTimeTimeZone resource), each with the name Node computes with. Microsoft lists four as
 * "new (old)" — Europe/Kyiv (Kiev), Asia/Toshkent (Tashkent), Asia/Astana (Almaty), Asia/Yangon
 * (Rangoon) — so both spellings are accepted; `name=other` computes with `other`, which Node knows.
 */
export const GRAPH_IANA_ZONES: ReadonlyMap<string, string> = new Map(
  `Etc/GMT+12 Etc/GMT+11 Pacific/Honolulu America/Anchorage America/Santa_Isabel America/Los_Angeles
   America/Phoenix America/Chihuahua America/Denver America/Guatemala America/Chicago America/Mexico_City
   America/Regina America/Bogota America/New_York America/Indiana/Indianapolis America/Caracas
   America/Asuncion America/Halifax America/Cuiaba America/La_Paz America/Santiago America/St_Johns
   America/Sao_Paulo America/Argentina/Buenos_Aires America/Cayenne America/Godthab America/Montevideo
   America/Bahia Etc/GMT+2 Atlantic/Azores Atlantic/Cape_Verde Africa/Casablanca Etc/GMT Europe/London
   Atlantic/Reykjavik Europe/Berlin Europe/Budapest Europe/Paris Europe/Warsaw Africa/Lagos Africa/Windhoek
   Europe/Bucharest Asia/Beirut Africa/Cairo Asia/Damascus Africa/Johannesburg Europe/Kyiv=Europe/Kiev
   Europe/Kiev Europe/Istanbul Asia/Jerusalem Asia/Amman Asia/Baghdad Europe/Kaliningrad Asia/Riyadh
   Africa/Nairobi Asia/Tehran Asia/Dubai Asia/Baku Europe/Moscow Indian/Mauritius Asia/Tbilisi Asia/Yerevan
   Asia/Kabul Asia/Karachi Asia/Toshkent=Asia/Tashkent Asia/Tashkent Asia/Kolkata Asia/Colombo
   Asia/Kathmandu Asia/Astana=Asia/Almaty Asia/Almaty Asia/Dhaka Asia/Yekaterinburg Asia/Yangon Asia/Rangoon
   Asia/Bangkok Asia/Novosibirsk Asia/Shanghai Asia/Krasnoyarsk Asia/Singapore Australia/Perth Asia/Taipei
   Asia/Ulaanbaatar Asia/Irkutsk Asia/Tokyo Asia/Seoul Australia/Adelaide Australia/Darwin Australia/Brisbane
   Australia/Sydney Pacific/Port_Moresby Australia/Hobart Asia/Yakutsk Pacific/Guadalcanal Asia/Vladivostok
   Pacific/Auckland Etc/GMT-12 Pacific/Fiji Asia/Magadan Pacific/Tongatapu Pacific/Apia Pacific/Kiritimati`
    .trim()
    .split(/\s+/)
    .map((entry): [string, string] => {
      const [name, computeAs] = entry.split('=') as [string, string | undefined];
      return [name, computeAs ?? name];
    }),
);

function isIana(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The name this Node's ICU uses for an IANA zone (e.g. Europe/Kyiv → Europe/Kiev), or undefined. */
function canonicalIana(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** CLDR's zone for a Windows id (the territory-001 "golden" zone, e.g. W. Europe Standard Time → Europe/Berlin). */
function ianaOfWindows(id: string): string | undefined {
  const golden = WINDOWS_TO_IANA_MAP.find((m) => m.windowsName === id && m.territory === '001');
  return golden?.iana[0] ?? findIana(id)[0];
}

/**
 * IANA name for a zone name Graph reports (a Windows id, or an IANA name); undefined when unknown
 * (e.g. "Customized Time Zone", "tzone://Microsoft/Custom").
 */
export function toIanaZone(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  if (WINDOWS_ZONE_IDS.has(name)) return ianaOfWindows(name);
  const listed = GRAPH_IANA_ZONES.get(name);
  if (listed && isIana(listed)) return listed;
  return name.includes('/') && isIana(name) ? name : undefined;
}

/**
 * The Windows zone id to send to Graph for an IANA zone (or a Windows id, returned as it is);
 * undefined when CLDR has none (a zone newer than the mapping, e.g. America/Ciudad_Juarez).
 */
export function windowsZoneOf(zone: string): string | undefined {
  if (WINDOWS_ZONE_IDS.has(zone)) return zone;
  for (const name of [zone, canonicalIana(zone)]) {
    if (!name) continue;
    const found = findWindows(name)[0];
    if (found) return found;
  }
  return undefined;
}

/** Whether Graph's calendar accepts this zone name (a Windows id or a listed IANA name). */
export function isGraphTimeZone(name: string): boolean {
  return WINDOWS_ZONE_IDS.has(name) || GRAPH_IANA_ZONES.has(name);
}

/** Windows id of an IANA zone as Exchange reports it; the IANA name when CLDR has none (the stand-in's realism). */
export function toWindowsZone(iana: string): string {
  return windowsZoneOf(iana) ?? iana;
}
