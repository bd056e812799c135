/** A Graph stand-in, an embedded store and the real Graph adapters wired for one test file. */
import {
  startGraphStandIn,
  type GraphStandIn,
  type GraphStandInOptions,
} from '../../../functions/src/local/graph-stand-in/server';
import { trustStandIn } from '../../../functions/src/local/graph-stand-in/trust';
import { createGraphConnection, type GraphConnection } from '../../../functions/src/adapters/graph/client';
import { graphDirectorySource } from '../../../functions/src/adapters/graph/directory-source';
import { graphCalendar } from '../../../functions/src/adapters/graph/calendar';
import { storeDirectoryReader } from '../../../functions/src/adapters/graph/directory-reader';
import { DirectorySnapshots } from '../../../functions/src/adapters/graph/directory-store';
import { outboxMessenger } from '../../../functions/src/adapters/outbox/outbox-messenger';
import { loadGraphConfig } from '../../../functions/src/config';
import type { Clock } from '../../../functions/src/ports/clock';
import { createServices } from '../../../functions/src/composition';
import { loadConfig } from '../../../functions/src/config';
import type { AppDeps } from '../../../functions/src/app/deps';
import { inlineMatcher } from '../../../functions/src/ports/matcher';
import { openTestStore, type TestStore } from '../../support/embedded-store';

export const TENANT = 'tenant-graph';

export interface Harness {
  standIn: GraphStandIn;
  conn: GraphConnection;
  t: TestStore;
  clock: Clock & { set(iso: string): void };
  /** A connection (and the app's adapters on it) whose token holds exactly these application permissions. */
  connectAs(roles: readonly string[]): {
    conn: GraphConnection;
    source: ReturnType<typeof graphDirectorySource>;
    calendar: ReturnType<typeof graphCalendar>;
  };
  deps(): {
    store: TestStore['store'];
    clock: Clock;
    source: ReturnType<typeof graphDirectorySource>;
    tenantId: string;
    snapshots: DirectorySnapshots;
    messenger: ReturnType<typeof outboxMessenger>;
    calendar: ReturnType<typeof graphCalendar>;
    directory: ReturnType<typeof storeDirectoryReader>;
  };
  /** The use cases' ports as the composition root builds them on this store, clock and Graph connection. */
  app(): Promise<AppDeps>;
  close(): Promise<void>;
}

export async function openHarness(options: GraphStandInOptions & { now?: string } = {}): Promise<Harness> {
  const standIn = await startGraphStandIn(options);
  trustStandIn(standIn.baseUrl, standIn.certPem);
  // Retries honour Retry-After (the stand-in says 0 s in tests) and back off without real waiting.
  const connect = (token: string) =>
    createGraphConnection(loadGraphConfig({ GRAPH_BASE_URL: standIn.baseUrl, GRAPH_ACCESS_TOKEN: token }, false), {
      sleep: async () => {},
      baseDelayMs: 0,
    });
  const conn = connect(standIn.token);
  const t = await openTestStore();
  let now = Date.parse(options.now ?? '2026-02-20T10:00:00.000Z');
  const clock = { now: () => new Date(now), set: (iso: string) => (now = Date.parse(iso)) };
  const source = graphDirectorySource(conn);
  const messenger = outboxMessenger(t.store, clock);
  const calendar = graphCalendar(conn);
  const directory = storeDirectoryReader(t.store, TENANT, source);
  return {
    standIn,
    conn,
    t,
    clock,
    connectAs: (roles) => {
      const other = connect(standIn.issueToken(roles));
      return { conn: other, source: graphDirectorySource(other), calendar: graphCalendar(other) };
    },
    deps: () => ({
      store: t.store,
      clock,
      source,
      tenantId: TENANT,
      snapshots: new DirectorySnapshots(t.store, TENANT),
      messenger,
      calendar,
      directory,
    }),
    app: async () =>
      (
        await createServices(
          loadConfig({ GRAPH_BASE_URL: standIn.baseUrl, GRAPH_ACCESS_TOKEN: standIn.token, TANDEM_TENANT_ID: TENANT }),
          { store: { store: t.store, dispose: async () => {} }, clock, graph: conn, matcher: inlineMatcher },
        )
      ).app,
    close: async () => {
      await standIn.close();
      await t.close();
    },
  };
}

/** person → manager of the stand-in's current members (what a correct sync must end with). */
export function expectedManagers(standIn: GraphStandIn): Map<string, string> {
  const map = new Map<string, string>();
  for (const u of standIn.directory.users.values())
    if (u.userType === 'Member' && u.managerId) map.set(u.id, u.managerId);
  return map;
}

export function memberIds(standIn: GraphStandIn): string[] {
  return [...standIn.directory.users.values()]
    .filter((u) => u.userType === 'Member')
    .map((u) => u.id)
    .sort();
}
