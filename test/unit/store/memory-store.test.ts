/** What the in-memory store does beyond the shared contract (test/integration/store/store-contract.test.ts). */
import { UnavailableError } from '../../../functions/src/core/errors';
import { openMemoryStore } from '../../../functions/src/adapters/memory/store';
import { MEMORY_CROSS_PARTITION_SORT_LIMIT } from '../../../functions/src/adapters/memory/collection';
import { CROSS_PARTITION_SORT_LIMIT } from '../../../functions/src/adapters/cosmos/collection';
import { toArray } from '../../../functions/src/ports/store';
import { aProgramme } from '../../support/builders';

describe('the in-memory store', () => {
  it('refuses a list sorted across partitions beyond the limit the Cosmos adapter has, rather than answer it partly', async () => {
    expect(MEMORY_CROSS_PARTITION_SORT_LIMIT).toBe(CROSS_PARTITION_SORT_LIMIT);
    const store = openMemoryStore();
    for (let i = 0; i <= MEMORY_CROSS_PARTITION_SORT_LIMIT; i++)
      await store.programmes.create(aProgramme({ id: `p${i}` }));
    await expect(store.programmes.list(undefined, { orderBy: 'createdAt' })).rejects.toBeInstanceOf(UnavailableError);
    await expect(toArray(store.programmes.all(undefined, { orderBy: 'name' }))).rejects.toBeInstanceOf(
      UnavailableError,
    );
    expect((await store.programmes.list(undefined, { pageSize: 5 })).items).toHaveLength(5);
  });
});
