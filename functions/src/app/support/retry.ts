import { ConflictError, NotFoundError, UnavailableError } from '../../core/errors';
import type { Doc } from '../../core/model';
import type { Collection, Stored } from '../../ports/store';

/**
 * Creates a document, retrying when the store connection failed (Unavailable); a retry that finds
 * the document already there (the first attempt did reach the store) counts as success.
 * NOTE: a long synchronous solve can outlast the store client's idle sockets; the next write then
 * fails with ECONNRESET although nothing is wrong.
 */
export async function createOnce<T extends Doc>(collection: Collection<T>, doc: T, attempts = 3): Promise<Stored<T>> {
  for (let i = 1; ; i++) {
    try {
      return await collection.create(doc);
    } catch (err) {
      if (i > 1 && err instanceof ConflictError && err.reason === 'exists')
        return collection.get(collection.partitionKeyOf(doc), doc.id);
      if (!(err instanceof UnavailableError) || i >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * i));
    }
  }
}

/** Deletes a document, retrying a failed connection; already gone is fine. */
export async function deleteOnce<T extends Doc>(
  collection: Collection<T>,
  partitionKey: string,
  id: string,
  attempts = 3,
): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await collection.delete(partitionKey, id);
    } catch (err) {
      if (err instanceof NotFoundError) return;
      if (!(err instanceof UnavailableError) || i >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * i));
    }
  }
}
