/**
 * `tandem doctor`: checks a Tandem installation before anyone is invited, in order, each ✓ / ✗ with
 * the fix; the last line is JSON for scripts. Runs against the configured services (a deployed
 * app's settings exported into the shell, with `--deployed`), or locally against the stand-ins.
 */
import type { CliCommand, CliGraphStandIn } from '../command';
import { UsageError, parseArgs } from '../command';
import { loadConfig, type AppConfig } from '../../config';
import { createGraphConnection } from '../../adapters/graph/client';
import { createCosmosClient } from '../../adapters/cosmos/store';
import { CONTAINERS } from '../../ports/containers';
import { checkConfig, fail, formatResult, runDoctor, skip, summaryLine, type DoctorCheck } from '@tandem/app';
import { graphChecks } from '../doctor/graph-checks';
import { inviteeReachCheck } from '../doctor/reach-check';
import { botTokenCheck, cosmosContainersCheck, notificationUrlCheck } from '../doctor/other-checks';

const USAGE =
  'usage: tandem doctor [--deployed] [--teams-app-id ID] [--test-user UPN] [--sample UPN,UPN,...] [--sample-size N] [--notification-url URL]';

const text = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** Up to `n` people invited to programmes (participants' ids are user ids), from one page of the store. */
async function invitedPeople(config: AppConfig, settings: { endpoint: string; key?: string }, n: number) {
  const client = createCosmosClient(settings);
  try {
    const page = await client
      .database(config.cosmos.database)
      .container(CONTAINERS.participants.name)
      .items.query<{ id: string }>('SELECT c.id FROM c', { maxItemCount: 50 })
      .fetchNext();
    return [...new Set(page.resources.map((r) => r.id))].slice(0, n);
  } finally {
    client.dispose();
  }
}

export const command: CliCommand = {
  async run(args, environment) {
    const { options, positional } = parseArgs(args);
    if (positional.length) throw new UsageError(USAGE);
    const sampleSize = Number(text(options['sample-size']) ?? 5);
    if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > 50)
      throw new UsageError(`--sample-size is 1–50. ${USAGE}`);
    const deployed = options.deployed === true || Boolean(process.env.WEBSITE_INSTANCE_ID);

    let standIn: CliGraphStandIn | undefined;
    let embedded: { close(): Promise<void> } | undefined;
    const checks: DoctorCheck[] = [];
    let config: AppConfig | undefined;
    let loadError: string | undefined;
    try {
      config = loadConfig();
    } catch (err) {
      loadError = err instanceof Error ? err.message : String(err);
    }
    checks.push({
      id: 'configuration',
      title: 'Configuration',
      run: async () =>
        config
          ? checkConfig(config, deployed)
          : fail(loadError ?? 'not loaded', 'Fix the setting named (README, Configuration) and run again.'),
    });
    try {
      if (config && !deployed) {
        standIn = await environment.startGraphStandIn(config.dataDir);
        if (standIn) {
          config = loadConfig({ ...process.env, ...standIn.env });
          console.error(`No Graph configured: checking against the local ${standIn.describe}.`);
        }
      }
      if (config) {
        const cfg = config;
        const graph = createGraphConnection({ ...cfg.graph, maxRetries: Math.min(cfg.graph.maxRetries, 2) });
        let connection: Promise<{ endpoint: string; key?: string }> | undefined;
        /** One connection to the store for the checks that read it (the embedded store: opened once). */
        const store = () =>
          (connection ??= (async () => {
            if (cfg.cosmos.endpoint)
              return { endpoint: cfg.cosmos.endpoint, ...(cfg.cosmos.key ? { key: cfg.cosmos.key } : {}) };
            const started = await environment.startEmbeddedCosmos(cfg.dataDir);
            embedded = started;
            return { endpoint: started.endpoint, key: started.key };
          })());
        const sample = text(options.sample)
          ?.split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        checks.push(
          ...graphChecks({
            client: graph.client,
            config: cfg.graph,
            sampleSize,
            ...(sample ? { sample } : {}),
            ...((text(options['teams-app-id']) ?? cfg.graph.teamsAppId ?? standIn?.teamsAppId)
              ? { teamsAppId: text(options['teams-app-id']) ?? cfg.graph.teamsAppId ?? standIn?.teamsAppId }
              : {}),
            ...(text(options['test-user']) ? { testUser: text(options['test-user']) } : {}),
            installForFirstPerson: Boolean(standIn),
            invitees: async () => invitedPeople(cfg, await store(), sampleSize),
          }),
          inviteeReachCheck(cfg, store),
          botTokenCheck(cfg, cfg.bot.appPassword),
          cosmosContainersCheck(cfg, store),
          notificationUrlCheck(text(options['notification-url']) ?? cfg.graph.notificationUrl),
        );
      } else {
        for (const id of [
          'graph-permissions',
          'directory',
          'calendars',
          'teams-app',
          'invitee-reach',
          'bot-token',
          'cosmos-containers',
          'notification-url',
        ])
          checks.push({
            id,
            title: id,
            run: () => Promise.resolve(skip('not run: the configuration could not be loaded')),
          });
      }
      const report = await runDoctor(checks, (entry) => console.log(formatResult(entry)));
      console.log(summaryLine(report));
      return report.ok ? 0 : 1;
    } finally {
      await embedded?.close();
      await standIn?.close();
    }
  },
};
