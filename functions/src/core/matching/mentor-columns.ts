import type { SideFeatures } from './features';

/**
 * The active mentors' profiles as the row scorer reads them: their feature columns gathered in active
 * order, and the classes that turn per-pair work into one lookup in a per-row table. Pure data
 * compilation, no fit rule: the points come from fit-score.ts when the scorer fills the tables.
 */
export interface MentorColumns {
  readonly nM: number;
  readonly topics: Uint32Array; // nM × topic words
  readonly interests: Uint32Array; // nM × interest words
  readonly languages: Uint32Array; // nM × language words
  readonly slots: Int32Array;
  readonly department: Int32Array;
  readonly level: Float64Array;
  readonly hireDay: Float64Array;
  /** The distinct time zones (quarter hours, ascending), and each mentor's index into them. */
  readonly zones: number[];
  readonly zone: Uint16Array;
  /** The distinct known job levels, ascending (level class levels.length = unknown). */
  readonly levels: number[];
  /** Flat (zone, department, level class) triples: zone, department and level merged into one class. */
  readonly classes: number[];
  /** Each mentor's class (valid when classCount ≤ 0xffff). */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  /** Interests in two words (up to 64 distinct interests), the second all zero when one suffices. */
  readonly interestsLo: Uint32Array;
  readonly interestsHi: Uint32Array;
  /** The distinct weekday/time masks (a few hundred), and each mentor's index into them. */
  readonly slotMasks: Int32Array;
  readonly slotClass: Uint16Array;
}

export function gather<T extends Uint32Array | Int32Array | Float64Array>(src: T, idx: Int32Array, words: number): T {
  const out = new (src.constructor as new (n: number) => T)(idx.length * words);
  for (let i = 0; i < idx.length; i++)
    for (let w = 0; w < words; w++) out[i * words + w] = src[(idx[i] as number) * words + w] as number;
  return out;
}

export function mentorColumns(
  idx: Int32Array,
  f: {
    readonly mentors: SideFeatures;
    readonly departments: readonly string[];
    readonly topics: { readonly words: number };
    readonly interests: { readonly words: number };
    readonly languages: { readonly words: number };
  },
): MentorColumns {
  const M = f.mentors;
  const iw = f.interests.words;
  const mInterests = gather(M.interests, idx, iw);
  const mSlots = gather(M.slots, idx, 1);
  const mDept = gather(M.department, idx, 1);
  const mLevel = gather(M.level, idx, 1);
  const nM = idx.length;
  // Time zones as classes: the per-row table turns distance → points into one lookup per pair.
  const zones = [...new Set(gather(M.tzQuarters, idx, 1))].sort((a, b) => a - b);
  const zoneOf = new Map(zones.map((z, i) => [z, i]));
  const mZone = Uint16Array.from(gather(M.tzQuarters, idx, 1), (z) => zoneOf.get(z) as number);
  // The fast path merges zone, department and level into one mentor "class" so a per-row table
  // gives those points in one lookup and the loop has no unpredictable branch.
  const levels = [...new Set(mLevel)].filter((l) => l === l).sort((a, b) => a - b);
  const levelOf = new Map(levels.map((l, i) => [l, i]));
  const classKey = new Map<number, number>();
  const classes: number[] = [];
  const mClass = new Uint16Array(nM);
  for (let m = 0; m < nM && classKey.size <= 0xffff; m++) {
    const lc = mLevel[m] === mLevel[m] ? (levelOf.get(mLevel[m] as number) as number) : levels.length;
    const key =
      ((mZone[m] as number) * (f.departments.length + 1) + (mDept[m] as number) + 1) * (levels.length + 1) + lc;
    let c = classKey.get(key);
    if (c === undefined) {
      c = classKey.size;
      classKey.set(key, c);
      classes.push(mZone[m] as number, mDept[m] as number, lc);
    }
    mClass[m] = c;
  }
  // Availability by the mentor's weekday/time mask: a few hundred distinct masks, so a per-row table
  // of their points replaces two popcount lookups per pair with one lookup.
  const slotMasks = Int32Array.from(new Set(mSlots)).sort();
  const slotOf = new Map(Array.from(slotMasks, (mask, i) => [mask, i]));
  return {
    nM,
    topics: gather(M.topics, idx, f.topics.words),
    interests: mInterests,
    languages: gather(M.languages, idx, f.languages.words),
    slots: mSlots,
    department: mDept,
    level: mLevel,
    hireDay: gather(M.hireDay, idx, 1),
    zones,
    zone: mZone,
    levels,
    classes,
    classOf: mClass,
    classCount: classKey.size,
    interestsLo: Uint32Array.from({ length: nM }, (_, m) => mInterests[m * iw] as number),
    interestsHi: Uint32Array.from({ length: nM }, (_, m) => (iw === 2 ? (mInterests[m * iw + 1] as number) : 0)),
    slotMasks,
    slotClass: Uint16Array.from(mSlots, (mask) => slotOf.get(mask) as number),
  };
}
