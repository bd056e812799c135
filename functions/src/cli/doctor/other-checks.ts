/** The checks of `tandem doctor` outside Graph: the bot's token, the Cosmos DB containers, the notification URL. */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { AppConfig } from '../../config';
import { isLoopbackUrl } from '../../config';
import { createCosmosClient } from '../../adapters/cosmos/store';
import { CONTAINERS } from '../../ports/containers';
import { fail, ok, skip, type DoctorCheck } from '@tandem/app';

export const BOT_SCOPE = 'https://api.botframework.com/.default';

const within = <T>(ms: number, what: string, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms).unref(),
    ),
  ]);

/** The bot's identity gets a Bot Framework token (where a bot identity is configured). */
export function botTokenCheck(config: AppConfig, password: string | undefined): DoctorCheck {
  return {
    id: 'bot-token',
    title: 'Bot identity',
    async run() {
      const { appId, appType, appTenantId } = config.bot;
      if (!appId) return skip('no MicrosoftAppId: bot authentication is off (local only)');
      let credential: TokenCredential;
      if (appType === 'UserAssignedMSI') credential = new ManagedIdentityCredential({ clientId: appId });
      else if (password)
        credential = new ClientSecretCredential(
          appType === 'SingleTenant' && appTenantId ? appTenantId : 'botframework.com',
          appId,
          password,
          { disableInstanceDiscovery: true },
        );
      else
        return fail(
          `MicrosoftAppId ${appId} has no credential`,
          'Set MicrosoftAppType=UserAssignedMSI and MicrosoftAppTenantId (what infra/ deploys).',
        );
      try {
        const token = await within(20_000, 'the token request', credential.getToken(BOT_SCOPE));
        if (!token) throw new Error('no token returned');
        return ok(`${appType ?? 'MultiTenant'} ${appId} got a Bot Framework token`);
      } catch (err) {
        return fail(
          `${appType ?? 'MultiTenant'} ${appId} could not get a Bot Framework token (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
          appType === 'UserAssignedMSI'
            ? 'Run this inside the Functions app (Kudu/SSH console) or check the identity is assigned to the app and MicrosoftAppId is its client id (output BOT_ID of infra/main.bicep).'
            : 'Check MicrosoftAppId, MicrosoftAppPassword (not expired) and MicrosoftAppTenantId of the Azure Bot registration.',
        );
      }
    },
  };
}

/** Every container Tandem needs exists with the partition key it expects. */
export function cosmosContainersCheck(
  config: AppConfig,
  connection: () => Promise<{ endpoint: string; key?: string }>,
): DoctorCheck {
  return {
    id: 'cosmos-containers',
    title: 'Cosmos DB containers',
    async run() {
      const settings = await connection();
      const client = createCosmosClient(settings);
      try {
        const database = client.database(config.cosmos.database);
        let found: { id: string; partitionKey?: { paths?: string[] } }[];
        try {
          found = (await database.containers.readAll().fetchAll()).resources;
        } catch (err) {
          const code = (err as { code?: number }).code;
          return fail(
            `database ${config.cosmos.database} on ${settings.endpoint} could not be read (${[code, err instanceof Error ? err.message.split('\n')[0] : ''].filter(Boolean).join(' ')})`,
            code === 404
              ? config.cosmos.endpoint
                ? 'Deploy infra/main.bicep (it creates the database and containers), or check COSMOS_DATABASE.'
                : 'Run `npm start` once: it creates the local store in the data folder (TANDEM_DATA_DIR).'
              : 'Give the identity Cosmos DB Built-in Data Contributor on the account (infra does), or check COSMOS_ENDPOINT.',
          );
        }
        const byId = new Map(found.map((c) => [c.id, c.partitionKey?.paths?.[0]]));
        const expected = Object.values(CONTAINERS);
        const missing = expected.filter((c) => !byId.has(c.name)).map((c) => c.name);
        const wrong = expected
          .filter((c) => byId.has(c.name) && byId.get(c.name) !== c.partitionKey)
          .map((c) => `${c.name} is partitioned by ${byId.get(c.name) ?? 'nothing'}, expected ${c.partitionKey}`);
        if (missing.length || wrong.length)
          return fail(
            [missing.length ? `missing: ${missing.join(', ')}` : '', ...wrong].filter(Boolean).join('; '),
            `${missing.length ? 'Deploy infra/main.bicep again (it declares every container from infra/cosmos-containers.json). ' : ''}${
              wrong.length
                ? 'A partition key cannot be changed: copy the data to a new container with the right key, delete the old one, deploy again.'
                : ''
            }`.trim(),
          );
        return ok(`${expected.length} containers with the expected partition keys in ${config.cosmos.database}`);
      } finally {
        client.dispose();
      }
    },
  };
}

/** Private and special-use IPv4 ranges Graph cannot deliver to. */
const PRIVATE_V4 = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|127\.)/;

/** Graph delivers change notifications only to a public https URL. */
export function notificationUrlCheck(url: string | undefined): DoctorCheck {
  return {
    id: 'notification-url',
    title: 'Graph notification URL',
    run() {
      if (!url)
        return Promise.resolve(
          skip(
            'not set: no change notifications on programme mailboxes, Outlook changes arrive by the read-back every 2 hours (set GRAPH_NOTIFICATION_URL, or pass --notification-url to check one)',
          ),
        );
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return Promise.resolve(fail(`"${url}" is not a URL`, 'Give the full https URL of the notification endpoint.'));
      }
      const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      const problems = [
        parsed.protocol !== 'https:' ? 'it is not https' : '',
        isLoopbackUrl(url) ||
        host === 'localhost' ||
        host.endsWith('.localhost') ||
        PRIVATE_V4.test(host) ||
        /^(fc|fd|fe80)/.test(host) ||
        !host.includes('.')
          ? `${host} is not a public host name`
          : '',
      ].filter(Boolean);
      return Promise.resolve(
        problems.length
          ? fail(
              `${url}: ${problems.join('; ')}`,
              'Graph only delivers to a public https endpoint with a valid certificate: use https://<TANDEM_DOMAIN>/api/… (the Functions app), not a local or private address.',
            )
          : ok(`${url} is https on a public host name`),
      );
    },
  };
}
