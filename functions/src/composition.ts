/**
 * The composition root: `createServices` builds every part of the app (store, Graph, messenger, bot
 * runtime, clock, matcher) from the checked configuration, once per process, and hands them to
 * handlers and timers. The local stack and the CLI call it with local parts (embedded store, moved
 * clock); tests call it with in-memory or recording parts and install the result with `setServices`.
 */
import { loadConfig, ConfigError, type AppConfig } from './config';
import { openCosmosStore } from './adapters/cosmos/store';
import type { Store } from './ports/store';
import type { Clock } from './ports/clock';
import { systemClock } from './ports/clock';
import type { HealthCheck } from './ports/health';
import { botConfigHealth, storeHealth } from './health-checks';
import type { DirectoryReader, DirectorySnapshotStore, DirectorySource } from './ports/directory';
import type { CalendarPort } from './ports/calendar';
import { createGraphConnection, type GraphConnection } from './adapters/graph/client';
import { graphDirectorySource } from './adapters/graph/directory-source';
import { storeDirectoryReader } from './adapters/graph/directory-reader';
import { DirectorySnapshots } from './adapters/graph/directory-store';
import { graphCalendar } from './adapters/graph/calendar';
import { graphCalendarWatch } from './adapters/graph/calendar-watch';
import { graphHealthChecks } from './adapters/graph/health';
import { graphTeamsAppInstaller } from './adapters/graph/teams-app-installer';
import { unconfiguredCalendar } from './adapters/graph/unconfigured';
import { createBooking } from './app/book-series';
import { parallelMatcher } from './adapters/parallel-matching';
import type { Messenger } from './ports/messenger';
import { outboxMessenger } from './adapters/outbox/outbox-messenger';
import { createTokenValidator, type TokenValidator, type TokenValidatorOptions } from './adapters/auth/token-validator';
import { createBotRuntime, type BotRuntime } from '../../bot/src';
import type { Booking } from './app/booking';
import type { DirectorySyncDeps } from './app/directory-sync';
import type { Matcher } from './ports/matcher';
import type { AppDeps } from './app/deps';

export interface Services {
  config: AppConfig;
  store: Store;
  clock: Clock;
  health: HealthCheck[];
  /** The org directory (last complete sync in the store). */
  directory: DirectoryReader;
  /** Outlook calendars through Microsoft Graph (refuses with a clear message when Graph is not configured). */
  calendar: CalendarPort;
  /** Graph users/delta for the directory sync; undefined when Graph is not configured. */
  directorySource: DirectorySource | undefined;
  /** Where the directory sync writes its generations. */
  directorySnapshots: DirectorySnapshotStore;
  /** The Graph client (request counters); undefined when Graph is not configured. */
  graph: GraphConnection | undefined;
  /** Queues notifications for the bot (outbox). */
  messenger: Messenger;
  /** Validates the API's bearer tokens (AUTH_* settings, or the local development identity provider). */
  auth: TokenValidator;
  /** The ports every use case gets (API, bot, timers). */
  app: AppDeps;
  /** The process's bot (one CloudAdapter): the messaging endpoint and the outbox timer share it. */
  bot: BotRuntime;
  /** The embedded store's data folder as found at start; undefined with a Cosmos DB account. */
  localData: LocalDataReport | undefined;
  /** Releases what the services hold (the embedded store saves its snapshot). */
  dispose(): Promise<void>;
}

/** What the embedded store found in its data folder, for the local stack to act on and say. */
export interface LocalDataReport {
  folder: string;
  /** Nothing was there yet (the demo may be seeded). */
  fresh: boolean;
  /** To say at start; `missing` also turns /api/health degraded. */
  notes: string[];
  /** Containers the app needs that the folder lacked (created empty now). */
  missing: string[];
}

let current: Promise<Services> | undefined;

/** The process-wide services, created on first use. */
export function getServices(): Promise<Services> {
  current ??= createServices(loadConfig()).catch((err: unknown) => {
    current = undefined;
    throw err;
  });
  return current;
}

/** Replaces the services (tests, and the local host which builds them itself). */
export function setServices(services: Services | Promise<Services>): void {
  current = Promise.resolve(services);
}

export async function disposeServices(): Promise<void> {
  const services = current;
  current = undefined;
  if (services) await (await services).dispose();
}

/** A store the services own, and what releases it. */
export interface OpenedStore {
  store: Store;
  dispose(): Promise<void>;
  localData?: LocalDataReport;
}

/**
 * Opens the local embedded store when COSMOS_ENDPOINT is unset. The local stack and the CLI supply it
 * (functions/src/local/embedded-store.ts); production code never refers to it, so the Azure bundle
 * holds neither the embedded server nor its journal.
 */
export type EmbeddedStoreOpener = (config: AppConfig) => Promise<OpenedStore>;

