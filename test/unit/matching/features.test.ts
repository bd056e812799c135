import { compileFeatures, slotMask } from '../../../functions/src/core/matching/features';
import { mentee, mentor } from './support/people';

/** Bit of weekday d (0 = Monday) × time t (0 = morning) in an availability mask. */
const slot = (d: number, t: number) => 1 << (d * 3 + t);

describe('compiled profiles', () => {
  it('turns weekdays × times into slot bits, with an empty list meaning "any"', () => {
    expect(slotMask(undefined, undefined)).toBe((1 << 21) - 1);
    expect(slotMask([], [])).toBe((1 << 21) - 1);
    expect(slotMask(['tue'], undefined)).toBe(slot(1, 0) | slot(1, 1) | slot(1, 2));
    expect(slotMask(undefined, ['afternoon'])).toBe([0, 1, 2, 3, 4, 5, 6].reduce((mask, d) => mask | slot(d, 2), 0));
    expect(slotMask(['mon', 'fri'], ['morning', 'afternoon'])).toBe(slot(0, 0) | slot(0, 2) | slot(4, 0) | slot(4, 2));
  });

  it('compares weekday and time names case- and space-insensitively', () => {
    expect(slotMask([' Tue', 'THU '], ['Midday'])).toBe(slotMask(['tue', 'thu'], ['midday']));
  });

  it('gives spellings of one topic the same bit, and counts a topic named twice once', () => {
    const f = compileFeatures(
      [mentor('m', { topics: ['Teams', 'AI'] })],
      [mentee('e', { topics: [' teams', 'teams', 'excel'] }), mentee('x', { topics: ['TEAMS '] })],
    );
    expect(f.topics.names).toEqual(['AI', 'excel', 'Teams']);
    const bit = (name: string) => 1 << (f.topics.index.get(name) as number);
    expect(f.mentors.topics[0]).toBe(bit('teams') | bit('ai'));
    expect(f.mentees.topics[0]).toBe(bit('teams') | bit('excel'));
    expect(f.mentees.topicCount[0]).toBe(2);
    expect(f.mentees.topics[1]).toBe(bit('teams'));
  });
});
