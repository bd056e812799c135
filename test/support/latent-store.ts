/**
 * A store whose calls take time, as a real database's round trips do. The in-memory store answers
 * within the same turn of the event loop, so between one use case's read and its write no other
 * could write; with every call taking `ms`, concurrent use cases read the same version and write
 * after each other, as on Cosmos DB, and a race test fails if an invariant is checked in one process
 * instead of in a conditional write.
 */
import type { Collection, Store } from '../../functions/src/ports/store';

const DELAYED = ['get', 'find', 'create', 'replace', 'upsert', 'delete', 'list'] as const;

/** The same store, each collection call answered after `ms` milliseconds. */
export function withLatency(store: Store, ms: number): Store {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const slow = <C extends Collection<never>>(collection: C): C =>
    new Proxy(collection, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function' || !(DELAYED as readonly PropertyKey[]).includes(key)) return value;
        return async (...args: unknown[]) => {
          await pause();
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
  const out: Record<string, unknown> = { ...store };
  for (const [key, value] of Object.entries(store))
    if (value && typeof value === 'object' && 'partitionKeyOf' in value) out[key] = slow(value as Collection<never>);
  return out as unknown as Store;
}
