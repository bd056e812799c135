/**
 * Registers the development identity provider as a local component: it starts only when no AUTH_*
 * setting is given (and never in Azure), and hands the app the AUTH_* variables that point at it.
 */
import { app, type HttpResponseInit } from '@azure/functions';
import type { LocalComponent } from '../components';
import { getServices } from '../../composition';
import { startDevIdp, type DevAccount } from './dev-idp';

const AUTH_SETTINGS = ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'AUTH_ALLOWED_TENANTS'];
/** Issuers this process started its own provider with (never the operator's settings). */
const ours = new Set<string>();

let current: { url: string; issuer: string } | undefined;
let registered = false;

/**
 * `GET /api/dev/identity` (anonymous, local only): where the standalone tab finds the development
 * identity provider. Registered when the provider starts, so it never exists in Azure.
 */
function registerDiscovery(): void {
  if (registered) return;
  registered = true;
  app.http('devIdentity', {
    route: 'dev/identity',
    methods: ['GET'],
    authLevel: 'anonymous',
    handler: async (): Promise<HttpResponseInit> =>
      current
        ? {
            jsonBody: {
              issuer: current.issuer,
              accountsUrl: `${current.url}/accounts`,
              tokenUrl: `${current.url}/token`,
            },
            headers: { 'cache-control': 'no-store' },
          }
        : {
            status: 404,
            headers: { 'content-type': 'application/problem+json' },
            body: JSON.stringify({
              type: '/problems/not-found',
              title: 'Not found',
              status: 404,
              detail: 'The development identity provider is not running.',
            }),
          },
  });
}

/** True when the operator gave any AUTH_* setting: then the real identity provider is used, never this one. */
export function operatorConfiguredAuth(env: NodeJS.ProcessEnv): boolean {
  if (env.AUTH_ISSUER && ours.has(env.AUTH_ISSUER)) return false;
  return AUTH_SETTINGS.some((name) => env[name]?.trim());
}
/** The `state` record the demo seed writes with the sign-in choices. */
export const DEMO_ACCOUNTS_ID = 'demo-accounts';

export const devIdpComponent: LocalComponent = {
  name: 'dev-idp',
  async start(ctx) {
    if (ctx.env.WEBSITE_INSTANCE_ID?.trim()) return undefined;
    if (operatorConfiguredAuth(ctx.env)) return undefined;
    const tenantId = ctx.env.TANDEM_TENANT_ID?.trim() || ctx.env.AZURE_TENANT_ID?.trim() || 'local';
    const idp = await startDevIdp({
      tenantId,
      dataDir: ctx.dataDir,
      // NOTE: the app's services exist by the time anyone asks (the stack starts them right after the components).
      async accounts() {
        const record = await (await getServices()).store.state.find(DEMO_ACCOUNTS_ID, DEMO_ACCOUNTS_ID);
        return Array.isArray(record?.value) ? (record.value as DevAccount[]) : [];
      },
      async findUser(id) {
        const user = await (await getServices()).directory.getUser(id);
        return user
          ? { displayName: user.displayName, ...(user.userPrincipalName ? { username: user.userPrincipalName } : {}) }
          : undefined;
      },
    });
    ours.add(idp.issuer);
    current = { url: idp.url, issuer: idp.issuer };
    registerDiscovery();
    return {
      name: 'dev-idp',
      env: {
        AUTH_ISSUER: idp.issuer,
        AUTH_AUDIENCE: idp.audience,
        AUTH_JWKS_URL: idp.jwksUrl,
        AUTH_ALLOWED_TENANTS: tenantId,
        TANDEM_DEV_IDP_URL: idp.url,
      },
      describe: `Sign-in (dev)  ${idp.url}/accounts, POST ${idp.url}/token {"userId": "..."}`,
      close: async () => {
        if (current?.url === idp.url) current = undefined;
        await idp.close();
      },
    };
  },
};
