/**
 * The checks of `tandem doctor` that ask Microsoft Graph: the token's roles, the directory and its
 * managers, calendar access for a sample of people, the app in the org catalog and installable.
 */
import type { TeamsApp, User, UserScopeTeamsAppInstallation } from '@microsoft/microsoft-graph-types';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { GraphConfig } from '../../config';
import { GRAPH_SCOPE, graphCredential } from '../../adapters/graph/client';
import { graphStatus } from '../../adapters/graph/errors';
import { checkGraphRoles, fail, ok, tokenRoles, type DoctorCheck } from '@tandem/app';

interface SampleUser {
  id: string;
  mail?: string;
}

const describe = (err: unknown) => {
  const status = graphStatus(err);
  const code = (err as { code?: string }).code;
  return `${status ?? 'no answer'}${code ? ` ${code}` : ''}: ${err instanceof Error ? err.message : String(err)}`;
};
const name = (u: SampleUser) => u.mail ?? u.id;

export interface GraphCheckOptions {
  client: Client;
  config: GraphConfig;
  /** How many people to try calendars for (default 5). */
  sampleSize: number;
  /** People to try (ids or addresses), given by the operator. */
  sample?: string[];
  /** Otherwise: people invited to programmes (user ids), when the store has any; else the first of the directory. */
  invitees?: () => Promise<string[]>;
  /** The Teams app's manifest id (Graph: externalId). */
  teamsAppId?: string;
  /** A test person to install Tandem for (proves the permission policy allows it). */
  testUser?: string;
  /** Without testUser: install for the first person of the sample (the local stand-in only). */
  installForFirstPerson?: boolean;
}

