/**
 * The app's configuration, read from the environment once at start-up and checked. Every variable
 * is listed in the README and in .env.example; infra/ sets the same names in Azure.
 */
import { join } from 'node:path';
import { isIPv6 } from 'node:net';
import { DEFAULT_ANONYMITY_FLOOR, MIN_ANONYMITY_THRESHOLD } from './core/model';

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
  /** MicrosoftAppPassword (the bot's client secret); never logged or shown. */
  appPassword?: string;
  hasPassword: boolean;
  /** BotOpenIdMetadata: where the channel's signing keys are published (tests point it at a stand-in). */
  openIdMetadataUrl?: string;
  /** The outbox fan-out's limits; unset values take the bot's defaults (bot/src/fanout/settings.ts). */
  fanout: BotFanoutConfig;
}

/**
 * BOT_RATE_PER_CONVERSATION (messages per second, default 7), BOT_RATE_PER_TENANT (default 50),
 * BOT_FANOUT_CONCURRENCY (default 200), BOT_FANOUT_MAX_ATTEMPTS (default 8).
 */
export interface BotFanoutConfig {
  perConversationPerSecond?: number;
  perTenantPerSecond?: number;
  concurrency?: number;
  maxAttempts?: number;
}

/** Microsoft Graph (directory and calendars); see docs/graph.md. */
export interface GraphConfig {
  /** Root of a Graph-compatible https endpoint, without the version (default https://graph.microsoft.com). */
  baseUrl: string;
  /** A static bearer token (stand-ins); unset → an Entra credential below. */
  accessToken?: string;
  /** App registration for ClientSecretCredential (with clientSecret), else managed identity / DefaultAzureCredential. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Client id of a user-assigned managed identity (ManagedIdentityCredential). */
  managedIdentityClientId?: string;
  /** True when the operator set any Graph setting, or in Azure (managed identity): no local stand-in then. */
  configured: boolean;
  timeoutMs: number;
  maxRetries: number;
  /** Days between full directory resyncs (the delta manager signal is not fully reliable). */
  fullResyncDays: number;
  /** GRAPH_NOTIFICATION_URL: the public https URL of /api/graph/notifications; unset → no subscriptions (read-back only). */
  notificationUrl?: string;
  /**
   * TEAMS_APP_ID: the Teams app's manifest id (Graph: externalId). With it Tandem installs the app for
   * invitees; the org catalog's own id is looked up from it (AppCatalog.Read.All), never configured.
   */
  teamsAppId?: string;
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

/** Rules the organisation sets for every programme. */
export interface PolicyConfig {
  /** ANONYMITY_THRESHOLD_FLOOR: no programme's anonymity threshold may be lower (2–100, default 5). */
  anonymityFloor: number;
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
  graph: GraphConfig;
  policy: PolicyConfig;
}

export class ConfigError extends Error {}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = optional(env, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, got "${text}".`);
  return value;
}

const GRAPH_SETTINGS = [
  'GRAPH_BASE_URL',
  'GRAPH_ACCESS_TOKEN',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'GRAPH_MANAGED_IDENTITY_CLIENT_ID',
];

/**
 * Where Graph posts change notifications: https (Graph delivers nowhere else); plain http only to this
 * machine outside Azure, where the Graph stand-in is the caller (npm start).
 */
function notificationUrlOf(value: string | undefined, inAzure: boolean): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`GRAPH_NOTIFICATION_URL must be a URL, got "${value}".`);
  }
  const local = isLoopbackUrl(value);
  if (inAzure && local)
    throw new ConfigError(`GRAPH_NOTIFICATION_URL points at this machine (${value}): Graph cannot reach it.`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new ConfigError(`GRAPH_NOTIFICATION_URL must be https (Graph delivers only there), got "${value}".`);
  return url.toString();
}

export function loadGraphConfig(env: NodeJS.ProcessEnv, inAzure: boolean): GraphConfig {
  const baseUrl = (optional(env, 'GRAPH_BASE_URL') ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(baseUrl))
    throw new ConfigError(
      `GRAPH_BASE_URL must be an https URL (Graph tokens are only sent over https), got "${baseUrl}".`,
    );
  if (/\/v1\.0$|\/beta$/.test(baseUrl))
    throw new ConfigError(
      `GRAPH_BASE_URL is the root without the version (e.g. https://graph.microsoft.com), got "${baseUrl}".`,
    );
  if (inAzure && isLoopbackUrl(baseUrl))
    throw new ConfigError(
      `GRAPH_BASE_URL points at this machine (${baseUrl}): the Graph stand-in is for local use only.`,
    );
  const pick = (name: string) => optional(env, name);
  const accessToken = pick('GRAPH_ACCESS_TOKEN');
  const tenantId = pick('GRAPH_TENANT_ID') ?? pick('AZURE_TENANT_ID');
  const clientId = pick('GRAPH_CLIENT_ID');
  const clientSecret = pick('GRAPH_CLIENT_SECRET');
  const managedIdentityClientId = pick('GRAPH_MANAGED_IDENTITY_CLIENT_ID');
  if (clientSecret && (!clientId || !tenantId))
    throw new ConfigError('GRAPH_CLIENT_SECRET needs GRAPH_CLIENT_ID and GRAPH_TENANT_ID (or AZURE_TENANT_ID).');
  const teamsAppId = pick('TEAMS_APP_ID');
  if (teamsAppId && !GUID.test(teamsAppId))
    throw new ConfigError(`TEAMS_APP_ID must be the manifest id (a GUID) of the Teams app, got "${teamsAppId}".`);
  const notificationUrl = notificationUrlOf(pick('GRAPH_NOTIFICATION_URL'), inAzure);
  return {
    baseUrl,
    ...(notificationUrl ? { notificationUrl } : {}),
    ...(accessToken ? { accessToken } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(managedIdentityClientId ? { managedIdentityClientId } : {}),
    configured: inAzure || GRAPH_SETTINGS.some((name) => pick(name) !== undefined),
    timeoutMs: positiveInt(env, 'GRAPH_TIMEOUT_MS', 30_000),
    maxRetries: positiveInt(env, 'GRAPH_MAX_RETRIES', 8),
    fullResyncDays: positiveInt(env, 'GRAPH_FULL_RESYNC_DAYS', 7),
    ...(teamsAppId ? { teamsAppId } : {}),
  };
}

/** The 16 bytes of an IPv6 address (node's isIPv6 has checked it), embedded IPv4 included. */
function ipv6Bytes(address: string): number[] {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/**
 * Whether a URL names this machine, in any spelling: localhost in any case, with a trailing dot or
 * as a *.localhost name (RFC 6761), 127.0.0.0/8 and 0.0.0.0/8 in any IPv4 notation (the URL parser
 * turns "127.1" or "0x7f.1" into dotted decimal), ::1, ::, and IPv4-mapped or -compatible forms of
 * those. A URL that does not parse counts as local too: it can never be a real identity provider.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return true;
  }
  host = host.replace(/\.+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain') return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host.startsWith('127.') || host.startsWith('0.');
  const v6 = host.replace(/^\[|\]$/g, '');
  if (!isIPv6(v6)) return false;
  const b = ipv6Bytes(v6);
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(15) && (b[15] === 1 || b[15] === 0)) return true;
  const mapped = zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff;
  const compatible = zeroUpTo(12);
  return (mapped || compatible) && (b[12] === 127 || b[12] === 0);
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
  const loopback = (url?: string) => Boolean(url && isLoopbackUrl(url));
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

/** The Azure Bot's credential must come with its app id: without one every message would fail (500). */
export function loadBotConfig(env: NodeJS.ProcessEnv): BotConfig {
  const appId = optional(env, 'MicrosoftAppId');
  const appType = optional(env, 'MicrosoftAppType');
  const appTenantId = optional(env, 'MicrosoftAppTenantId');
  const hasPassword = Boolean(optional(env, 'MicrosoftAppPassword'));
  if (appId) {
    const types = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'];
    if (appType && !types.includes(appType))
      throw new ConfigError(`MicrosoftAppType must be one of ${types.join(', ')}, got "${appType}".`);
    if (appType === 'UserAssignedMSI' ? !appTenantId : !hasPassword)
      throw new ConfigError(
        appType === 'UserAssignedMSI'
          ? 'MicrosoftAppType is UserAssignedMSI but MicrosoftAppTenantId is not set: the bot cannot get a token.'
          : `MicrosoftAppId is set but the bot has no credential: set MicrosoftAppPassword (${appType ?? 'MultiTenant'}), or MicrosoftAppType=UserAssignedMSI with MicrosoftAppTenantId for a managed identity.`,
      );
    if (appType === 'SingleTenant' && !appTenantId)
      throw new ConfigError('MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is not set.');
  } else if (hasPassword) {
    throw new ConfigError('MicrosoftAppPassword is set without MicrosoftAppId: name the bot the secret belongs to.');
  }
  const appPassword = optional(env, 'MicrosoftAppPassword');
  const openIdMetadataUrl = optional(env, 'BotOpenIdMetadata');
  return {
    ...(appId ? { appId } : {}),
    ...(appType ? { appType } : {}),
    ...(appTenantId ? { appTenantId } : {}),
    ...(appPassword ? { appPassword } : {}),
    hasPassword,
    ...(openIdMetadataUrl ? { openIdMetadataUrl } : {}),
    fanout: loadFanoutConfig(env),
  };
}

/** A number above 0 and at most `max`, or undefined when the setting is not given. */
function boundedNumber(env: NodeJS.ProcessEnv, name: string, max: number): number | undefined {
  const text = optional(env, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new ConfigError(`${name} must be a number above 0 and at most ${max}, got "${text}".`);
  return value;
}

function loadFanoutConfig(env: NodeJS.ProcessEnv): BotFanoutConfig {
  const perConversationPerSecond = boundedNumber(env, 'BOT_RATE_PER_CONVERSATION', 1000);
  const perTenantPerSecond = boundedNumber(env, 'BOT_RATE_PER_TENANT', 10_000);
  const concurrency = boundedNumber(env, 'BOT_FANOUT_CONCURRENCY', 2000);
  const maxAttempts = boundedNumber(env, 'BOT_FANOUT_MAX_ATTEMPTS', 50);
  return {
    ...(perConversationPerSecond !== undefined ? { perConversationPerSecond } : {}),
    ...(perTenantPerSecond !== undefined ? { perTenantPerSecond } : {}),
    ...(concurrency !== undefined ? { concurrency: Math.round(concurrency) } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts: Math.round(maxAttempts) } : {}),
  };
}

function anonymityFloor(env: NodeJS.ProcessEnv): number {
  const floor = positiveInt(env, 'ANONYMITY_THRESHOLD_FLOOR', DEFAULT_ANONYMITY_FLOOR);
  if (floor < MIN_ANONYMITY_THRESHOLD || floor > 100)
    throw new ConfigError(
      `ANONYMITY_THRESHOLD_FLOOR must be from ${MIN_ANONYMITY_THRESHOLD} to 100 (reports never show smaller groups), got ${floor}.`,
    );
  return floor;
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
  return {
    inAzure,
    cosmos: {
      ...(endpoint ? { endpoint } : {}),
      ...(key ? { key } : {}),
      database: optional(env, 'COSMOS_DATABASE') ?? 'tandem',
    },
    dataDir: optional(env, 'TANDEM_DATA_DIR') ?? join(process.cwd(), '.tandem'),
    tenantId: optional(env, 'TANDEM_TENANT_ID') ?? optional(env, 'AZURE_TENANT_ID') ?? 'local',
    bot: loadBotConfig(env),
    port,
    graph: loadGraphConfig(env, inAzure),
    auth: loadAuthConfig(env, inAzure),
    policy: { anonymityFloor: anonymityFloor(env) },
  };
}
