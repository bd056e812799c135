/**
 * The app's configuration, read from the environment once at start-up and checked. Every variable
 * is listed in the README and in .env.example; infra/ sets the same names in Azure.
 */
import { join } from 'node:path';

export interface CosmosConfig {
  /** Unset → the embedded local Cosmos DB (never in Azure). */
  endpoint?: string;
  /** Unset with an endpoint → Entra auth with DefaultAzureCredential (managed identity in Azure). */
  key?: string;
  database: string;
}

export interface BotConfig {
  appId?: string;
  appType?: string;
  appTenantId?: string;
  hasPassword: boolean;
}

/** Bearer token validation for the API (Entra ID, or the local development identity provider). */
export interface AuthConfig {
  /** Expected issuer; may contain `{tenantid}` for multi-tenant apps. Unset → no token is accepted. */
  issuer?: string;
  /** Accepted `aud` values: the app's client id and its api:// URI. */
  audiences: string[];
  jwksUrl?: string;
  /** Tenant ids whose tokens are accepted (`tid`). */
  allowedTenants: string[];
  /** True when issuer, audience and JWKS are all set. */
  configured: boolean;
}

export interface AppConfig {
  /** True inside Azure Functions / App Service (WEBSITE_INSTANCE_ID is set there). */
  inAzure: boolean;
  cosmos: CosmosConfig;
  /** Folder for local data (the embedded store's snapshot); git-ignored. */
  dataDir: string;
  /** The Entra tenant whose directory Tandem reads (partition of the directory container). */
  tenantId: string;
  bot: BotConfig;
  /** Local port of `npm start`. */
  port: number;
  auth: AuthConfig;
}

export class ConfigError extends Error {}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (optional(env, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The tenant named in a Microsoft issuer (either form), if any. */
export function tenantOfIssuer(issuer: string): string | undefined {
  const m = /^https:\/\/(?:login\.microsoftonline\.com\/([^/]+)\/v2\.0|sts\.windows\.net\/([^/]+)\/)$/.exec(issuer);
  const tid = m?.[1] ?? m?.[2];
  return tid && tid !== '{tenantid}' ? tid : undefined;
}

export function loadAuthConfig(env: NodeJS.ProcessEnv, inAzure: boolean): AuthConfig {
  const issuer = optional(env, 'AUTH_ISSUER');
  const jwksUrl = optional(env, 'AUTH_JWKS_URL');
  const given = list(env, 'AUTH_AUDIENCE');
  if (issuer && !/^https?:\/\/[^\s]+$/.test(issuer))
    throw new ConfigError(`AUTH_ISSUER must be a URL, got "${issuer}".`);
  if (jwksUrl && !/^https?:\/\/[^\s]+$/.test(jwksUrl))
    throw new ConfigError(`AUTH_JWKS_URL must be a URL, got "${jwksUrl}".`);
  // NOTE: a loopback identity provider is the local development one; Azure must never trust it.
  const loopback = (url?: string) => Boolean(url && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(url));
  if (inAzure && (loopback(issuer) || loopback(jwksUrl)))
    throw new ConfigError(
      'AUTH_ISSUER / AUTH_JWKS_URL point at a loopback identity provider; that is for local use only.',
    );
  if (inAzure && ((issuer && !issuer.startsWith('https://')) || (jwksUrl && !jwksUrl.startsWith('https://'))))
    throw new ConfigError('AUTH_ISSUER and AUTH_JWKS_URL must be https URLs in Azure.');
  // The client id and its api:// URI are the same app: accept both forms of the audience.
  const audiences = new Set(given);
  for (const a of given) {
    if (GUID.test(a)) audiences.add(`api://${a}`);
    const last = a.startsWith('api://') ? a.split('/').pop() : undefined;
    if (last && GUID.test(last)) audiences.add(last);
  }
  const tenants = list(env, 'AUTH_ALLOWED_TENANTS');
  const issuerTenant = issuer ? (tenantOfIssuer(issuer) ?? /\/([^/]+)\/v2\.0\/?$/.exec(issuer)?.[1]) : undefined;
  const allowedTenants = tenants.length ? tenants : issuerTenant && issuerTenant !== '{tenantid}' ? [issuerTenant] : [];
  if (issuer?.includes('{tenantid}') && !tenants.length)
    throw new ConfigError(
      'AUTH_ISSUER is multi-tenant ({tenantid}); name the accepted tenants in AUTH_ALLOWED_TENANTS.',
    );
  return {
    ...(issuer ? { issuer } : {}),
    audiences: [...audiences],
    ...(jwksUrl ? { jwksUrl } : {}),
    allowedTenants,
    configured: Boolean(issuer && jwksUrl && audiences.size && allowedTenants.length),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const inAzure = Boolean(optional(env, 'WEBSITE_INSTANCE_ID'));
  const endpoint = optional(env, 'COSMOS_ENDPOINT');
  if (endpoint && !/^https?:\/\/[^\s]+$/.test(endpoint))
    throw new ConfigError(`COSMOS_ENDPOINT must be a URL, got "${endpoint}".`);
  const portText = optional(env, 'PORT') ?? '7071';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, got "${portText}".`);
  const key = optional(env, 'COSMOS_KEY');
  const appId = optional(env, 'MicrosoftAppId');
  const appType = optional(env, 'MicrosoftAppType');
  const appTenantId = optional(env, 'MicrosoftAppTenantId');
  return {
    inAzure,
    cosmos: {
      ...(endpoint ? { endpoint } : {}),
      ...(key ? { key } : {}),
      database: optional(env, 'COSMOS_DATABASE') ?? 'tandem',
    },
    dataDir: optional(env, 'TANDEM_DATA_DIR') ?? join(process.cwd(), '.tandem'),
    tenantId: optional(env, 'TANDEM_TENANT_ID') ?? optional(env, 'AZURE_TENANT_ID') ?? 'local',
    bot: {
      ...(appId ? { appId } : {}),
      ...(appType ? { appType } : {}),
      ...(appTenantId ? { appTenantId } : {}),
      hasPassword: Boolean(optional(env, 'MicrosoftAppPassword')),
    },
    port,
    auth: loadAuthConfig(env, inAzure),
  };
}
