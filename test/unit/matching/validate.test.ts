import { MatchInputError, solveMatching, validateMatchInput } from '../../../functions/src/core/matching';
import { mentee, mentor } from './support/people';

function problemsOf(input: unknown): string[] {
  try {
    validateMatchInput(input);
    return [];
  } catch (err) {
    if (err instanceof MatchInputError) return err.problems;
    throw err;
  }
}

describe('input validation', () => {
  const ok = { mentors: [mentor('m')], mentees: [mentee('a')] };

  it('accepts a well-formed instance', () => {
    expect(problemsOf(ok)).toEqual([]);
  });

  it.each([
    ['not an object', [], /JSON object/],
    ['missing mentees', { mentors: [] }, /"mentees" must be an array/],
    ['duplicate ids across roles', { mentors: [mentor('x')], mentees: [mentee('x')] }, /duplicate id "x"/],
    ['bad capacity', { ...ok, mentors: [mentor('m', { capacity: 3 })] }, /mentors\[0\]\.capacity must be 1 or 2/],
    [
      'no language',
      { ...ok, mentees: [mentee('a', { languages: [] })] },
      /mentees\[0\]\.languages must name at least one/,
    ],
    ['unknown weekday', { ...ok, mentees: [mentee('a', { weekdays: ['funday'] })] }, /unknown value\(s\) funday/],
    [
      'unknown time zone',
      { ...ok, mentors: [mentor('m', { timezone: 'Mars/Base' })] },
      /"Mars\/Base" is not a known time zone/,
    ],
    ['bad hire date', { ...ok, mentees: [mentee('a', { hireDate: 'yesterday' })] }, /hireDate must be an ISO date/],
    [
      'a manager that is not an id',
      { ...ok, managerOf: { a: 'b', c: 7, d: null } },
      /managerOf\["c"\] must be a manager id or null/,
    ],
    ['unknown id in lock', { ...ok, lock: [['m', 'zz']] }, /lock\[0\] names unknown id\(s\) "zz"/],
    [
      'lock of two mentors',
      { mentors: [mentor('m'), mentor('n')], mentees: [], lock: [['m', 'n']] },
      /one mentor and one mentee/,
    ],
    ['negative score', { ...ok, scores: [[-1]] }, /scores\[0\]\[0\] must be a non-negative number or null, got -1/],
    [
      'non-numeric score',
      { ...ok, scores: [['high']] },
      /scores\[0\]\[0\] must be a non-negative number or null, got "high"/,
    ],
    ['wrong row count', { ...ok, scores: [[1], [2]] }, /"scores" has 2 rows but there are 1 mentors/],
    ['wrong column count', { ...ok, scores: [[1, 2]] }, /scores\[0\] must have 1 entries/],
    ['unknown weight', { ...ok, weights: { charm: 3 } }, /weights\.charm is not a weight/],
    ['bad programme limit', { ...ok, programme: { maxMenteesPerMentor: 3 } }, /maxMenteesPerMentor must be 1 or 2/],
  ])('names the problem: %s', (_name, input, message) => {
    expect(problemsOf(input).join('\n')).toMatch(message);
  });

  it('lists every problem at once', () => {
    expect(
      problemsOf({ mentors: [mentor('m', { capacity: 5 })], mentees: [mentee('a', { languages: [] })] }),
    ).toHaveLength(2);
  });

  it('rejects a lock that breaks a hard constraint instead of silently dropping it', () => {
    const input = { ...ok, managerOf: { m: 'a' }, lock: [['m', 'a']] as [string, string][] };
    expect(() => solveMatching(input)).toThrow(/lock\[0\] \(m, a\) cannot be kept: they are in one management chain/);
  });

  it('rejects locks beyond a mentor capacity', () => {
    const input = {
      mentors: [mentor('m')],
      mentees: [mentee('a'), mentee('b')],
      lock: [
        ['m', 'a'],
        ['m', 'b'],
      ] as [string, string][],
    };
    expect(() => solveMatching(input)).toThrow(/more mentees than their capacity 1/);
  });

  it('tolerates unknown ids in exclusions (people who left) and reports them', () => {
    const result = solveMatching({ ...ok, exclude: [['m', 'gone']] });
    expect(result.pairCount).toBe(1);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'exclude-unknown-id', ids: ['gone'] })]);
  });
});
