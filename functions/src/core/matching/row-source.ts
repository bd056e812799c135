import type { Features } from './features';
import { pop32, seniorityClass, topicTenths, TZ_ZERO_QUARTERS, type ScoreTables } from './fit-score';
import type { Prepared } from './prepare';

/** A forbidden pair in a score row; a feasible pair holds its score in units plus one. */
export const FORBIDDEN = 0;

/** A score row: a Float64Array, or a Uint16Array row of the score cache. */
export type ScoreRow = Float64Array | Uint16Array;

/**
 * Score rows: for one active mentee, the score against every active mentor as integer units + 1
 * (0 = FORBIDDEN, a hard constraint rules the pair out), so a cache row can be written directly and
 * "is feasible and better than t" is one comparison. Computing a row is the hot loop of the engine
 * (10,000 × 10,000 = 10^8 pairs), so the built-in scorer reads flat typed arrays only.
 */
export interface RowSource {
  readonly mentees: number;
  readonly mentors: number;
  /** Units per score point shown to people (10 for the built-in tenths, 10^d for a custom matrix). */
  readonly unitsPerPoint: number;
  /** Upper bound of any score in units. */
  readonly maxUnits: number;
  /**
   * Writes row ep and returns its largest value before the pair rules (hierarchy, exclusions,
   * scope) apply: an upper bound of the row, the same on every thread (candidate ranking uses it).
   */
  fill(ep: number, out: ScoreRow): number;
  /** The built-in scorer's inputs as plain data, so a helper thread can rebuild it (absent for custom scores). */
  readonly spec?: RowSpec;
}

/** The pair rules of a Prepared instance that do not depend on profiles. */
export type RowMasks = Pick<
  Prepared,
  'conflicts' | 'excludedStart' | 'excludedMentor' | 'affectedMentor' | 'affectedMentee'
>;

/**
 * Everything the built-in scorer reads, as structured-cloneable data (typed arrays and numbers):
 * `builtInRows(spec.p, spec.f, spec.t)` on another thread gives the very same rows.
 */
export interface RowSpec {
  readonly p: RowMasks & Pick<Prepared, 'activeMentors' | 'activeMentees'>;
  readonly f: Pick<Features, 'mentors' | 'mentees' | 'departments'> & {
    readonly topics: { readonly words: number };
    readonly interests: { readonly words: number };
    readonly languages: { readonly words: number };
  };
  readonly t: ScoreTables;
}

/** Hierarchy, exclusions and re-match scope: the pair rules that do not depend on profiles. */
export function applyMasks(p: RowMasks, ep: number, out: ScoreRow): void {
  const c = p.conflicts;
  for (let k = c.descLo[ep] as number, end = c.descHi[ep] as number; k < end; k++)
    out[c.rightByTin[k] as number] = FORBIDDEN;
  for (let k = c.ancStart[ep] as number, end = c.ancStart[ep + 1] as number; k < end; k++) {
    out[c.ancRight[k] as number] = FORBIDDEN;
  }
  for (let k = p.excludedStart[ep] as number, end = p.excludedStart[ep + 1] as number; k < end; k++) {
    out[p.excludedMentor[k] as number] = FORBIDDEN;
  }
  const am = p.affectedMentor;
  if (am && p.affectedMentee && p.affectedMentee[ep] === 0) {
    for (let mp = 0; mp < am.length; mp++) if (am[mp] === 0) out[mp] = FORBIDDEN;
  }
}

function gather<T extends Uint32Array | Int32Array | Float64Array>(src: T, idx: Int32Array, words: number): T {
  const out = new (src.constructor as new (n: number) => T)(idx.length * words);
  for (let i = 0; i < idx.length; i++)
    for (let w = 0; w < words; w++) out[i * words + w] = src[(idx[i] as number) * words + w] as number;
  return out;
}

/** Popcount of 16 bits by table: a third of the cost of the arithmetic popcount in this loop. */
const POP16 = Uint8Array.from({ length: 1 << 16 }, (_, x) => pop32(x));

