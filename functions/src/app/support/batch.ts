/**
 * Runs `work` for every item with at most `concurrency` at a time: store writes of a fan-out
 * (invitations, proposals, publishing) go in parallel without flooding the store or Graph.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Store writes in parallel per request (Cosmos DB serverless handles this easily; the embedded one too). */
export const WRITE_CONCURRENCY = 16;
