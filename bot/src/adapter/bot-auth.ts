/**
 * Bot Framework authentication from the app's settings: MicrosoftAppId / MicrosoftAppType /
 * MicrosoftAppTenantId / MicrosoftAppPassword (checked once by the app's configuration,
 * functions/src/config.ts `bot`), as `ConfigurationBotFrameworkAuthentication` reads them (SingleTenant with a secret, or UserAssignedMSI with the managed identity's client id).
 * Without an app id authentication is off, which only the local stack may run with.
 */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

export interface BotAuthSettings {
  appId?: string;
  appType?: string;
  appTenantId?: string;
  appPassword?: string;
  /** Where the channel's signing keys are published (tests point it at a local stand-in). */
  openIdMetadataUrl?: string;
}

export function isAuthenticationOn(settings: BotAuthSettings): boolean {
  return Boolean(settings.appId);
}

/**
 * The CloudAdapter for our settings. NOTE: the connector's own HTTP retries are removed per send
 * (see channel/teams-channel.ts) so the fan-out alone decides on retries and counts them.
 */
export function createCloudAdapter(settings: BotAuthSettings): {
  adapter: CloudAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
} {
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(settings.appId ? { MicrosoftAppId: settings.appId } : {}),
    ...(settings.appType ? { MicrosoftAppType: settings.appType } : {}),
    ...(settings.appTenantId ? { MicrosoftAppTenantId: settings.appTenantId } : {}),
    ...(settings.appPassword ? { MicrosoftAppPassword: settings.appPassword } : {}),
    ...(settings.openIdMetadataUrl ? publicCloudWith(settings.openIdMetadataUrl) : {}),
  });
  return { adapter: new CloudAdapter(auth), auth };
}

/**
 * NOTE: once any endpoint is overridden, the SDK builds its authentication from the given values
 * only (the "custom channel" mode), so the other public-cloud values must be named as well.
 */
function publicCloudWith(openIdMetadataUrl: string): Record<string, string | boolean> {
  // Values of botframework-connector's AuthenticationConstants (not re-exported by botbuilder).
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}