export function graphChecks(o: GraphCheckOptions): DoctorCheck[] {
  let people: SampleUser[] | undefined;

  const token: DoctorCheck = {
    id: 'graph-permissions',
    title: 'Microsoft Graph permissions (token roles)',
    async run() {
      const value = o.config.accessToken ?? (await graphCredential(o.config).getToken(GRAPH_SCOPE))?.token;
      if (!value)
        return fail(
          'no Graph token',
          'Check GRAPH_CLIENT_ID, GRAPH_MANAGED_IDENTITY_CLIENT_ID and the federated credential (docs/deployment.md).',
        );
      return checkGraphRoles(tokenRoles(value));
    },
  };

  const directory: DoctorCheck = {
    id: 'directory',
    title: 'Directory and managers',
    async run() {
      let page: { value: User[] };
      try {
        page = (await o.client
          .api('/users')
          .select(['id', 'mail', 'accountEnabled'])
          .expand('manager')
          .top(100)
          .get()) as typeof page;
      } catch (err) {
        return fail(
          `GET /users failed (${describe(err)})`,
          graphStatus(err) === 403
            ? 'Grant User.Read.All (admin consent; infra/scripts/entra-app.sh).'
            : 'Check GRAPH_BASE_URL and that Graph is reachable from here.',
        );
      }
      const users = page.value;
      if (!users.length)
        return fail('the directory returned no users', 'Check the tenant (GRAPH_TENANT_ID / AZURE_TENANT_ID).');
      const withManager = users.filter((u) => u.manager?.id).length;
      people = users
        .filter((u): u is User & { id: string } => u.accountEnabled !== false && typeof u.id === 'string')
        .map((u) => ({ id: u.id, ...(u.mail ? { mail: u.mail } : {}) }));
      if (!withManager)
        return fail(
          `none of the first ${users.length} people has a manager in Entra ID`,
          "Fill in each person's Manager in Entra ID (Users → Properties, or your HR sync): Tandem reads management chains from it to keep pairs out of one chain.",
        );
      return ok(`read ${users.length} people, ${withManager} with a manager`);
    },
  };

  const calendars: DoctorCheck = {
    id: 'calendars',
    title: 'Calendar access (Exchange scope)',
    async run() {
      const invited = o.sample?.length ? [] : ((await o.invitees?.().catch(() => [])) ?? []);
      const sample: SampleUser[] = o.sample?.length
        ? o.sample.map((id) => ({ id }))
        : invited.length
          ? invited.slice(0, o.sampleSize).map((id) => ({ id }))
          : (people ?? []).filter((u) => u.mail).slice(0, o.sampleSize);
      const source = o.sample?.length ? 'given' : invited.length ? 'invited' : 'from the directory';
      if (!sample.length)
        return fail(
          'no one to try (the directory was not read)',
          'Fix the directory check first, or pass --sample with addresses.',
        );
      const outside: string[] = [];
      const other: string[] = [];
      for (const person of sample) {
        try {
          await o.client
            .api(`/users/${encodeURIComponent(person.mail ?? person.id)}/mailboxSettings`)
            .select(['timeZone'])
            .get();
          await o.client
            .api(`/users/${encodeURIComponent(person.mail ?? person.id)}/calendar`)
            .select(['allowedOnlineMeetingProviders'])
            .get();
        } catch (err) {
          const status = graphStatus(err);
          if (status === 403) outside.push(name(person));
          else other.push(`${name(person)} (${describe(err)})`);
        }
      }
      if (outside.length || other.length)
        return fail(
          [
            outside.length
              ? `${outside.length} of ${sample.length} (${source}) outside the granted scope: ${outside.join(', ')}`
              : '',
            other.length ? `failed for ${other.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
          outside.length
            ? 'Add them to the mail-enabled group of the Exchange management scope (infra/scripts/exchange-rbac.ps1 -GroupIdentity …; check with Test-ServicePrincipalAuthorization), or grant Calendars.ReadWrite and MailboxSettings.Read (entra-app.sh --calendars entra).'
            : 'A 404 means the person has no Exchange Online mailbox (licence); otherwise see the message.',
        );
      return ok(
        `mailbox settings and calendar readable for ${sample.length} of ${sample.length} (${source}): ${sample.map(name).join(', ')}`,
      );
    },
  };

  const teamsApp: DoctorCheck = {
    id: 'teams-app',
    title: 'Tandem in the org app catalog',
    async run() {
      if (!o.teamsAppId)
        return fail('the Teams app id is not known', 'Pass --teams-app-id <TEAMS_APP_ID of appPackage/.env.local>.');
      let apps: TeamsApp[];
      try {
        apps = (
          (await o.client.api('/appCatalogs/teamsApps').filter(`externalId eq '${o.teamsAppId}'`).get()) as {
            value: typeof apps;
          }
        ).value;
      } catch (err) {
        return fail(
          `GET /appCatalogs/teamsApps failed (${describe(err)})`,
          graphStatus(err) === 403
            ? 'Grant AppCatalog.Read.All (admin consent; infra/scripts/entra-app.sh).'
            : 'See the message.',
        );
      }
      const app = apps[0];
      if (!app)
        return fail(
          `no app with manifest id ${o.teamsAppId} in the org catalog`,
          'Teams admin center → Teams apps → Manage apps → Upload new app → build/appPackage.zip (or approve the submission of `atk publish`); it can take a few hours to appear.',
        );
      const testUser = o.testUser ?? (o.installForFirstPerson ? people?.[0]?.mail : undefined);
      if (!testUser)
        return ok(
          `published as "${app.displayName ?? ''}" (catalog id ${app.id}); pass --test-user to prove it installs`,
        );
      const user = encodeURIComponent(testUser);
      try {
        const installed = (
          (await o.client
            .api(`/users/${user}/teamwork/installedApps`)
            .expand('teamsApp')
            .filter(`teamsApp/externalId eq '${o.teamsAppId}'`)
            .get()) as { value: UserScopeTeamsAppInstallation[] }
        ).value;
        if (installed.length) return ok(`published (catalog id ${app.id}) and installed for ${testUser}`);
        await o.client.api(`/users/${user}/teamwork/installedApps`).post({
          'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${app.id}`,
        });
        return ok(`published (catalog id ${app.id}) and installed now for ${testUser}`);
      } catch (err) {
        if (graphStatus(err) === 409) return ok(`published (catalog id ${app.id}) and installed for ${testUser}`);
        return fail(
          `installing Tandem for ${testUser} failed (${describe(err)})`,
          graphStatus(err) === 403
            ? `Allow Tandem in the app permission policy that applies to ${testUser} (Teams admin center → Teams apps → Permission policies), and check TeamsAppInstallation.ReadWriteSelfForUser.All is granted.`
            : 'See the message.',
        );
      }
    },
  };

  return [token, directory, calendars, teamsApp];
}
