import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { ClientSecretCredential, DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { GraphConfig } from '../../config';
import { ResilienceHandler, type GraphStats, type ResilienceOptions } from './resilience';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A Graph client with its counters and the host links may point to. */
export interface GraphConnection {
  client: Client;
  stats: GraphStats;
  /** e.g. https://graph.microsoft.com (no version). */
  baseUrl: string;
  /** Checks that a nextLink/deltaLink points at the configured host before the client follows it. */
  ownsLink(link: string): boolean;
}

/** The Entra credential for app-only Graph access: client secret, user-assigned or default (managed identity). */
export function graphCredential(config: GraphConfig): TokenCredential {
  if (config.clientId && config.clientSecret && config.tenantId)
    return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
  if (config.managedIdentityClientId)
    return new ManagedIdentityCredential({ clientId: config.managedIdentityClientId });
  return new DefaultAzureCredential();
}

function authProvider(config: GraphConfig): AuthenticationProvider {
  if (config.accessToken) {
    const token = config.accessToken;
    return { getAccessToken: async () => token };
  }
  return new TokenCredentialAuthenticationProvider(graphCredential(config), { scopes: [GRAPH_SCOPE] });
}

/**
 * Builds the client: our resilience middleware (timeout, Retry-After, backoff, counters), the SDK's
 * AuthenticationHandler and its fetch. The SDK attaches the bearer token only to https hosts it
 * knows, so a custom GRAPH_BASE_URL host is registered as a custom host (name without port).
 */
export function createGraphConnection(config: GraphConfig, options: ResilienceOptions = {}): GraphConnection {
  const stats: GraphStats = { requests: 0, throttled: 0, retries: 0 };
  const url = new URL(config.baseUrl);
  const resilience = new ResilienceHandler(stats, {
    maxRetries: config.maxRetries,
    timeoutMs: config.timeoutMs,
    ...options,
  });
  const client = Client.initWithMiddleware({
    baseUrl: `${url.origin}/`,
    defaultVersion: 'v1.0',
    middleware: [resilience, new AuthenticationHandler(authProvider(config)), new HTTPMessageHandler()],
    customHosts: new Set([url.hostname]),
  });
  return {
    client,
    stats,
    baseUrl: url.origin,
    ownsLink: (link) => {
      try {
        return new URL(link).origin === url.origin;
      } catch {
        return false;
      }
    },
  };
}
