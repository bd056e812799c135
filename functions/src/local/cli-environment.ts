/**
 * How `tandem` commands open the services on an operator's machine, as `npm start` does: the
 * embedded store without COSMOS_ENDPOINT and, when asked, the local Graph stand-in without Graph
 * settings outside Azure. cli/main.ts hands this to the commands (cli/command's CliEnvironment).
 */
import { join } from 'node:path';
import { loadConfig } from '../config';
import { createServices } from '../composition';
import type { CliEnvironment, CliGraphStandIn } from '../cli/command';
import { openEmbeddedStore } from './embedded-store';
import { startEmbeddedCosmos } from './embedded-cosmos';
import { graphStandInComponent, operatorConfiguredGraph } from './graph-stand-in/component';
import { LOCAL_TEAMS_APP_ID } from './graph-stand-in/teams-catalog';

async function startGraphStandIn(dataDir: string): Promise<CliGraphStandIn | undefined> {
  if (operatorConfiguredGraph(process.env)) return undefined;
  const standIn = await graphStandInComponent.start({ dataDir, env: process.env, appBaseUrl: '' });
  if (!standIn) return undefined;
  return {
    env: standIn.env,
    ...(standIn.describe !== undefined ? { describe: standIn.describe } : {}),
    teamsAppId: LOCAL_TEAMS_APP_ID,
    close: () => standIn.close(),
  };
}

export const localCliEnvironment: CliEnvironment = {
  async openServices({ graphStandIn = false } = {}) {
    let standIn: CliGraphStandIn | undefined;
    if (graphStandIn && !process.env.WEBSITE_INSTANCE_ID) standIn = await startGraphStandIn(loadConfig().dataDir);
    // The stand-in's settings go into this command's configuration only, never into process.env.
    const services = await createServices(loadConfig({ ...process.env, ...standIn?.env }), {
      embeddedStore: openEmbeddedStore,
    });
    return {
      services,
      async close() {
        await services.dispose();
        await standIn?.close();
      },
    };
  },
  startGraphStandIn,
  startEmbeddedCosmos: (dataDir) => startEmbeddedCosmos({ snapshotFile: join(dataDir, 'cosmos.json') }),
};
