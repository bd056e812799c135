/**
 * The world of the fast use-case tests (test/unit/app): the application's ports wired to in-memory
 * parts — no server, no HTTP, no Functions host. The use cases run unchanged: the in-memory store
 * (same contract as Cosmos DB, test/integration/store), the outbox messenger, the real booking over
 * an in-memory calendar, the inline matcher, a clock the test moves. The integration tests keep
 * covering the real adapters through the API.
 */
import { openMemoryStore } from '../../functions/src/adapters/memory/store';
import { createServices } from '../../functions/src/composition';
import { loadConfig } from '../../functions/src/config';
import { ROLE_MANAGE, ROLE_REPORTS, type Caller } from '../../functions/src/app/caller';
import type { AppDeps, AppPolicy } from '../../functions/src/app/deps';
import type { OrgUser } from '../../functions/src/core/model';
import type { Clock } from '../../functions/src/ports/clock';
import { inlineMatcher } from '../../functions/src/ports/matcher';
import { toArray, type Stored } from '../../functions/src/ports/store';
import type { OutboxMessage } from '../../functions/src/ports/records';
import { memoryCalendar, type MemoryCalendar } from './memory-calendar';
import { withLatency } from './latent-store';
import { memoryDirectory } from './memory-directory';
import { TENANT, testOrg } from './org';

/** A clock that stands still until the test moves it. */
export interface TestClock extends Clock {
  advance(ms: number): void;
  set(iso: string): void;
}

export interface UseCaseWorld {
  /** What every use case gets. */
  deps: AppDeps;
  clock: TestClock;
  calendar: MemoryCalendar;
  /** A programme manager (Programme.Manage). */
  manager: Caller;
  /** HR (Reports.Read only). */
  hr: Caller;
  /** Anyone in the organisation, without a role. */
  person(userId: string): Caller;
  /** The notifications queued in the outbox so far. */
  outbox(): Promise<Stored<OutboxMessage>[]>;
}

export interface UseCaseWorldOptions {
  /** The directory (default: the small test organisation, test/support/org.ts). */
  org?: OrgUser[];
  /** The organisation's rules (default: an anonymity floor of 2, as the API harness). */
  policy?: AppPolicy;
  /** Where the clock starts (default: Monday 4 January 2027, 08:00 UTC). */
  now?: string;
  /** Each store call takes this long (default 0): for race tests (test/support/latent-store.ts). */
  storeLatencyMs?: number;
}

/**
 * Builds the whole world for one test: a fresh store, nothing shared. The parts go through the
 * composition root (`createServices`), as in Azure: only the store, clock, directory, calendar and
 * matcher are the test's.
 */
export async function useCaseWorld(options: UseCaseWorldOptions = {}): Promise<UseCaseWorld> {
  let now = Date.parse(options.now ?? '2027-01-04T08:00:00.000Z');
  const clock: TestClock = {
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (iso) => void (now = Date.parse(iso)),
  };
  const memory = openMemoryStore();
  const store = options.storeLatencyMs ? withLatency(memory, options.storeLatencyMs) : memory;
  const directory = memoryDirectory(options.org ?? testOrg(), {
    'group-sales': ['sales-senior-1', 'sales-junior-2', 'guest-1'],
  });
  const calendar = memoryCalendar();
  const policy = options.policy ?? { anonymityFloor: 2 };
  const services = await createServices(
    loadConfig({ TANDEM_TENANT_ID: TENANT, ANONYMITY_THRESHOLD_FLOOR: String(policy.anonymityFloor) }),
    { store: { store, dispose: async () => {} }, clock, directory, calendar, matcher: inlineMatcher },
  );
  const deps = services.app;
  const person = (userId: string, roles: string[] = []): Caller => ({ userId, tenantId: TENANT, roles });
  return {
    deps,
    clock,
    calendar,
    manager: person('manager-1', [ROLE_MANAGE]),
    hr: person('hr-1', [ROLE_REPORTS]),
    person: (userId) => person(userId),
    outbox: () => toArray(store.outbox.all(undefined)),
  };
}