async function openStore(config: AppConfig, embeddedStore: EmbeddedStoreOpener | undefined): Promise<OpenedStore> {
  const { endpoint, key, database } = config.cosmos;
  if (endpoint) {
    return {
      store: await openCosmosStore({ endpoint, ...(key ? { key } : {}), database, createContainers: Boolean(key) }),
      dispose: async () => {},
    };
  }
  if (config.inAzure)
    throw new ConfigError(
      'COSMOS_ENDPOINT is not set: in Azure, Tandem never falls back to the local in-memory store.',
    );
  if (!embeddedStore)
    throw new ConfigError(
      'COSMOS_ENDPOINT is not set, and the embedded store belongs to the local stack only (npm start, the tandem CLI).',
    );
  return embeddedStore(config);
}

/** Degraded while the data folder lacked containers the app needs (they were created empty). */
function localDataHealth(report: LocalDataReport): HealthCheck {
  return {
    name: 'localData',
    async check() {
      return report.missing.length
        ? { status: 'degraded', reason: report.notes.join(' ') }
        : { status: 'ok', reason: `local: embedded store in ${report.folder}` };
    },
  };
}

const NOT_CONFIGURED =
  'Microsoft Graph is not configured (GRAPH_CLIENT_ID + GRAPH_CLIENT_SECRET, a managed identity, or GRAPH_BASE_URL + GRAPH_ACCESS_TOKEN).';

/**
 * What a caller may put in place of the production parts: the local entry points a moved clock and
 * the embedded store, tests in-memory or recording doubles. Everything not given is built from the
 * configuration exactly as in Azure.
 */
export interface ServiceParts {
  /** The one clock every part reads (use cases, booking, messenger); default the system clock. */
  clock?: Clock;
  /** The store to open without COSMOS_ENDPOINT (local only); without it that is a configuration error. */
  embeddedStore?: EmbeddedStoreOpener;
  /** An opened store to use whatever the configuration says (tests: the in-memory or embedded store). */
  store?: OpenedStore;
  /** The Graph connection (tests: one without retry waits); default from the configuration. */
  graph?: GraphConnection;
  /** Outlook calendars (tests: an in-memory calendar); default Graph's, or one that refuses without Graph. */
  calendar?: CalendarPort;
  /** The directory the use cases read (tests: an in-memory organisation). */
  directory?: DirectoryReader;
  /** Booking (tests: a recording double). */
  booking?: Booking;
  /** The token validator's key set and clock (tests: a local key set). */
  tokens?: TokenValidatorOptions;
  /** Default: the helper threads (adapters/parallel-matching). */
  matcher?: Matcher;
  /** The whole bot (tests of the messaging endpoint: a stand-in runtime). */
  bot?: BotRuntime;
}

/** What the directory sync needs, from the services (the timer and `tandem org sync`). */
export function directorySyncDeps(services: Services, source: DirectorySource): DirectorySyncDeps {
  return {
    store: services.store,
    clock: services.clock,
    source,
    tenantId: services.config.tenantId,
    snapshots: services.directorySnapshots,
    messenger: services.messenger,
    calendar: services.calendar,
    app: services.app,
  };
}

/** The one composition root: every part of the app, built once from the checked configuration. */
export async function createServices(config: AppConfig, parts: ServiceParts = {}): Promise<Services> {
  const clock = parts.clock ?? systemClock;
  const { store, dispose, localData } = parts.store ?? (await openStore(config, parts.embeddedStore));
  const graph = parts.graph ?? (config.graph.configured ? createGraphConnection(config.graph) : undefined);
  const directorySource = graph ? graphDirectorySource(graph) : undefined;
  const directory = parts.directory ?? storeDirectoryReader(store, config.tenantId, directorySource);
  const calendar = parts.calendar ?? (graph ? graphCalendar(graph) : unconfiguredCalendar(NOT_CONFIGURED));
  const messenger = outboxMessenger(store, clock);
  const app: AppDeps = {
    store,
    clock,
    messenger,
    directory,
    booking: parts.booking ?? createBooking({ store, clock, messenger, calendar, directory }),
    policy: config.policy,
    matcher: parts.matcher ?? parallelMatcher,
    ...(config.graph.teamsAppId ? { teamsAppId: config.graph.teamsAppId } : {}),
    ...(graph
      ? {
          outlook: {
            watch: graphCalendarWatch(graph),
            ...(config.graph.notificationUrl ? { notificationUrl: config.graph.notificationUrl } : {}),
          },
        }
      : {}),
    ...(graph && config.graph.teamsAppId ? { teamsApps: graphTeamsAppInstaller(graph, config.graph.teamsAppId) } : {}),
    ...(graph ? { mailboxes: calendar } : {}),
  };
  const bot =
    parts.bot ??
    createBotRuntime(config.bot, async () => ({ deps: app }), {
      fanout: config.bot.fanout,
    });
  return {
    config,
    store,
    clock,
    messenger,
    directory,
    calendar,
    directorySource,
    directorySnapshots: new DirectorySnapshots(store, config.tenantId),
    graph,
    auth: createTokenValidator(config.auth, parts.tokens),
    app,
    bot,
    health: [
      storeHealth(store),
      ...(localData ? [localDataHealth(localData)] : []),
      ...graphHealthChecks(graph, NOT_CONFIGURED),
      botConfigHealth(config.bot, config.inAzure),
    ],
    localData,
    dispose,
  };
}
