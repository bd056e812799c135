import { type Features } from './features';
import { pop32, seniorityClass, topicTenths, TZ_ZERO_QUARTERS, type ScoreTables } from './fit-score';
import type { Prepared } from './prepare';

/** Marks a forbidden pair in a score row. */
export const FORBIDDEN = -1;

/**
 * Score rows: for one active mentee, the score against every active mentor in integer units
 * (FORBIDDEN where a hard constraint rules the pair out). Computing a row is the hot loop of the
 * engine (10,000 × 10,000 = 10^8 pairs), so the built-in scorer reads flat typed arrays only.
 */
export interface RowSource {
  readonly mentees: number;
  readonly mentors: number;
  /** Units per score point shown to people (10 for the built-in tenths, 10^d for a custom matrix). */
  readonly unitsPerPoint: number;
  /** Upper bound of any score in units. */
  readonly maxUnits: number;
  fill(ep: number, out: Float64Array): void;
}

/** Hierarchy, exclusions and re-match scope: the pair rules that do not depend on profiles. */
export function applyMasks(p: Prepared, ep: number, out: Float64Array): void {
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

/** The built-in fit score; must equal the sum of pairComponents (a unit test holds them together). */
export function builtInRows(p: Prepared, f: Features, t: ScoreTables): RowSource {
  const idx = p.activeMentors;
  const M = f.mentors;
  const tw = f.topics.words;
  const iw = f.interests.words;
  const lw = f.languages.words;
  const mTopics = gather(M.topics, idx, tw);
  const mInterests = gather(M.interests, idx, iw);
  const mLanguages = gather(M.languages, idx, lw);
  const mSlots = gather(M.slots, idx, 1);
  const mTz = gather(M.tzQuarters, idx, 1);
  const mDept = gather(M.department, idx, 1);
  const mLevel = gather(M.level, idx, 1);
  const mHire = gather(M.hireDay, idx, 1);
  const nM = idx.length;
  const topicRow = new Int32Array(33 * tw + 1);
  const single = tw === 1 && iw === 1 && lw === 1;
  const { interests: tInt, availability: tAv, timezone: tTz, crossDepartment: deptPts } = t;
  const senFull = t.seniorityFull;
  const senHalf = t.seniorityHalf;
  // NOTE: imported bindings compile to property getters (CommonJS interop); in a loop run 10^8
  // times they cost more than the work, so the hot loop uses local aliases.
  const pop = pop32;
  const senior = seniorityClass;
  const tzMax = TZ_ZERO_QUARTERS;
  const forbidden = FORBIDDEN;

  function fill(ep: number, out: Float64Array): void {
    const e = p.activeMentees[ep] as number;
    const E = f.mentees;
    const wished = E.topicCount[e] as number;
    for (let c = 0; c < topicRow.length; c++) topicRow[c] = topicTenths(c, wished, t.topicWeight);
    const slotE = E.slots[e] as number;
    const tzE = E.tzQuarters[e] as number;
    const deptE = E.department[e] as number;
    const lvlE = E.level[e] as number;
    const hireE = E.hireDay[e] as number;
    if (single) {
      const topE = E.topics[e] as number;
      const intE = E.interests[e] as number;
      const langE = E.languages[e] as number;
      for (let m = 0; m < nM; m++) {
        if ((langE & (mLanguages[m] as number)) === 0) {
          out[m] = forbidden;
          continue;
        }
        let s =
          (topicRow[pop(topE & (mTopics[m] as number))] as number) +
          (tInt[pop(intE & (mInterests[m] as number))] as number) +
          (tAv[pop(slotE & (mSlots[m] as number))] as number);
        let dz = tzE - (mTz[m] as number);
        if (dz < 0) dz = -dz;
        s += tTz[dz > tzMax ? tzMax : dz] as number;
        const dm = mDept[m] as number;
        if (deptE >= 0 && dm >= 0 && dm !== deptE) s += deptPts;
        const sen = senior(lvlE, mLevel[m] as number, hireE, mHire[m] as number);
        out[m] = sen === 0 ? s : s + (sen === 2 ? senFull : senHalf);
      }
    } else {
      for (let m = 0; m < nM; m++) {
        let lang = 0;
        for (let w = 0; w < lw; w++) lang |= (E.languages[e * lw + w] as number) & (mLanguages[m * lw + w] as number);
        if (lang === 0) {
          out[m] = forbidden;
          continue;
        }
        let top = 0;
        for (let w = 0; w < tw; w++) top += pop((E.topics[e * tw + w] as number) & (mTopics[m * tw + w] as number));
        let int = 0;
        for (let w = 0; w < iw; w++)
          int += pop((E.interests[e * iw + w] as number) & (mInterests[m * iw + w] as number));
        let s =
          (topicRow[top] as number) +
          (tInt[int > 32 ? 32 : int] as number) +
          (tAv[pop(slotE & (mSlots[m] as number))] as number);
        let dz = tzE - (mTz[m] as number);
        if (dz < 0) dz = -dz;
        s += tTz[dz > tzMax ? tzMax : dz] as number;
        const dm = mDept[m] as number;
        if (deptE >= 0 && dm >= 0 && dm !== deptE) s += deptPts;
        const sen = senior(lvlE, mLevel[m] as number, hireE, mHire[m] as number);
        out[m] = sen === 0 ? s : s + (sen === 2 ? senFull : senHalf);
      }
    }
    applyMasks(p, ep, out);
  }
  return { mentees: p.activeMentees.length, mentors: nM, unitsPerPoint: 10, maxUnits: t.max, fill };
}
