/** The configuration check of `tandem doctor`: complete and consistent for where it runs. */
import type { AppConfig } from '../../config';
import { fail, ok, type CheckResult } from './checks';

/**
 * `deployed`: judged as the Azure app (inside Azure, or `--deployed` with its app settings exported).
 * Locally only consistency is required: what is set must fit together.
 */
export function checkConfig(config: AppConfig, deployed: boolean): CheckResult {
  const problems: string[] = [];
  const fixes: string[] = [];
  const { auth, graph, bot, cosmos } = config;
  const authSet = {
    AUTH_ISSUER: auth.issuer,
    AUTH_AUDIENCE: auth.audiences.length ? 'set' : undefined,
    AUTH_JWKS_URL: auth.jwksUrl,
  };
  const authMissing = Object.entries(authSet)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (authMissing.length && authMissing.length < 3) {
    problems.push(
      `${Object.keys(authSet)
        .filter((k) => !authMissing.includes(k))
        .join(', ')} set without ${authMissing.join(', ')}`,
    );
    fixes.push(`set ${authMissing.join(', ')} (README, Configuration) or unset all AUTH_* settings`);
  }
  if (graph.clientId && !graph.clientSecret && !graph.managedIdentityClientId) {
    problems.push('GRAPH_CLIENT_ID without GRAPH_MANAGED_IDENTITY_CLIENT_ID or GRAPH_CLIENT_SECRET');
    fixes.push('set GRAPH_MANAGED_IDENTITY_CLIENT_ID (the federated credential, what infra/ deploys)');
  }
  if (graph.clientId && !graph.tenantId) {
    problems.push('GRAPH_CLIENT_ID without GRAPH_TENANT_ID or AZURE_TENANT_ID');
    fixes.push('set GRAPH_TENANT_ID to the tenant of the Entra app');
  }
  if (deployed) {
    if (!cosmos.endpoint) {
      problems.push('COSMOS_ENDPOINT is not set');
      fixes.push('set COSMOS_ENDPOINT (output of infra/main.bicep; the templates set it)');
    }
    if (cosmos.key) {
      problems.push('COSMOS_KEY is set (the account has keys disabled)');
      fixes.push('remove COSMOS_KEY: the managed identity signs in');
    }
    if (!auth.configured && authMissing.length === 3) {
      problems.push('AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL are not set: the API accepts no sign-in');
      fixes.push('deploy infra/main.bicep again with entraAppClientId (step 4 of docs/deployment.md)');
    }
    if (graph.accessToken) {
      problems.push('GRAPH_ACCESS_TOKEN is set (stand-ins only)');
      fixes.push('remove GRAPH_ACCESS_TOKEN');
    }
    if (!graph.clientId) {
      problems.push(
        'GRAPH_CLIENT_ID is not set: Graph would be called as the managed identity, which holds no Graph permission',
      );
      fixes.push('deploy infra/main.bicep again with entraAppClientId (step 4 of docs/deployment.md)');
    }
    if (!bot.appId) {
      problems.push('MicrosoftAppId is not set: the bot endpoint would accept unauthenticated requests');
      fixes.push('set MicrosoftAppId, MicrosoftAppType=UserAssignedMSI, MicrosoftAppTenantId (infra sets them)');
    }
    if (config.tenantId === 'local') {
      problems.push('TANDEM_TENANT_ID / AZURE_TENANT_ID is not set');
      fixes.push('set AZURE_TENANT_ID to your tenant id');
    }
  }
  if (problems.length) return fail(problems.join('; '), `${fixes.join('; ')}.`);
  return ok(
    deployed
      ? `complete for Azure (Cosmos DB ${cosmos.endpoint ?? ''}, sign-in ${auth.issuer ?? ''}, Graph app ${graph.clientId ?? ''}, bot ${bot.appId ?? ''})`
      : `consistent (local: ${cosmos.endpoint ? 'Cosmos DB ' + cosmos.endpoint : 'embedded store'}, Graph ${graph.baseUrl})`,
  );
}
