import { kernelInstance, Layout, SCORE_RECORD as R, SCORE_TABLES as T } from './kernels';
import type { MentorColumns } from './mentor-columns';
import type { HireDayTable } from './row-tables';
import type { ColumnHeaps } from './row-source';

/** Column heap keys are packed with the mentee: regret key × PACK + PACK − 1 − mentee (mentees < PACK). */
export const PACK = 2 ** 20;

/** Largest K the score kernel keeps per row (the engine uses 8). */
export const KERNEL_K_MAX = 64;

/**
 * The pair loop of fastRow as a WebAssembly kernel (kernels.wat, `score`): the mentors' arrays are
 * copied into its memory once, the row's tables are written there, the row's values copied out.
 */
export function scoreKernel(
  cols: MentorColumns,
  interestTable: Int32Array,
  topicLength: number,
  slotCount: number,
  classCount: number,
  hireDays: HireDayTable,
) {
  const {
    nM,
    languages: mLanguages,
    topics: mTopics,
    interestsLo: mInterestsLo,
    interestsHi: mInterestsHi,
    slotClass: mSlotClass,
    classOf: mClass,
  } = cols;
  const at = new Layout();
  const classAt = T.slots + 4 * slotCount; // the tables: see SCORE_TABLES
  const ptr = {
    rec: at.take(R.bytes * nM),
    tab: at.take(classAt + 4 * classCount),
    out: at.take(2 * nM),
    gate: at.take(4 * nM),
    rs: at.take(4 * KERNEL_K_MAX),
    ri: at.take(4 * KERNEL_K_MAX),
    counts: at.take(8),
    colOff: at.take(4 * (nM + 1)),
    colSize: at.take(4 * nM),
    hireTab: at.take(4 * hireDays.values.length),
    heap: at.size, // the column heaps (grown on demand)
  };
  const k = kernelInstance(at.size);
  if (!k) return null;
  // Views on the memory, made again whenever it grows (growing detaches the old ones).
  const bind = () => {
    const b = k.memory.buffer;
    return {
      rec: new Int32Array(b, ptr.rec, (R.bytes >> 2) * nM),
      topicRow: new Int32Array(b, ptr.tab + T.topics, topicLength),
      interestRow: new Int32Array(b, ptr.tab + T.interests, interestTable.length),
      slotRow: new Int32Array(b, ptr.tab + T.slots, slotCount),
      classRow: new Int32Array(b, ptr.tab + classAt, classCount),
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
  const { rec } = K.v;
  for (let m = 0; m < nM; m++) {
    const i32 = (R.bytes * m) >> 2;
    rec[i32 + (R.languages >> 2)] = mLanguages[m] as number;
    rec[i32 + (R.topics >> 2)] = mTopics[m] as number;
    rec[i32 + (R.interestsLo >> 2)] = mInterestsLo[m] as number;
    rec[i32 + (R.interestsHi >> 2)] = mInterestsHi[m] as number;
    rec[i32 + (R.slotEntry >> 2)] = T.slots + 4 * (mSlotClass[m] as number);
    rec[i32 + (R.classEntry >> 2)] = classAt + 4 * (mClass[m] as number);
    rec[i32 + (R.hireIndex >> 2)] = hireDays.mentorIndex[m] as number;
  }
  K.v.interestRow.set(interestTable);
  new Int32Array(k.memory.buffer, ptr.hireTab, hireDays.values.length).set(hireDays.values);
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

/** A built-in scorer's WebAssembly score kernel (see scoreKernel). */
export type ScoreKernel = NonNullable<ReturnType<typeof scoreKernel>>;
