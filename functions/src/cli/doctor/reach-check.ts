/**
 * `tandem doctor`: what the app recorded about reaching invitees (app/invitee-reach.ts): Tandem not
 * in the org catalog or blocked by the app permission policy for everyone is reported here once,
 * with how many people wait for it, instead of one failure per person.
 */
import type { AppConfig } from '../../config';
import { createCosmosClient } from '../../adapters/cosmos/store';
import { CONTAINERS } from '../../ports/containers';
import { TEAMS_APP_INSTALL_STATE_ID, fail, ok, skip, type DoctorCheck, type TeamsAppInstallState } from '@tandem/app';

const FIX: Record<string, string> = {
  'not-published':
    'Teams admin center → Teams apps → Manage apps → Upload new app → build/appPackage.zip (or approve the submission of `atk publish`); the people waiting are installed on the next run after it appears.',
  'blocked-by-policy':
    'Allow Tandem in the app permission policy (Teams admin center → Teams apps → Permission policies, or the org-wide app settings); the people waiting are tried again within the hour.',
  unknown: 'Grant AppCatalog.Read.All (admin consent; infra/scripts/entra-app.sh), or see the message.',
};

export function inviteeReachCheck(
  config: AppConfig,
  connection: () => Promise<{ endpoint: string; key?: string }>,
): DoctorCheck {
  return {
    id: 'invitee-reach',
    title: 'Reaching invitees (app installed for them)',
    async run() {
      if (!config.graph.teamsAppId)
        return skip(
          'TEAMS_APP_ID is not set: Tandem does not install the app for invitees, who get their invitation only once they open Tandem themselves',
        );
      const client = createCosmosClient(await connection());
      try {
        const database = client.database(config.cosmos.database);
        const { resource } = await database
          .container(CONTAINERS.state.name)
          .item(TEAMS_APP_INSTALL_STATE_ID, TEAMS_APP_INSTALL_STATE_ID)
          .read<{ value?: TeamsAppInstallState }>();
        const states = (
          await database
            .container(CONTAINERS.participants.name)
            .items.query<{ s?: string }>('SELECT c.appInstall.state AS s FROM c WHERE IS_DEFINED(c.appInstall)')
            .fetchAll()
        ).resources;
        const count = (s: string) => states.filter((r) => r.s === s).length;
        const counts = `installed ${count('installed')}, already installed ${count('already-installed')}, blocked by policy ${count('blocked-by-policy')}, failed ${count('failed')}, waiting ${count('pending')}`;
        const state = resource?.value;
        if (!state) return states.length ? ok(`not run yet: ${counts}`) : skip('nobody invited yet');
        if (state.status === 'published') return ok(`published in the org catalog: ${counts}`);
        return fail(
          `since ${state.at}: ${state.status === 'not-published' ? 'Tandem is not in the org app catalog' : state.status === 'blocked-by-policy' ? 'the app permission policy blocks Tandem for everyone tried' : `the catalog could not be read (${state.message ?? ''})`}; ${counts}`,
          FIX[state.status] ?? 'See the message.',
        );
      } catch (err) {
        return fail(
          `the store could not be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
          'Fix the Cosmos DB check first.',
        );
      } finally {
        client.dispose();
      }
    },
  };
}
