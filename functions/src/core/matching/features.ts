import { timezoneOffsetMinutes } from './timezone';
import { TIMES_OF_DAY, WEEKDAYS, type MatchPerson } from './types';

/**
 * Profiles compiled into typed arrays so a pair's fit costs a few bit operations: topics, interests
 * and languages become bit masks over a shared vocabulary, availability a 21-bit weekday × time mask,
 * the time zone a number of quarter hours. Lists compare case-insensitively.
 */
export interface SideFeatures {
  readonly n: number;
  readonly topics: Uint32Array; // n × topicWords
  readonly interests: Uint32Array; // n × interestWords
  readonly languages: Uint32Array; // n × languageWords
  readonly topicCount: Int32Array;
  readonly slots: Int32Array;
  /** UTC offset in quarter hours; unknown = UNKNOWN_TZ_MENTOR / UNKNOWN_TZ_MENTEE (never close). */
  readonly tzQuarters: Int32Array;
  readonly department: Int32Array; // -1 unknown
  readonly level: Float64Array; // NaN unknown
  readonly hireDay: Float64Array; // days since 1970, NaN unknown
}

export interface Vocabulary {
  readonly words: number;
  readonly index: ReadonlyMap<string, number>;
  /** Display spelling per bit (the first spelling met, people in id order). */
  readonly names: readonly string[];
  /** Bit per spelling as written (several spellings may share a bit): one lookup per list entry. */
  readonly bitOf: ReadonlyMap<string, number>;
}

export interface Features {
  readonly topics: Vocabulary;
  readonly interests: Vocabulary;
  readonly languages: Vocabulary;
  readonly departments: readonly string[];
  readonly mentors: SideFeatures;
  readonly mentees: SideFeatures;
}

export const UNKNOWN_TZ_MENTOR = 1_000_000;
export const UNKNOWN_TZ_MENTEE = -1_000_000;
const ALL_SLOTS = (1 << (WEEKDAYS.length * TIMES_OF_DAY.length)) - 1;

// NOTE: the same few hundred strings repeat across 20,000 profiles; a memo keeps compiling cheap.
const normalised = new Map<string, string>();
const norm = (s: string): string => {
  let n = normalised.get(s);
  if (n === undefined) {
    n = s.trim().toLowerCase();
    if (normalised.size < 100_000) normalised.set(s, n);
  }
  return n;
};

function vocabulary(people: readonly MatchPerson[], pick: (p: MatchPerson) => string[] | undefined): Vocabulary {
  // Spellings as written → normalised key: the same few hundred strings repeat across profiles, so
  // one lookup of the raw string settles almost every entry.
  const keyOf = new Map<string, string>();
  const seen = new Map<string, string>(); // key → display spelling (the first met)
  for (const p of people) {
    const list = pick(p);
    if (list === undefined) continue;
    for (const raw of list) {
      if (keyOf.has(raw)) continue;
      const key = norm(raw);
      keyOf.set(raw, key);
      if (!seen.has(key)) seen.set(key, raw.trim());
    }
  }
  const keys = [...seen.keys()].sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const bitOf = new Map<string, number>();
  for (const [raw, key] of keyOf) bitOf.set(raw, index.get(key) as number);
  return {
    words: Math.max(1, Math.ceil(keys.length / 32)),
    index,
    names: keys.map((k) => seen.get(k) as string),
    bitOf,
  };
}

function maskInto(out: Uint32Array, at: number, vocab: Vocabulary, list: readonly string[] | undefined): number {
  if (list === undefined) return 0;
  let count = 0;
  for (const raw of list) {
    const bit = vocab.bitOf.get(raw) ?? vocab.index.get(norm(raw));
    if (bit === undefined) continue;
    const word = at * vocab.words + (bit >>> 5);
    const flag = 1 << (bit & 31);
    if (((out[word] as number) & flag) === 0) count++;
    out[word] = (out[word] as number) | flag;
  }
  return count;
}

/** Days since 1970-01-01 of an ISO date (validated before), without Date.parse's cost. */
function dayNumber(iso: string): number {
  return Math.floor(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000,
  );
}

const DAY_INDEX = new Map<string, number>(WEEKDAYS.map((d, i) => [d, i]));
const TIME_INDEX = new Map<string, number>(TIMES_OF_DAY.map((t, i) => [t, i]));

