/**
 * Production wiring in one place: builds the adapters from the configuration once per process and
 * hands them to handlers and timers. Tests replace the whole set with `setServices`.
 */
import { join } from 'node:path';
import { loadConfig, ConfigError, type AppConfig } from './config';
import { openCosmosStore } from './adapters/cosmos/store';
import type { Store } from './ports/store';
import type { Clock } from './ports/clock';
import { systemClock } from './ports/clock';
import type { HealthCheck } from './ports/health';
import type * as EmbeddedCosmosModule from './local/embedded-cosmos';
import { botConfigHealth, localOnlyHealth, storeHealth } from './health-checks';
import type { Messenger } from './ports/messenger';
import { outboxMessenger } from './adapters/outbox/outbox-messenger';
import { createTokenValidator, type TokenValidator } from './adapters/auth/token-validator';
import type { AppDeps } from './app/deps';
import { unwiredBooking, unwiredDirectory } from './app/unwired';

export interface Services {
  config: AppConfig;
  store: Store;
  clock: Clock;
  health: HealthCheck[];
  /** Queues notifications for the bot (outbox). Optional only so that partial test doubles stay valid. */
  messenger?: Messenger;
  /** Validates the API's bearer tokens (AUTH_* settings, or the local development identity provider). */
  auth?: TokenValidator;
  /** The ports every use case gets (API, bot, timers). */
  app?: AppDeps;
  /** Releases what the services hold (the embedded store saves its snapshot). */
  dispose(): Promise<void>;
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

async function openStore(config: AppConfig): Promise<{ store: Store; dispose(): Promise<void> }> {
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
  // NOTE: required lazily so that production never loads the embedded server.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startEmbeddedCosmos } = require('./local/embedded-cosmos') as typeof EmbeddedCosmosModule;
  const cosmos = await startEmbeddedCosmos({ snapshotFile: join(config.dataDir, 'cosmos.json') });
  const store = await openCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, database, createContainers: true });
  return { store, dispose: () => cosmos.close() };
}

export async function createServices(config: AppConfig): Promise<Services> {
  const { store, dispose } = await openStore(config);
  const messenger = outboxMessenger(store, systemClock);
  return {
    config,
    store,
    clock: systemClock,
    messenger,
    auth: createTokenValidator(config.auth),
    app: { store, clock: systemClock, messenger, directory: unwiredDirectory(), booking: unwiredBooking() },
    health: [
      storeHealth(store),
      localOnlyHealth('directory', config, 'The directory (Microsoft Graph)'),
      localOnlyHealth('calendar', config, 'The calendar (Microsoft Graph)'),
      botConfigHealth(config.bot, config.inAzure),
    ],
    dispose,
  };
}
