/**
 * `npm run bench:sync`: a full directory sync from the Graph stand-in into the embedded store at
 * 10,000 and 100,000 users (then an incremental round with 1 % changes), printing users, requests,
 * throttled requests and duration. Optional: BENCH_THROTTLE=0.1 injects 429s (Retry-After 0 s).
 */
import { startGraphStandIn } from '../../functions/src/local/graph-stand-in/server';
import { trustStandIn } from '../../functions/src/local/graph-stand-in/trust';
import { createGraphConnection } from '../../functions/src/adapters/graph/client';
import { graphDirectorySource } from '../../functions/src/adapters/graph/directory-source';
import { storeDirectoryReader } from '../../functions/src/adapters/graph/directory-reader';
import { DirectorySnapshots } from '../../functions/src/adapters/graph/directory-store';
import { syncDirectory } from '../../functions/src/app/directory-sync';
import { loadGraphConfig } from '../../functions/src/config';
import { systemClock } from '../../functions/src/ports/clock';
import { openCosmosStore } from '../../functions/src/adapters/cosmos/store';
import { startEmbeddedCosmos } from '../../functions/src/local/embedded-cosmos';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 0);

async function run(size: number): Promise<void> {
  const standIn = await startGraphStandIn({ size, seed: 42, faults: { throttleRate: THROTTLE, retryAfterSeconds: 0 } });
  trustStandIn(standIn.baseUrl, standIn.certPem);
  const cosmos = await startEmbeddedCosmos();
  const store = await openCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    database: 'bench',
    createContainers: true,
  });
  const conn = createGraphConnection(
    loadGraphConfig({ GRAPH_BASE_URL: standIn.baseUrl, GRAPH_ACCESS_TOKEN: standIn.token }, false),
  );
  const deps = {
    store,
    clock: systemClock,
    source: graphDirectorySource(conn),
    tenantId: 'bench',
    snapshots: new DirectorySnapshots(store, 'bench'),
  };
  try {
    const full = await syncDirectory(deps, { full: true });
    console.log(JSON.stringify({ size, round: 'full', ...full }));
    const ids = [...standIn.directory.users.keys()];
    for (let i = 0; i < Math.ceil(size / 100); i++) {
      const id = ids[(i * 97) % ids.length] as string;
      if (i % 2) standIn.directory.updateUser(id, { jobTitle: `Changed ${i}` });
      else standIn.directory.setManager(id, ids[(i * 31) % ids.length]);
    }
    const incremental = await syncDirectory(deps);
    console.log(JSON.stringify({ size, round: 'incremental (1 % changed)', ...incremental }));
    const started = Date.now();
    const map = await storeDirectoryReader(store, 'bench').managerMap();
    console.log(JSON.stringify({ size, round: 'read managerMap (cold)', entries: map.size, ms: Date.now() - started }));
  } finally {
    await standIn.close();
    await cosmos.close();
  }
}

(async () => {
  for (const size of SIZES) await run(size);
})().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