/** Bits of the named entries (names compare case-insensitively; unknown names add nothing). */
function bitsOf(list: readonly string[], index: ReadonlyMap<string, number>): number {
  let bits = 0;
  for (const name of list) {
    const i = index.get(name) ?? index.get(norm(name));
    if (i !== undefined) bits |= 1 << i;
  }
  return bits;
}

/** Weekday × time-of-day bits; empty weekdays or times mean "flexible" (all of them). */
export function slotMask(weekdays: readonly string[] | undefined, times: readonly string[] | undefined): number {
  const anyDay = weekdays === undefined || weekdays.length === 0;
  const anyTime = times === undefined || times.length === 0;
  if (anyDay && anyTime) return ALL_SLOTS;
  const days = anyDay ? (1 << WEEKDAYS.length) - 1 : bitsOf(weekdays, DAY_INDEX);
  const parts = anyTime ? (1 << TIMES_OF_DAY.length) - 1 : bitsOf(times, TIME_INDEX);
  let mask = 0;
  for (let d = 0; d < WEEKDAYS.length; d++) if (days & (1 << d)) mask |= parts << (d * TIMES_OF_DAY.length);
  return mask;
}

function compileSide(
  people: readonly MatchPerson[],
  f: Omit<Features, 'mentors' | 'mentees'>,
  departments: Map<string, number>,
  unknownTz: number,
): SideFeatures {
  const n = people.length;
  const side = {
    n,
    topics: new Uint32Array(n * f.topics.words),
    interests: new Uint32Array(n * f.interests.words),
    languages: new Uint32Array(n * f.languages.words),
    topicCount: new Int32Array(n),
    slots: new Int32Array(n),
    tzQuarters: new Int32Array(n),
    department: new Int32Array(n),
    level: new Float64Array(n),
    hireDay: new Float64Array(n),
  };
  people.forEach((p, i) => {
    side.topicCount[i] = maskInto(side.topics, i, f.topics, p.topics);
    maskInto(side.interests, i, f.interests, p.interests);
    maskInto(side.languages, i, f.languages, p.languages);
    side.slots[i] = slotMask(p.weekdays, p.times);
    const offset = p.timezone === undefined ? null : timezoneOffsetMinutes(p.timezone);
    side.tzQuarters[i] = offset === null ? unknownTz : Math.round(offset / 15);
    const dept = p.department === undefined || p.department.trim() === '' ? undefined : norm(p.department);
    side.department[i] = dept === undefined ? -1 : (departments.get(dept) as number);
    side.level[i] = typeof p.jobLevel === 'number' ? p.jobLevel : NaN;
    side.hireDay[i] = p.hireDate === undefined ? NaN : dayNumber(p.hireDate);
  });
  return side;
}

/** Compiles both sides (each already sorted by id) against one shared vocabulary. */
export function compileFeatures(mentors: readonly MatchPerson[], mentees: readonly MatchPerson[]): Features {
  const everyone = [...mentors, ...mentees];
  const shared = {
    topics: vocabulary(everyone, (p) => p.topics),
    interests: vocabulary(everyone, (p) => p.interests),
    languages: vocabulary(everyone, (p) => p.languages),
    departments: [] as string[],
  };
  const departments = new Map<string, number>();
  const deptNames = new Map<string, string>();
  for (const p of everyone) {
    if (p.department === undefined || p.department.trim() === '') continue;
    if (!deptNames.has(norm(p.department))) deptNames.set(norm(p.department), p.department.trim());
  }
  [...deptNames.keys()].sort().forEach((k, i) => {
    departments.set(k, i);
    shared.departments.push(deptNames.get(k) as string);
  });
  return {
    ...shared,
    mentors: compileSide(mentors, shared, departments, UNKNOWN_TZ_MENTOR),
    mentees: compileSide(mentees, shared, departments, UNKNOWN_TZ_MENTEE),
  };
}

/** Names of the bits set in both masks (for explanations). */
export function sharedNames(
  vocab: Vocabulary,
  a: Uint32Array,
  aIndex: number,
  b: Uint32Array,
  bIndex: number,
): string[] {
  const names: string[] = [];
  for (let w = 0; w < vocab.words; w++) {
    const both = (a[aIndex * vocab.words + w] as number) & (b[bIndex * vocab.words + w] as number);
    for (let bit = 0; bit < 32; bit++) if (both & (1 << bit)) names.push(vocab.names[w * 32 + bit] as string);
  }
  return names;
}
