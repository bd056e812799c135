/** Every document of a store, as JSON text: to prove that nothing of a person is left after erasure. */
import { CONTAINERS } from '../../functions/src/ports/containers';
import { toArray, type Store } from '../../functions/src/ports/store';

/** Every document of every container except the directory (a copy of Entra ID), as JSON text. */
export async function storeText(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const key of Object.keys(CONTAINERS) as (keyof typeof CONTAINERS)[]) {
    if (key === 'directory') continue;
    const collection = store[key] as unknown as { all(pk: undefined): AsyncIterable<unknown> };
    parts.push(JSON.stringify(await toArray(collection.all(undefined))));
  }
  return parts.join('\n');
}
