import { offer } from './bounded-heap';
import { mentorColumns } from './mentor-columns';
import { hireDayTable, rowTables } from './row-tables';
import type { Features } from './features';
import { SCORE_RECORD as R } from './kernels';
import { KERNEL_K_MAX, PACK, scoreKernel } from './score-kernel';
import {
  availabilityTenths,
  departmentTenths,
  interestTenths,
  pop32,
  seniorityByDays,
  seniorityClass,
  type ScoreTables,
} from './fit-score';
import type { Prepared } from './prepare';
import { FORBIDDEN, forEachForbidden, outOfScope, type RowMasks, type ScoreRow } from './row-masks';

export { applyMasks, FORBIDDEN, type RowMasks, type ScoreRow } from './row-masks';

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
   * Writes row ep and returns its largest value (0 when no pair is feasible): the same on every
   * thread, so candidate ranking can use it.
   */
  fill(ep: number, out: ScoreRow): number;
  /**
   * Optional: fill(ep, out) and, in the same pass, the candidate selection of the row (see
   * RowSelection); returns what fill returns, or -1 when this row needs fill and a scan instead.
   */
  fillSelect?(ep: number, out: ScoreRow, sel: RowSelection): number;
  /** The built-in scorer's inputs as plain data, so a helper thread can rebuild it (absent for custom scores). */
  readonly spec?: RowSpec;
  /**
   * Optional: the mentors' heaps of best mentees (the score task's column selection with regret keys,
   * see row-tasks.ts) kept by this scorer's WebAssembly kernel, for mentor heaps at colOff, with rows
   * keeping their k best; null when the kernel cannot take them. One selection at a time.
   */
  columnHeaps?(colOff: Int32Array, k: number): ColumnHeaps | null;
}

/**
 * What the scoring pass selects while it writes a row (one pass instead of two over 10^8 pairs):
 * the row's K best mentors (higher value, then smaller index) in a bounded heap, and the mentors
 * whose lists the pair may enter — value − the row's best so far ≥ colGate[mp], which every pair
 * with value − best ≥ colGate[mp] meets, since the best only grows — for the caller to offer.
 */
export interface RowSelection {
  readonly k: number;
  readonly rowScore: Float64Array;
  readonly rowItem: Int32Array;
  readonly colGate: Gates;
  /** Out: the mentors that may take the row, ascending, and [heap size, their number]. */
  readonly maybe: Int32Array;
  readonly counts: Int32Array;
  /**
   * The scorer's own column heaps (RowSource.columnHeaps), colGate being their gates: the scorer then
   * offers the row to the mentors itself and lists none.
   */
  readonly columns?: ColumnHeaps;
}

/** Column heaps kept by a scorer (RowSource.columnHeaps). */
export interface ColumnHeaps {
  /** Each mentor's gate (RowSelection.colGate), kept up to date by the scorer. */
  readonly gates: Int32Array;
  /** Writes the heaps as a score task's region of one thread: keys (regret keys), mentees, sizes. */
  exportTo(score: Float64Array, item: Int32Array, size: Int32Array, heapBase: number, sizeBase: number): void;
}

/** Per-mentor gates of a selection (see RowSelection): integers, or ±Infinity. */
export type Gates = Float64Array | Int32Array;

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

/** What a helper thread needs to rebuild the built-in scorer (see RowSpec). */
export function rowSpec(p: RowSpec['p'], f: RowSpec['f'], t: ScoreTables): RowSpec {
  return {
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
      topics: { words: f.topics.words },
      interests: { words: f.interests.words },
      languages: { words: f.languages.words },
    },
    t,
  };
}

/** Popcount of 16 bits by table: a third of the cost of the arithmetic popcount in this loop. */
const POP16 = Uint8Array.from({ length: 1 << 16 }, (_, x) => pop32(x));

/**
 * The built-in fit score as score rows; must equal the sum of pairComponents (a unit test holds them
 * together). Its parts, one concern each: the pair rules that do not depend on profiles (row-masks.ts),
 * the mentors' columns and classes (mentor-columns.ts), the mentee's per-row tables built from the fit
 * rules (row-tables.ts, fit-score.ts), the WebAssembly score kernel's memory (score-kernel.ts); here the
 * pair loops (fastRow, generalRow) and the language rule, and fill / fillSelect that combine them.
 */
