import {
  GRAPH_IANA_ZONES,
  WINDOWS_ZONE_IDS,
  isGraphTimeZone,
  toIanaZone,
  windowsZoneOf,
} from '../../../functions/src/adapters/graph/windows-zones';
import { instant, refusalOf } from '../../../functions/src/adapters/graph/calendar-mailbox';

describe('time zones between Tandem (IANA) and Graph (Windows ids)', () => {
  it('maps every Windows id CLDR knows to a zone Node computes with, and back to the same id', () => {
    expect(WINDOWS_ZONE_IDS.size).toBeGreaterThan(130);
    for (const id of WINDOWS_ZONE_IDS) {
      const iana = toIanaZone(id);
      expect([id, iana && isKnown(iana)]).toEqual([id, true]);
      expect([id, windowsZoneOf(iana as string)]).toEqual([id, id]);
    }
  });

  it('has a Windows id for every zone Node knows but the few newer than CLDR’s mapping', () => {
    const unmapped = Intl.supportedValuesOf('timeZone').filter((z) => !windowsZoneOf(z));
    for (const z of unmapped) expect(['America/Ciudad_Juarez', 'America/Coyhaique', 'Antarctica/Troll']).toContain(z);
  });

  it('sends Graph a Windows id for the IANA names the old table produced and Graph does not list', () => {
    const cases: [string, string][] = [
      ['Asia/Calcutta', 'India Standard Time'],
      ['Asia/Kolkata', 'India Standard Time'],
      ['Etc/UTC', 'UTC'],
      ['UTC', 'UTC'],
      ['Europe/Kiev', 'FLE Standard Time'],
      ['Europe/Kyiv', 'FLE Standard Time'],
      ['Asia/Katmandu', 'Nepal Standard Time'],
      ['Europe/Vienna', 'W. Europe Standard Time'],
      ['America/Buenos_Aires', 'Argentina Standard Time'],
      ['Europe/Berlin', 'W. Europe Standard Time'],
    ];
    for (const [iana, windows] of cases) {
      expect([iana, windowsZoneOf(iana)]).toEqual([iana, windows]);
      expect(isGraphTimeZone(windows)).toBe(true);
    }
    for (const unlisted of ['Asia/Calcutta', 'Etc/UTC', 'Asia/Katmandu', 'Europe/Vienna', 'America/Buenos_Aires'])
      expect([unlisted, isGraphTimeZone(unlisted)]).toEqual([unlisted, false]);
    expect(windowsZoneOf('America/Ciudad_Juarez')).toBeUndefined();
    expect(windowsZoneOf('Not/AZone')).toBeUndefined();
  });

  it('accepts exactly Windows ids and the IANA names Microsoft lists for the calendar', () => {
    expect(GRAPH_IANA_ZONES.size).toBeGreaterThanOrEqual(100);
    for (const name of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Etc/GMT', 'Pacific/Kiritimati'])
      expect(isGraphTimeZone(name)).toBe(true);
    for (const [name, computeAs] of GRAPH_IANA_ZONES) expect([name, isKnown(computeAs)]).toEqual([name, true]);
    expect(toIanaZone('Asia/Toshkent')).toBe('Asia/Tashkent');
  });

  it('reads times Graph gives with a Windows zone as the right instant', () => {
    expect(instant({ dateTime: '2026-03-03T09:00:00.0000000', timeZone: 'W. Europe Standard Time' })).toBe(
      '2026-03-03T08:00:00.000Z',
    );
    expect(instant({ dateTime: '2026-07-07T09:00:00.0000000', timeZone: 'Eastern Standard Time' })).toBe(
      '2026-07-07T13:00:00.000Z',
    );
    expect(instant({ dateTime: '2026-03-03T09:00:00.0000000', timeZone: 'UTC' })).toBe('2026-03-03T09:00:00.000Z');
    expect(instant({ dateTime: '2026-03-03T09:00:00.0000000' })).toBe('2026-03-03T09:00:00.000Z');
  });

  it('keeps a 4xx on mailbox settings as a refusal and treats throttling and outages as transient', () => {
    const denied = { error: { code: 'ErrorAccessDenied', message: 'Access is denied.' } };
    expect(refusalOf({ id: '0', status: 403, body: denied })).toEqual({
      status: 403,
      code: 'ErrorAccessDenied',
      message: 'Access is denied.',
    });
    expect(refusalOf({ id: '0', status: 404, body: null })).toEqual({ status: 404, message: 'HTTP 404' });
    for (const status of [200, 408, 429, 500, 503, 504]) expect(refusalOf({ id: '0', status })).toBeUndefined();
  });
});

function isKnown(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
