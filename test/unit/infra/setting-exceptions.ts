/**
 * Settings the code reads that the templates deliberately do not set, each with the reason. The
 * one place to extend when a new local-only or platform-provided setting appears.
 */
export type ExceptionKind = 'platform' | 'local-only' | 'must-stay-unset';

export const SETTING_EXCEPTIONS: Record<string, { kind: ExceptionKind; reason: string }> = {
  WEBSITE_INSTANCE_ID: { kind: 'platform', reason: 'set by Azure Functions on every instance' },
  PORT: { kind: 'local-only', reason: 'port of npm start' },
  TANDEM_DATA_DIR: { kind: 'local-only', reason: 'folder of the embedded store snapshot (npm start)' },
  COSMOS_KEY: {
    kind: 'must-stay-unset',
    reason: 'account keys are disabled; the managed identity has the Cosmos DB data-plane role',
  },
  MicrosoftAppPassword: {
    kind: 'must-stay-unset',
    reason: 'the bot is UserAssignedMSI: it authenticates as the managed identity, no password exists',
  },
  GRAPH_CLIENT_SECRET: {
    kind: 'must-stay-unset',
    reason: 'Graph sign-in uses the Entra app federated credential trusting the managed identity',
  },
  GRAPH_ACCESS_TOKEN: { kind: 'must-stay-unset', reason: 'static token for the local Graph stand-in only' },
  BotOpenIdMetadata: {
    kind: 'local-only',
    reason:
      "where the channel's signing keys are published: unset in Azure (the Bot Framework's own); tests point it at a stand-in",
  },
};
