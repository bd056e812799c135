/** mulberry32, the demo's seeded PRNG: bench data must be reproducible, never Math.random. */
export { mulberry32 } from '../../../functions/src/local/demo/random';

/** A sampler of indices 0..n-1 with Zipf-like popularity (index 0 most popular). */
export function zipf(rand: () => number, n: number, s = 1): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1) ** s;
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Distinct picks from a sampler (at most n tries per wanted item). */
export function distinct(pick: () => number, count: number, limit: number): number[] {
  const out = new Set<number>();
  for (let tries = 0; out.size < Math.min(count, limit) && tries < count * 20; tries++) out.add(pick());
  return [...out];
}
