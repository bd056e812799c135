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
}

export class ConfigError extends Error {}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
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
  };
}
