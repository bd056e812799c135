/**
 * The whole app on one machine: local stand-ins, the Functions app on the local host, the embedded
 * store (seeded with the demo when empty) and the tab's static files. Used by `npm start` and by the
 * end-to-end tests (on a free port and a temporary data folder).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installFunctionsCore } from './install-functions-core';
import { openEmbeddedStore } from './embedded-store';
import { LOCAL_COMPONENTS, type StartedComponent } from './components';
import { createLocalHost, type LocalHost } from './host';
import { registrations } from './functions-core-shim';
import { loadConfig } from '../config';
import { createServices, disposeServices, setServices, type Services } from '../composition';
import { isEmptyStore, seedDemo, type SeedResult } from './demo/seed';
import { localGraphStandIn } from './graph-stand-in/component';
import { adoptBookedSeries } from './graph-stand-in/adopt';
import { ensureSubscriptions } from '../app/outlook/subscriptions';
import { DEMO_ACCOUNTS_STATE_ID, type DemoAccount } from './demo/accounts';
import type { Clock } from '../ports/clock';

export interface LocalStackOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /**
   * Seed the demo when the store is empty. Default: only into the embedded store, never into a
   * Cosmos DB the operator named with COSMOS_ENDPOINT (`npm start -- --demo` sets true for that).
   */
  seed?: boolean;
  runTimers?: boolean;
  /** Folder of the built tab (default tab/dist when it exists). */
  staticDir?: string;
  log?: (line: string) => void;
  /** The clock of the whole app, seeding included (tests: a fixed or moving date); default the system clock. */
  clock?: Clock;
}

export interface LocalStack {
  baseUrl: string;
  services: Services;
  host: LocalHost;
  components: StartedComponent[];
  seeded?: SeedResult;
  /** What is missing for the local sign-in, with how to fix it (also logged at start). */
  warnings: string[];
  close(): Promise<void>;
}

const ROOT = resolve(__dirname, '../../..');

/**
 * Why nobody could sign in through the development identity provider, with what to do about it:
 * no demo accounts in the store, or accounts whose people are not in the directory.
 */
async function demoSignInProblems(
  services: Services,
  where: { dataDir: string; embedded: boolean },
): Promise<string[]> {
  const reset = where.embedded
    ? `stop Tandem and delete ${where.dataDir} (or start with TANDEM_DATA_DIR set to an empty folder) to start again from the demo`
    : 'start with --demo to seed the demo into an empty database, or set AUTH_* to sign in with Entra ID';
  const record = await services.store.state.find(DEMO_ACCOUNTS_STATE_ID, DEMO_ACCOUNTS_STATE_ID);
  const accounts = Array.isArray(record?.value) ? (record.value as DemoAccount[]) : [];
  if (!accounts.length)
    return [`this store has no demo sign-in accounts, so the local sign-in offers nobody: ${reset}.`];
  let found: { id: string }[] | undefined;
  try {
    found = await services.directory.getUsers(accounts.map((a) => a.userId));
  } catch (err) {
    return [`the directory cannot be read (${(err as Error).message}), so the demo accounts cannot sign in: ${reset}.`];
  }
  const missing = accounts.filter((a) => !found?.some((u) => u.id === a.userId));
  return missing.length
    ? [
        `the directory lacks ${missing.length} of the ${accounts.length} demo sign-in accounts (${missing.map((a) => a.kind).join(', ')}): ${reset}.`,
      ]
    : [];
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  installFunctionsCore();
  const log = options.log ?? (() => {});
  const components: StartedComponent[] = [];
  const close = async () => {
    await Promise.allSettled(components.map((c) => c.close()));
    await disposeServices();
  };
  try {
    const operatorEnv = { ...process.env };
    // The stand-ins' settings are added to the operator's for this stack's configuration only:
    // process.env stays as the operator set it, so a second stack in the same process starts clean.
    const env: NodeJS.ProcessEnv = { ...operatorEnv, TANDEM_DATA_DIR: options.dataDir };
    // The app's port is fixed before components start, so they can point back at it (e.g. bot URLs).
    const appBaseUrl = `http://localhost:${options.port}`;
    for (const component of LOCAL_COMPONENTS) {
      const started = await component.start({ dataDir: options.dataDir, env: operatorEnv, appBaseUrl });
      if (!started) continue;
      components.push(started);
      Object.assign(env, started.env);
    }
    const services = await createServices(loadConfig(env), {
      embeddedStore: openEmbeddedStore,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    setServices(services);

    let seeded: SeedResult | undefined;
    const embedded = !services.config.cosmos.endpoint;
    // A data folder that held anything is never seeded over, even when it turns out empty.
    const fresh = services.localData?.fresh ?? true;
    if ((options.seed ?? embedded) && fresh && (await isEmptyStore(services.store, services.config.tenantId))) {
      seeded = await seedDemo(services.store, {
        tenantId: services.config.tenantId,
        now: services.clock.now(),
        ...(services.directorySource ? { source: services.directorySource } : {}),
      });
      log(`Seeded the demo: ${seeded.users} people, ${seeded.programmes} programmes.`);
    }
    // The stand-in starts empty: it takes the booked series the store holds, so the Outlook read-back
    // finds them (and people can move or decline a session there) instead of reading them as deleted.
    const standIn = localGraphStandIn();
    if (standIn) await adoptBookedSeries(standIn, services.store);
    const warnings = [
      ...(services.localData?.notes ?? []),
      ...(components.some((c) => c.name === 'dev-idp')
        ? await demoSignInProblems(services, { dataDir: options.dataDir, embedded })
        : []),
    ];
    for (const warning of warnings) log(`Warning: ${warning}`);

    // Loading the app's entry registers its functions with the local functions-core.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../index');
    const staticDir = options.staticDir ?? join(ROOT, 'tab', 'dist');
    const host = createLocalHost({
      registrations: registrations(),
      ...(existsSync(staticDir) ? { staticDir } : {}),
      runTimers: options.runTimers ?? false,
    });
    const baseUrl = await host.listen(options.port);
    // Programme mailboxes are subscribed now rather than at the timer's next 6-hourly run, so moving a
    // session in the stand-in reaches Tandem at once (the webhook answers from here on).
    if (standIn && options.runTimers)
      void ensureSubscriptions(services.app).catch((err: unknown) =>
        log(`Warning: subscribing programme mailboxes failed: ${(err as Error).message}`),
      );
    return {
      baseUrl,
      services,
      host,
      components,
      ...(seeded ? { seeded } : {}),
      warnings,
      async close() {
        await host.close();
        await close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}
