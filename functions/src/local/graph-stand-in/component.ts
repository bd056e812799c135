import type { LocalComponent } from '../components';
import { loadGraphConfig } from '../../config';
import { startGraphStandIn, type GraphStandIn } from './server';
import { forgetStandIn, trustStandIn } from './trust';

/** The stand-in this process runs for the local stack, if any (adopt.ts gives it the stored series). */
let running: GraphStandIn | undefined;
export const localGraphStandIn = (): GraphStandIn | undefined => running;

/** Base URLs this process exported for its own stand-ins (not the operator's settings). */
const ours = new Set<string>();

/** True when the operator configured a real (or their own) Graph endpoint. */
export function operatorConfiguredGraph(env: NodeJS.ProcessEnv): boolean {
  const own = env.GRAPH_BASE_URL && ours.has(env.GRAPH_BASE_URL);
  const operator = own ? { ...env, GRAPH_BASE_URL: undefined, GRAPH_ACCESS_TOKEN: undefined } : env;
  return loadGraphConfig(operator, Boolean(operator.WEBSITE_INSTANCE_ID?.trim())).configured;
}

/**
 * The Graph stand-in as a local component: the demo organisation (300 people, seed 42 — the same
 * people the demo programmes name), served on https loopback; the app is pointed at it with
 * GRAPH_BASE_URL and GRAPH_ACCESS_TOKEN exactly as an operator would point it at another endpoint.
 */
export const graphStandInComponent: LocalComponent = {
  name: 'graph-stand-in',
  async start(ctx) {
    if (operatorConfiguredGraph(ctx.env)) return undefined;
    const standIn = await startGraphStandIn({ dataDir: ctx.dataDir, size: 300, seed: 42 });
    trustStandIn(standIn.baseUrl, standIn.certPem);
    ours.add(standIn.baseUrl);
    running = standIn;
    return {
      name: 'graph-stand-in',
      env: {
        GRAPH_BASE_URL: standIn.baseUrl,
        GRAPH_ACCESS_TOKEN: standIn.token,
        // The stand-in calls the app's webhook when its events change (move, cancel, decline in "Outlook").
        ...(ctx.env.GRAPH_NOTIFICATION_URL?.trim() || !ctx.appBaseUrl
          ? {}
          : { GRAPH_NOTIFICATION_URL: `${ctx.appBaseUrl}/api/graph/notifications` }),
      },
      describe: `Graph stand-in ${standIn.baseUrl} (${standIn.directory.users.size} people; certificate ${standIn.certFile ?? 'in memory'})`,
      close: async () => {
        forgetStandIn(standIn.baseUrl);
        if (running === standIn) running = undefined;
        await standIn.close();
      },
    };
  },
};
