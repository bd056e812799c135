import { compileFeatures } from '../../../functions/src/core/matching/features';
import { buildScoreTables, COMPONENTS, pairComponents } from '../../../functions/src/core/matching/fit-score';
import { prepare } from '../../../functions/src/core/matching/prepare';
import { builtInRows, FORBIDDEN } from '../../../functions/src/core/matching/row-source';
import { timezoneOffsetMinutes } from '../../../functions/src/core/matching/timezone';
import { solveMatching, type MatchInput, type MatchMentee } from '../../../functions/src/core/matching';
import { rng, type Rng } from './support/prng';
import { mentee, mentor } from './support/people';

function randomPeople(r: Rng, vocab: { topics: number; interests: number; langs: number }, n: number): MatchMentee[] {
  const words = (prefix: string, size: number, count: number) =>
    Array.from({ length: count }, () => `${prefix}${r.int(0, size - 1)}`);
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix(r)}${i}`,
    topics: words('t', vocab.topics, r.int(0, 4)),
    interests: words('i', vocab.interests, r.int(0, 6)),
    languages: words('l', vocab.langs, r.int(1, 2)),
    ...(r.chance(0.8)
      ? { timezone: r.pick(['Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'UTC-03:00', 'Europe/London']) }
      : {}),
    ...(r.chance(0.7) ? { weekdays: [r.pick(['mon', 'tue', 'wed'])] } : {}),
    ...(r.chance(0.5) ? { times: [r.pick(['morning', 'afternoon'])] } : {}),
    ...(r.chance(0.7) ? { department: `d${r.int(0, 5)}` } : {}),
    ...(r.chance(0.6) ? { jobLevel: r.int(1, 9) + (r.chance(0.2) ? 0.5 : 0) } : {}),
    ...(r.chance(0.6) ? { hireDate: `20${r.int(10, 24)}-0${r.int(1, 9)}-15` } : {}),
  }));
}
const prefix = (r: Rng) => (r.chance(0.5) ? 'x' : 'y');

describe('fit score', () => {
  it.each([
    ['small vocabularies (fast path)', { topics: 10, interests: 20, langs: 4 }],
    ['64 interests (fast path, two words)', { topics: 10, interests: 64, langs: 4 }],
    ['large vocabularies (general path)', { topics: 40, interests: 90, langs: 40 }],
  ])('scores every pair of a row exactly as the per-pair reference does: %s', (_name, vocab) => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const input: MatchInput = {
        mentors: randomPeople(r, vocab, 30).map((p, i) => ({ ...p, id: `m${i}` })),
        mentees: randomPeople(r, vocab, 25).map((p, i) => ({ ...p, id: `e${i}` })),
        weights: seed % 2 ? { topics: 33.3, seniority: 7 } : undefined,
      };
      const p = prepare(input);
      const f = compileFeatures(p.mentors, p.mentees);
      const t = buildScoreTables(input.weights);
      const src = builtInRows(p, f, t);
      const row = new Float64Array(src.mentors);
      for (let ep = 0; ep < src.mentees; ep++) {
        src.fill(ep, row);
        for (let mp = 0; mp < src.mentors; mp++) {
          const m = p.activeMentors[mp]!;
          const e = p.activeMentees[ep]!;
          const parts = pairComponents(f, t, m, e);
          // Row values are units + 1; 0 marks a forbidden pair.
          const expected = sharesLanguage(p.mentors[m]!.languages, p.mentees[e]!.languages)
            ? COMPONENTS.reduce((s, c) => s + parts[c], 0) + 1
            : FORBIDDEN;
          if (row[mp] !== expected)
            throw new Error(`seed ${seed}: pair ${m}/${e} row ${row[mp]} reference ${expected}`);
        }
      }
    }
  });

  it('gives full marks to a perfect pair and stays within the weights', () => {
    const pair = solveMatching({
      mentors: [mentor('m', { topics: ['ai'], interests: ['a', 'b', 'c'], jobLevel: 1 })],
      mentees: [mentee('e', { topics: ['ai'], interests: ['a', 'b', 'c'], jobLevel: 5 })],
    }).pairs[0]!;
    expect(pair.score).toBe(100);
  });

  it('uses the programme weights', () => {
    const input: MatchInput = {
      mentors: [mentor('m')],
      mentees: [mentee('e')],
      weights: { topics: 0, crossDepartment: 50 },
    };
    expect(solveMatching(input).pairs[0]?.breakdown).toMatchObject({ topics: 0, crossDepartment: 50 });
  });

  it('judges seniority by job level, and by hire date only when a level is missing', () => {
    const score = (m: object, e: object) =>
      solveMatching({ mentors: [mentor('m', m)], mentees: [mentee('e', e)] }).pairs[0]!.breakdown.seniority;
    expect(score({ jobLevel: 2 }, { jobLevel: 4 })).toBe(5);
    expect(score({ jobLevel: 2 }, { jobLevel: 3 })).toBe(2.5);
    expect(score({ jobLevel: 5 }, { jobLevel: 3 })).toBe(0);
    expect(score({ jobLevel: undefined, hireDate: '2022-01-01' }, { hireDate: '2015-01-01' })).toBe(5);
    expect(score({ jobLevel: undefined, hireDate: '2022-01-01' }, { jobLevel: undefined })).toBe(0);
  });

  it('reads time zones as mean UTC offsets, IANA or fixed', () => {
    expect(timezoneOffsetMinutes('Europe/Berlin')).toBe(90);
    expect(timezoneOffsetMinutes('Asia/Kolkata')).toBe(330);
    expect(timezoneOffsetMinutes('UTC-03:30')).toBe(-210);
    expect(timezoneOffsetMinutes('GMT')).toBe(0);
    expect(timezoneOffsetMinutes('Mars/Olympus')).toBeNull();
  });
});

function sharesLanguage(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a.map((x) => x.trim().toLowerCase()));
  return b.some((x) => set.has(x.trim().toLowerCase()));
}
