import { offer } from './bounded-heap';
import type { Features } from './features';
import { kernelInstance, Layout } from './kernels';
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

/** Calls `rule` with each mentor the hierarchy or an exclusion rules out for mentee ep (repeats possible). */
function forEachForbidden(p: RowMasks, ep: number, rule: (mp: number) => void): void {
  const c = p.conflicts;
  for (let k = c.descLo[ep] as number, end = c.descHi[ep] as number; k < end; k++) rule(c.rightByTin[k] as number);
  for (let k = c.ancStart[ep] as number, end = c.ancStart[ep + 1] as number; k < end; k++) {
    rule(c.ancRight[k] as number);
  }
  for (let k = p.excludedStart[ep] as number, end = p.excludedStart[ep + 1] as number; k < end; k++) {
    rule(p.excludedMentor[k] as number);
  }
}

/** Re-match scope: a mentee outside it may only pair with a mentor inside it (a whole-row rule). */
const outOfScope = (p: RowMasks, ep: number): boolean =>
  p.affectedMentor !== null && p.affectedMentee !== null && p.affectedMentee[ep] === 0;

/** Hierarchy, exclusions and re-match scope: the pair rules that do not depend on profiles. */
export function applyMasks(p: RowMasks, ep: number, out: ScoreRow): void {
  forEachForbidden(p, ep, (mp) => {
    out[mp] = FORBIDDEN;
  });
  const am = p.affectedMentor;
  if (am && outOfScope(p, ep)) {
    for (let mp = 0; mp < am.length; mp++) if (am[mp] === 0) out[mp] = FORBIDDEN;
  }
}

