import { closeRowPool, rowPool, ThreadRowPool } from '../../../functions/src/adapters/parallel-matching';
import { solveMatchingInParallel, rematchInParallel } from '../../../functions/src/adapters/parallel-matching';
import {
  rematch,
  solveMatching,
  type MatchResult,
  type RowPool,
  type RowTask,
} from '../../../functions/src/core/matching';
import { generateInstance } from '../../../scripts/bench/lib/instance';
import { rng } from './support/prng';
import { randomInstance } from './support/random-instance';

const withoutTimes = (r: MatchResult) => ({ ...r, stats: { ...r.stats, ms: 0, phases: {} } });

/**
 * The real helper pool, except that the calling thread waits (up to 10 s) after posting a task until
 * a helper has finished a chunk: so the helper surely took part in every pass, however fast the
 * calling thread is. Counts the tasks a helper worked on.
 */
class EagerHelperPool implements RowPool {
  helperTasks = 0;
  tasks = 0;
  constructor(private readonly inner: ThreadRowPool) {}
  get helpers(): number {
    return this.inner.helpers;
  }
  sharedFloat64(n: number): Float64Array {
    return this.inner.sharedFloat64(n);
  }
  sharedInt32(n: number): Int32Array {
    return this.inner.sharedInt32(n);
  }
  sharedUint16(n: number): Uint16Array {
    return this.inner.sharedUint16(n);
  }
  setSource(spec: Parameters<RowPool['setSource']>[0]): void {
    this.inner.setSource(spec);
  }
  post(task: RowTask): void {
    this.inner.post(task);
    if (task.rows === 0) return;
    this.tasks++;
    const until = Date.now() + 10_000;
    while (Atomics.load(task.control, 1) === 0 && Atomics.load(task.control, 2) === 0 && Date.now() < until)
      Atomics.wait(task.control, 1, 0, 50);
    if (Atomics.load(task.control, 1) > 0) this.helperTasks++;
  }
  wait(task: RowTask): boolean {
    return this.inner.wait(task);
  }
}

describe('matching on helper threads', () => {
  let pool: ThreadRowPool;
  beforeAll(async () => {
    pool = new ThreadRowPool(1);
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
    await closeRowPool();
  });

  it('gives exactly the single-threaded result on realistic instances, with the helper in every pass', () => {
    for (const seed of [1, 2, 3]) {
      const input = generateInstance({ mentees: 400, mentors: 380, seed, capacityTwoShare: seed === 2 ? 0.2 : 0 });
      const eager = new EagerHelperPool(pool);
      const parallel = solveMatching(input, { pool: eager });
      expect(eager.tasks).toBeGreaterThanOrEqual(2); // scoring and at least one dual check
      expect(eager.helperTasks).toBeGreaterThanOrEqual(2);
      expect(eager.helperTasks).toBe(eager.tasks);
      expect(parallel.optimal).toBe(true);
      expect(JSON.stringify(withoutTimes(parallel))).toBe(JSON.stringify(withoutTimes(solveMatching(input))));
    }
  });

  it('gives exactly the single-threaded result on small random instances and re-matches', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = randomInstance(rng(seed), { customScores: false, cycles: seed % 3 === 0 });
      const eager = new EagerHelperPool(pool);
      expect(JSON.stringify(withoutTimes(solveMatching(input, { pool: eager })))).toBe(
        JSON.stringify(withoutTimes(solveMatching(input))),
      );
      expect(eager.helperTasks).toBe(eager.tasks);
    }
    const input = generateInstance({ mentees: 200, mentors: 200, seed: 7, capacityTwoShare: 0 });
    const first = solveMatching(input);
    const fixedPairs = first.pairs.slice(10).map((p): [string, string] => [p.mentor, p.mentee]);
    const affectedIds = first.pairs.slice(0, 10).flatMap((p) => [p.mentor, p.mentee]);
    const scope = { fixedPairs, affectedIds };
    expect(JSON.stringify(withoutTimes(rematchInParallel(input, scope)))).toBe(
      JSON.stringify(withoutTimes(rematch(input, scope))),
    );
  });

  it('uses the process-wide pool in solveMatchingInParallel and keeps custom scores on one thread', () => {
    expect(rowPool()).toBeDefined();
    const input = randomInstance(rng(5), { customScores: true, cycles: false });
    expect(withoutTimes(solveMatchingInParallel(input))).toEqual(withoutTimes(solveMatching(input)));
  });

  it('finishes the work on the calling thread when a helper fails', () => {
    const input = generateInstance({ mentees: 300, mentors: 300, seed: 4, capacityTwoShare: 0 });
    const failing: RowPool = {
      helpers: 1,
      sharedFloat64: (n) => pool.sharedFloat64(n),
      sharedInt32: (n) => pool.sharedInt32(n),
      sharedUint16: (n) => pool.sharedUint16(n),
      setSource: () => undefined,
      post: () => undefined,
      wait: () => false,
    };
    expect(JSON.stringify(withoutTimes(solveMatching(input, { pool: failing })))).toBe(
      JSON.stringify(withoutTimes(solveMatching(input))),
    );
  });
});