export function builtInRows(p: RowSpec['p'], f: RowSpec['f'], t: ScoreTables, spec?: RowSpec): RowSource {
  const idx = p.activeMentors;
  const E = f.mentees;
  const tw = f.topics.words;
  const iw = f.interests.words;
  const lw = f.languages.words;
  const cols = mentorColumns(idx, f);
  const {
    nM,
    topics: mTopics,
    interests: mInterests,
    languages: mLanguages,
    slots: mSlots,
    department: mDept,
    level: mLevel,
    hireDay: mHire,
    zone: mZone,
    classOf: mClass,
    classCount,
    interestsLo: mInterestsLo,
    interestsHi: mInterestsHi,
    slotMasks,
    slotClass: mSlotClass,
  } = cols;
  // The mentee's tables (points by overlap, zone, mentor class, availability class): see row-tables.ts.
  const tables = rowTables(t, E, cols, tw);
  const { topicRow, zoneRow, seniorityRow } = tables;
  const forMentee = tables.forMentee;
  const rowClasses = tables.classesFor;
  const { interests: tInt } = t;
  // NOTE: imported bindings compile to property getters (CommonJS interop); in a loop run 10^8
  // times they cost more than the work, so the hot loop only touches locals.
  const pop = pop32;
  const senior = seniorityClass;
  const byDays = seniorityByDays;
  const deptTenths = departmentTenths;
  const p16 = POP16;
  const forbidden = FORBIDDEN;

  const fast = tw === 1 && iw <= 2 && lw === 1 && classCount <= 0xffff;
  // classRow: zone + department + level points; negative (-1 - points) = add seniority by hire date.
  const classRow = new Int32Array(classCount);
  // Availability points by the mentor's weekday/time mask class (see mentorColumns).
  const slotRow = new Int32Array(slotMasks.length);

  // Pair rules by language: a forbidden pair's mentor has its language words zeroed while the row is
  // scored, so the pair scores FORBIDDEN in the loop itself (restored from this copy afterwards).
  const languagesKept = mLanguages.slice();
  // Seniority by hire date as one table (row-tables.ts): without one (whole-day numbers over a
  // reasonable span), the JavaScript loop scores every row.
  const hireDays = fast ? hireDayTable(t, E.hireDay, mHire) : null;
  const kernel = hireDays ? scoreKernel(cols, tInt, topicRow.length, slotRow.length, classRow.length, hireDays) : null;
  const setRules = (ep: number, zero: boolean): void =>
    forEachForbidden(p, ep, (mp) => {
      for (let w = mp * lw; w < (mp + 1) * lw; w++) mLanguages[w] = zero ? 0 : (languagesKept[w] as number);
      if (kernel) kernel.view.rec[(R.bytes * mp + R.languages) >> 2] = zero ? 0 : (languagesKept[mp] as number);
    });
  // Plain fill: a selection that takes nothing.
  const selectNothing: RowSelection = {
    k: 0,
    rowScore: new Float64Array(0),
    rowItem: new Int32Array(0),
    colGate: new Float64Array(nM).fill(Infinity),
    maybe: new Int32Array(0),
    counts: new Int32Array(2),
  };

  /** Scores row e into `out` with the kernel; returns its best value (the row stays in the kernel's memory). */
  function kernelScore(e: number, out: ScoreRow): number {
    const K = kernel as NonNullable<typeof kernel>;
    const { ptr } = K;
    const v = K.view;
    rowClasses(e, v.classRow, v.slotRow);
    v.topicRow.set(topicRow);
    const best = K.k.score(
      nM,
      E.languages[e] as number,
      E.topics[e] as number,
      E.interests[e * iw] as number,
      iw === 2 ? (E.interests[e * iw + 1] as number) : 0,
      hireDays ? hireDays.rowBase(e) : 0,
      ptr.hireTab,
      ptr.rec,
      ptr.tab,
      ptr.out,
    );
    out.set(v.out);
    return best;
  }

  /** The selection of row ep (its values in the kernel's memory) by the kernel, into its column heaps. */
  function kernelSelect(ep: number, best: number, sel: RowSelection): void {
    const K = kernel as NonNullable<typeof kernel>;
    const { ptr } = K;
    const v = K.view;
    K.k.select(nM, ptr.out, best, sel.k, ptr.gate, ep, ptr.rs, ptr.ri, ptr.counts, ptr.colOff, ptr.heap, ptr.colSize);
    const size = v.counts[0] as number;
    for (let q = 0; q < size; q++) {
      sel.rowScore[q] = v.rs[q] as number;
      sel.rowItem[q] = v.ri[q] as number;
    }
    sel.counts[0] = size;
    sel.counts[1] = 0;
  }

  function fastRow(ep: number, e: number, out: ScoreRow, sel: RowSelection): number {
    if (kernel && sel === selectNothing) return kernelScore(e, out);
    rowClasses(e, classRow, slotRow);
    const hireE = E.hireDay[e] as number;
    const langE = E.languages[e] as number;
    const topE = E.topics[e] as number;
    const intLo = E.interests[e * iw] as number;
    const intHi = iw === 2 ? (E.interests[e * iw + 1] as number) : 0;
    const mL = mLanguages,
      mT = mTopics,
      mI = mInterestsLo,
      mI2 = mInterestsHi,
      mS = mSlotClass,
      mC = mClass,
      mH = mHire,
      senRow = seniorityRow,
      senDays = byDays;
    const tRow = topicRow,
      cRow = classRow,
      ti = tInt,
      sRow = slotRow,
      pc = p16;
    const { k, rowScore, rowItem, colGate, maybe } = sel;
    let size = 0;
    let rowMin = k > 0 ? 0 : Infinity; // a value enters the row's heap when above it
    let nMaybe = 0;
    let best = 0;
    for (let m = 0; m < nM; m++) {
      const lang = langE & (mL[m] as number);
      const x = topE & (mT[m] as number);
      const y = intLo & (mI[m] as number);
      const y2 = intHi & (mI2[m] as number);
      let c = cRow[mC[m] as number] as number;
      if (c < 0) {
        const d = (mH[m] as number) - hireE; // NaN when the mentor's date is unknown: no points
        c = -1 - c + (senRow[senDays(d)] as number);
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
      // Strictly better only: among equal values the earlier (smaller index) stays.
      if (value > rowMin) {
        size = offer(rowScore, rowItem, 0, size, k, value, m);
        if (size === k) rowMin = rowScore[0] as number;
      }
      if (value - best >= (colGate[m] as number)) maybe[nMaybe++] = m;
    }
    sel.counts[0] = size;
    sel.counts[1] = nMaybe;
    return best;
  }

  // General path: vocabularies over 32 entries (several words per mask) or very many mentor classes.
  function generalRow(e: number, out: ScoreRow): number {
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
      const sen = senior(E.level[e] as number, mLevel[m] as number, E.hireDay[e] as number, mHire[m] as number);
      const value =
        1 +
        (topicRow[top] as number) +
        interestTenths(t, int) +
        availabilityTenths(t, pop(slotE & (mSlots[m] as number))) +
        (zoneRow[mZone[m] as number] as number) +
        deptTenths(t, deptE, mDept[m] as number) +
        (seniorityRow[sen] as number);
      out[m] = value;
      if (value > best) best = value;
    }
    return best;
  }

  function fill(ep: number, out: ScoreRow): number {
    const e = p.activeMentees[ep] as number;
    forMentee(e);
    setRules(ep, true);
    let best: number;
    try {
      best = fast ? fastRow(ep, e, out, selectNothing) : generalRow(e, out);
    } finally {
      setRules(ep, false);
    }
    if (outOfScope(p, ep)) {
      const am = p.affectedMentor as Uint8Array;
      best = 0;
      for (let mp = 0; mp < nM; mp++) {
        if (am[mp] === 0) out[mp] = FORBIDDEN;
        else if ((out[mp] as number) > best) best = out[mp] as number;
      }
    }
    return best;
  }

  function fillSelect(ep: number, out: ScoreRow, sel: RowSelection): number {
    // Column heaps come from this kernel only for rows keeping at most KERNEL_K_MAX (see columnHeaps).
    if (kernel && sel.columns && sel.columns === kernel.active) {
      // A row outside a re-match scope is filled with its mask, then selected from the kernel's copy.
      const best = fill(ep, out);
      if (outOfScope(p, ep)) kernel.view.out.set(out);
      kernelSelect(ep, best, sel);
      return best;
    }
    if (outOfScope(p, ep)) return -1;
    const e = p.activeMentees[ep] as number;
    forMentee(e);
    setRules(ep, true);
    try {
      return fastRow(ep, e, out, sel);
    } finally {
      setRules(ep, false);
    }
  }
  return {
    mentees: p.activeMentees.length,
    mentors: nM,
    unitsPerPoint: 10,
    maxUnits: t.max,
    fill,
    ...(fast ? { fillSelect } : {}),
    ...(kernel
      ? {
          // The kernel selects rows with at most KERNEL_K_MAX best and packs mentees below PACK.
          columnHeaps: (colOff: Int32Array, k: number) =>
            k <= KERNEL_K_MAX && p.activeMentees.length < PACK ? kernel.columnHeaps(colOff) : null,
        }
      : {}),
    spec: spec ?? rowSpec(p, f, t),
  };
}