function gather<T extends Uint32Array | Int32Array | Float64Array>(src: T, idx: Int32Array, words: number): T {
  const out = new (src.constructor as new (n: number) => T)(idx.length * words);
  for (let i = 0; i < idx.length; i++)
    for (let w = 0; w < words; w++) out[i * words + w] = src[(idx[i] as number) * words + w] as number;
  return out;
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

/** Column heap keys are packed with the mentee: regret key × PACK + PACK − 1 − mentee (mentees < PACK). */
const PACK = 2 ** 20;

/** Largest K the score kernel keeps per row (the engine uses 8). */
const KERNEL_K_MAX = 64;

/** Popcount of 16 bits by table: a third of the cost of the arithmetic popcount in this loop. */
const POP16 = Uint8Array.from({ length: 1 << 16 }, (_, x) => pop32(x));

/** The built-in fit score; must equal the sum of pairComponents (a unit test holds them together). */
export function builtInRows(p: RowSpec['p'], f: RowSpec['f'], t: ScoreTables, spec?: RowSpec): RowSource {
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

  // Pair rules by language: a forbidden pair's mentor has its language words zeroed while the row is
  // scored, so the pair scores FORBIDDEN in the loop itself (restored from this copy afterwards).
  const languagesKept = mLanguages.slice();
  const kernel = fast ? scoreKernel() : null;
  const setRules = (ep: number, zero: boolean): void =>
    forEachForbidden(p, ep, (mp) => {
      for (let w = mp * lw; w < (mp + 1) * lw; w++) mLanguages[w] = zero ? 0 : (languagesKept[w] as number);
      if (kernel) kernel.view.rec[8 * mp] = zero ? 0 : (languagesKept[mp] as number);
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

  /**
   * The pair loop of fastRow as a WebAssembly kernel (kernels.wat, `score`): the mentors' arrays are
   * copied into its memory once, the row's tables are written there, the row's values copied out.
   */
  function scoreKernel() {
    const at = new Layout();
    const classAt = 1024 + 4 * slotRow.length; // the tables: see kernels.wat, `score`
    const ptr = {
      rec: at.take(32 * nM),
      tab: at.take(classAt + 4 * classRow.length),
      out: at.take(2 * nM),
      gate: at.take(4 * nM),
      rs: at.take(4 * KERNEL_K_MAX),
      ri: at.take(4 * KERNEL_K_MAX),
      counts: at.take(8),
      colOff: at.take(4 * (nM + 1)),
      colSize: at.take(4 * nM),
      heap: at.size, // the column heaps (grown on demand)
    };
    const k = kernelInstance(at.size);
    if (!k) return null;
    // Views on the memory, made again whenever it grows (growing detaches the old ones).
    const bind = () => {
      const b = k.memory.buffer;
      return {
        rec: new Int32Array(b, ptr.rec, 8 * nM),
        hire: new Float64Array(b, ptr.rec, 4 * nM),
        topicRow: new Int32Array(b, ptr.tab, topicRow.length),
        interestRow: new Int32Array(b, ptr.tab + 256, tInt.length),
        slotRow: new Int32Array(b, ptr.tab + 1024, slotRow.length),
        classRow: new Int32Array(b, ptr.tab + classAt, classRow.length),
        out: new Uint16Array(b, ptr.out, nM),
        gate: new Int32Array(b, ptr.gate, nM),
        rs: new Int32Array(b, ptr.rs, KERNEL_K_MAX),
        ri: new Int32Array(b, ptr.ri, KERNEL_K_MAX),
        counts: new Int32Array(b, ptr.counts, 2),
        colOff: new Int32Array(b, ptr.colOff, nM + 1),
        colSize: new Int32Array(b, ptr.colSize, nM),
        heap: new Float64Array(b, ptr.heap, (b.byteLength - ptr.heap) >> 3),
      };
    };
    const K = { k, ptr, v: bind(), columns: null as ColumnHeaps | null };
    const { rec, hire } = K.v;
    for (let m = 0; m < nM; m++) {
      rec[8 * m] = mLanguages[m] as number;
      rec[8 * m + 1] = mTopics[m] as number;
      rec[8 * m + 2] = mInterestsLo[m] as number;
      rec[8 * m + 3] = mInterestsHi[m] as number;
      rec[8 * m + 4] = 1024 + 4 * (mSlotClass[m] as number);
      rec[8 * m + 5] = classAt + 4 * (mClass[m] as number);
      hire[4 * m + 3] = mHire[m] as number;
    }
    K.v.interestRow.set(tInt);
    return {
      ...K,
      /** Fresh (empty) column heaps for the mentor heaps at colOff. */
      columnHeaps(colOff: Int32Array): ColumnHeaps {
        const need = ptr.heap + 8 * (colOff[nM] as number);
        const missing = need - k.memory.buffer.byteLength;
        if (missing > 0) {
          k.memory.grow(Math.ceil(missing / 65536));
          K.v = bind();
        }
        K.v.colOff.set(colOff);
        K.v.colSize.fill(0);
        const columns: ColumnHeaps = {
          gates: K.v.gate,
          exportTo(score, item, size, heapBase, sizeBase) {
            const { heap, colSize } = K.v;
            for (let mp = 0; mp < nM; mp++) {
              const off = colOff[mp] as number;
              const n = colSize[mp] as number;
              size[sizeBase + mp] = n;
              for (let q = off; q < off + n; q++) {
                // Packed as regret key × 2^20 + 2^20 − 1 − mentee (kernels.wat, $offerColumn).
                const x = heap[q] as number;
                const key = Math.floor(x / PACK);
                score[heapBase + q] = key;
                item[heapBase + q] = PACK - 1 - (x - key * PACK);
              }
            }
          },
        };
        K.columns = columns;
        return columns;
      },
      get view() {
        return K.v;
      },
      get active() {
        return K.columns;
      },
    };
  }

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
      E.hireDay[e] as number,
      full,
      half,
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

  /** The mentee's tables by mentor class (zone + department + level) and by availability mask. */
  function rowClasses(e: number, classRow: Int32Array, slotRow: Int32Array): void {
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
    const slotE = E.slots[e] as number;
    for (let c = 0; c < slotRow.length; c++) slotRow[c] = tAv[pop(slotE & (slotMasks[c] as number))] as number;
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
      mH = mHire;
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
    return best;
  }

  /** The mentee's per-row tables (topic points by overlap, zone points by zone class). */
  function rowTables(e: number): void {
    const wished = E.topicCount[e] as number;
    for (let c = 0; c < topicRow.length; c++) topicRow[c] = topicTenths(c, wished, t.topicWeight);
    const tzE = E.tzQuarters[e] as number;
    for (let z = 0; z < zones.length; z++) {
      zoneRow[z] = t.timezone[Math.min(Math.abs(tzE - (zones[z] as number)), TZ_ZERO_QUARTERS)] as number;
    }
  }

  function fill(ep: number, out: ScoreRow): number {
    const e = p.activeMentees[ep] as number;
    rowTables(e);
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
    rowTables(e);
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
