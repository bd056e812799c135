import {
  ClientAssertionCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
} from '@azure/identity';
import { graphCredential } from '../../../functions/src/adapters/graph/client';
import { loadGraphConfig } from '../../../functions/src/config';

const base = {
  baseUrl: 'https://graph.microsoft.com',
  configured: true,
  timeoutMs: 1000,
  maxRetries: 1,
  fullResyncDays: 7,
};

describe('the Graph credential', () => {
  it('signs in as the Entra app with its secret when one is configured', () => {
    expect(graphCredential({ ...base, tenantId: 't', clientId: 'app', clientSecret: 's' })).toBeInstanceOf(
      ClientSecretCredential,
    );
  });

  it('signs in as the Entra app through its federated credential when the managed identity is named (as infra deploys it)', () => {
    expect(graphCredential({ ...base, tenantId: 't', clientId: 'app', managedIdentityClientId: 'mi' })).toBeInstanceOf(
      ClientAssertionCredential,
    );
  });

  it('falls back to the managed identity itself, then to DefaultAzureCredential', () => {
    expect(graphCredential({ ...base, managedIdentityClientId: 'mi' })).toBeInstanceOf(ManagedIdentityCredential);
    expect(graphCredential(base)).toBeInstanceOf(DefaultAzureCredential);
  });

  it('reads the app settings infra sets into that federated configuration', () => {
    const config = loadGraphConfig(
      { GRAPH_CLIENT_ID: 'app', GRAPH_MANAGED_IDENTITY_CLIENT_ID: 'mi', AZURE_TENANT_ID: 't' },
      true,
    );
    expect(graphCredential(config)).toBeInstanceOf(ClientAssertionCredential);
  });
});
