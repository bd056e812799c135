import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import {
  ClientAssertionCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
} from '@azure/identity';
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

/** Audience of the managed identity's token that an Entra app's federated credential trusts. */
export const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';

/**
 * The Entra credential for app-only Graph access:
 * - the Entra app with a client secret (GRAPH_CLIENT_ID + GRAPH_CLIENT_SECRET + tenant);
 * - the Entra app through its federated credential, asserted by the user-assigned managed identity
 *   (GRAPH_CLIENT_ID + GRAPH_MANAGED_IDENTITY_CLIENT_ID + tenant, no secret: what infra/ deploys, since
 *   the Graph permissions belong to the app registration, not to the identity);
 * - the managed identity itself (GRAPH_MANAGED_IDENTITY_CLIENT_ID alone) or DefaultAzureCredential.
 */
export function graphCredential(config: GraphConfig): TokenCredential {
  if (config.clientId && config.clientSecret && config.tenantId)
    return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
  if (config.clientId && config.managedIdentityClientId && config.tenantId) {
    const identity = new ManagedIdentityCredential({ clientId: config.managedIdentityClientId });
    return new ClientAssertionCredential(config.tenantId, config.clientId, async () => {
      const token = await identity.getToken(TOKEN_EXCHANGE_SCOPE);
      if (!token) throw new Error('The managed identity returned no token for the federated credential.');
      return token.token;
    });
  }
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
