import { nextOccurrence, parseSchedule } from '../../../functions/src/local/ncrontab';

const next = (expr: string, after: string) => nextOccurrence(parseSchedule(expr), new Date(after))?.toISOString();

describe('NCRONTAB schedules', () => {
  it('find the next daily run in UTC', () => {
    expect(next('0 30 2 * * *', '2026-03-01T01:00:00Z')).toBe('2026-03-01T02:30:00.000Z');
    expect(next('0 30 2 * * *', '2026-03-01T02:30:00Z')).toBe('2026-03-02T02:30:00.000Z');
  });

  it('support steps, ranges, lists and names', () => {
    expect(next('*/15 * * * * *', '2026-03-01T00:00:07Z')).toBe('2026-03-01T00:00:15.000Z');
    expect(next('0 0 9 * * Mon-Fri', '2026-02-28T10:00:00Z')).toBe('2026-03-02T09:00:00.000Z');
    expect(next('0 0 8,20 1 Jan *', '2026-01-01T09:00:00Z')).toBe('2026-01-01T20:00:00.000Z');
  });

  it('require day and day-of-week to match together', () => {
    expect(next('0 0 0 13 * 5', '2026-01-01T00:00:00Z')).toBe('2026-02-13T00:00:00.000Z');
  });

  it('reject malformed expressions with a message', () => {
    expect(() => parseSchedule('0 0 * * *')).toThrow(/six fields/);
    expect(() => parseSchedule('0 61 * * * *')).toThrow(/minute 61/);
    expect(() => parseSchedule('0 */0 * * * *')).toThrow(/invalid step/);
  });
});