/** The built-in fit score; must equal the sum of pairComponents (a unit test holds them together). */
export function builtInRows(p: RowSpec['p'], f: RowSpec['f'], t: ScoreTables): RowSource {
  const idx = p.activeMentors;
  const M = f.mentors;
  const E = f.mentees;
  const tw = f.topics.words;
  const iw = f.interests.words;
  const lw = f.languages.words;
  const mTopics = gather(M.topics, idx, tw);
  const mInterests = gather(M.interests, idx, iw);
  const mLanguages = gather(M.languages, idx, lw);
  const mSlots = gather(M.slots, idx, 1);
  const mDept = gather(M.department, idx, 1);
  const mLevel = gather(M.level, idx, 1);
  const mHire = gather(M.hireDay, idx, 1);
  const nM = idx.length;
  // Time zones as classes: the per-row table turns distance → points into one lookup per pair.
  const zones = [...new Set(gather(M.tzQuarters, idx, 1))].sort((a, b) => a - b);
  const zoneOf = new Map(zones.map((z, i) => [z, i]));
  const mZone = Uint16Array.from(gather(M.tzQuarters, idx, 1), (z) => zoneOf.get(z) as number);
  const zoneRow = new Int32Array(zones.length);
  const topicRow = new Int32Array(33 * tw + 1);
  const { interests: tInt, availability: tAv, crossDepartment: deptPts, seniorityFull: full, seniorityHalf: half } = t;
  // NOTE: imported bindings compile to property getters (CommonJS interop); in a loop run 10^8
  // times they cost more than the work, so the hot loop only touches locals.
  const pop = pop32;
  const senior = seniorityClass;
  const p16 = POP16;
  const forbidden = FORBIDDEN;

  // The fast path merges zone, department and level into one mentor "class" so a per-row table
  // gives those points in one lookup and the loop has no unpredictable branch.
  const levels = [...new Set(mLevel)].filter((l) => l === l).sort((a, b) => a - b);
  const levelOf = new Map(levels.map((l, i) => [l, i]));
  const classKey = new Map<number, number>();
  const classes: number[] = []; // flat (zone, dept, level class) triples
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
  const fast = tw === 1 && iw <= 2 && lw === 1 && classKey.size <= 0xffff;
  // Interests in two words (up to 64 distinct interests), the second all zero when one suffices.
  const mInterestsLo = Uint32Array.from({ length: nM }, (_, m) => mInterests[m * iw] as number);
  const mInterestsHi = Uint32Array.from({ length: nM }, (_, m) => (iw === 2 ? (mInterests[m * iw + 1] as number) : 0));
  // classRow: zone + department + level points; negative (-1 - points) = add seniority by hire date.
  const classRow = new Int32Array(classKey.size);
  // Availability by the mentor's weekday/time mask: a few hundred distinct masks, so a per-row table
  // of their points replaces two popcount lookups per pair with one lookup.
  const slotMasks = Int32Array.from(new Set(mSlots)).sort();
  const slotOf = new Map(Array.from(slotMasks, (mask, i) => [mask, i]));
  const mSlotClass = Uint16Array.from(mSlots, (mask) => slotOf.get(mask) as number);
  const slotRow = new Int32Array(slotMasks.length);

  function fastRow(ep: number, e: number, out: ScoreRow): number {
    const lvlE = E.level[e] as number;
    const hireE = E.hireDay[e] as number;
    const deptE = E.department[e] as number;
    for (let c = 0; c < classRow.length; c++) {
      const dept = classes[3 * c + 1] as number;
      const lc = classes[3 * c + 2] as number;
      let pts =
        (zoneRow[classes[3 * c] as number] as number) + (deptE >= 0 && dept >= 0 && dept !== deptE ? deptPts : 0);
      if (lvlE === lvlE && lc < levels.length) {
        const d = lvlE - (levels[lc] as number);
        pts += d >= 2 ? full : d >= 1 ? half : 0;
      } else if (hireE === hireE) pts = -1 - pts;
      classRow[c] = pts;
    }
    const langE = E.languages[e] as number;
    const topE = E.topics[e] as number;
    const intLo = E.interests[e * iw] as number;
    const intHi = iw === 2 ? (E.interests[e * iw + 1] as number) : 0;
    const slotE = E.slots[e] as number;
    for (let c = 0; c < slotRow.length; c++) slotRow[c] = tAv[pop(slotE & (slotMasks[c] as number))] as number;
    const mL = mLanguages,
      mT = mTopics,
      mI = mInterestsLo,
      mI2 = mInterestsHi,
      mS = mSlotClass,
      mC = mClass,
      mH = mHire;
    const tRow = topicRow,
      cRow = classRow,
      ti = tInt,
      sRow = slotRow,
      pc = p16;
    let best = 0;
    for (let m = 0; m < nM; m++) {
      const lang = langE & (mL[m] as number);
      const x = topE & (mT[m] as number);
      const y = intLo & (mI[m] as number);
      const y2 = intHi & (mI2[m] as number);
      let c = cRow[mC[m] as number] as number;
      if (c < 0) {
        const d = (mH[m] as number) - hireE; // NaN when the mentor's date is unknown: no points
        c = -1 - c + (d >= 730 ? full : d >= 365 ? half : 0);
      }
      const s =
        (tRow[(pc[x & 0xffff] as number) + (pc[x >>> 16] as number)] as number) +
        (ti[
          (pc[y & 0xffff] as number) +
            (pc[y >>> 16] as number) +
            (pc[y2 & 0xffff] as number) +
            (pc[y2 >>> 16] as number)
        ] as number) +
        (sRow[mS[m] as number] as number) +
        c;
      // Branch-free "forbidden (0) when no common language": keep = -1 if lang != 0, else 0.
      const value = (s + 1) & ((lang | -lang) >> 31);
      out[m] = value;
      best = value > best ? value : best;
    }
    applyMasks(p, ep, out);
    return best;
  }

  function fill(ep: number, out: ScoreRow): number {
    const e = p.activeMentees[ep] as number;
    const wished = E.topicCount[e] as number;
    for (let c = 0; c < topicRow.length; c++) topicRow[c] = topicTenths(c, wished, t.topicWeight);
    const tzE = E.tzQuarters[e] as number;
    for (let z = 0; z < zones.length; z++) {
      zoneRow[z] = t.timezone[Math.min(Math.abs(tzE - (zones[z] as number)), TZ_ZERO_QUARTERS)] as number;
    }
    if (fast) return fastRow(ep, e, out);
    // General path: vocabularies over 32 entries (several words per mask) or very many mentor classes.
    const slotE = E.slots[e] as number;
    const deptE = E.department[e] as number;
    let best = 0;
    for (let m = 0; m < nM; m++) {
      let lang = 0;
      let top = 0;
      let int = 0;
      for (let w = 0; w < lw; w++) lang |= (E.languages[e * lw + w] as number) & (mLanguages[m * lw + w] as number);
      if (lang === 0) {
        out[m] = forbidden;
        continue;
      }
      for (let w = 0; w < tw; w++) top += pop((E.topics[e * tw + w] as number) & (mTopics[m * tw + w] as number));
      for (let w = 0; w < iw; w++) int += pop((E.interests[e * iw + w] as number) & (mInterests[m * iw + w] as number));
      const dm = mDept[m] as number;
      const sen = senior(E.level[e] as number, mLevel[m] as number, E.hireDay[e] as number, mHire[m] as number);
      const value =
        1 +
        (topicRow[top] as number) +
        (tInt[int > 64 ? 64 : int] as number) +
        (tAv[pop(slotE & (mSlots[m] as number))] as number) +
        (zoneRow[mZone[m] as number] as number) +
        (deptE >= 0 && dm >= 0 && dm !== deptE ? deptPts : 0) +
        (sen === 2 ? full : sen === 1 ? half : 0);
      out[m] = value;
      if (value > best) best = value;
    }
    applyMasks(p, ep, out);
    return best;
  }
  const spec: RowSpec = {
    p: {
      conflicts: p.conflicts,
      excludedStart: p.excludedStart,
      excludedMentor: p.excludedMentor,
      affectedMentor: p.affectedMentor,
      affectedMentee: p.affectedMentee,
      activeMentors: p.activeMentors,
      activeMentees: p.activeMentees,
    },
    f: {
      mentors: f.mentors,
      mentees: f.mentees,
      departments: f.departments,
      topics: { words: tw },
      interests: { words: iw },
      languages: { words: lw },
    },
    t,
  };
  return { mentees: p.activeMentees.length, mentors: nM, unitsPerPoint: 10, maxUnits: t.max, fill, spec };
}
