import { ConfigError, isLoopbackUrl, loadAuthConfig, loadConfig } from '../../../functions/src/config';

const AZURE = { WEBSITE_INSTANCE_ID: 'instance-1', COSMOS_ENDPOINT: 'https://tandem.documents.azure.com:443/' };
const BOT_MSI = {
  MicrosoftAppId: 'b0b0b0b0-0000-4000-8000-000000000001',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: 'contoso',
};

/** Every spelling of this machine that an issuer or key URL might use. */
const LOOPBACK_SPELLINGS = [
  'https://localhost/t/v2.0',
  'https://LOCALHOST/t/v2.0',
  'https://LocalHost:8443/t/v2.0',
  'https://localhost./t/v2.0',
  'https://localhost.:443/t/v2.0',
  'https://tandem.localhost/t/v2.0',
  'https://localhost.localdomain/t/v2.0',
  'https://127.0.0.1/t/v2.0',
  'https://127.0.0.2/t/v2.0',
  'https://127.255.255.254/t/v2.0',
  'https://127.1/t/v2.0',
  'https://0x7f.1/t/v2.0',
  'https://0177.0.0.1/t/v2.0',
  'https://2130706433/t/v2.0',
  'https://0.0.0.0/t/v2.0',
  'https://0/t/v2.0',
  'https://[::1]/t/v2.0',
  'https://[0:0:0:0:0:0:0:1]/t/v2.0',
  'https://[::]/t/v2.0',
  'https://[::ffff:127.0.0.1]/t/v2.0',
  'https://[::ffff:7f00:2]/t/v2.0',
  'https://[::127.0.0.1]/t/v2.0',
  'http://127.0.0.1:5000/local/v2.0',
];

const REMOTE = [
  'https://login.microsoftonline.com/contoso/v2.0',
  'https://sts.windows.net/contoso/',
  'https://10.0.0.1/t/v2.0',
  'https://128.0.0.1/t/v2.0',
  'https://[2001:db8::1]/t/v2.0',
  'https://[::ffff:8.8.8.8]/t/v2.0',
  'https://localhost.contoso.com/t/v2.0',
  'https://mylocalhost/t/v2.0',
];

describe('isLoopbackUrl', () => {
  it.each(LOOPBACK_SPELLINGS)('treats %s as this machine', (url) => expect(isLoopbackUrl(url)).toBe(true));
  it.each(REMOTE)('treats %s as another machine', (url) => expect(isLoopbackUrl(url)).toBe(false));
});

describe('configuration that must not run in Azure', () => {
  it.each(LOOPBACK_SPELLINGS.filter((u) => u.startsWith('https:')))(
    'refuses AUTH_ISSUER %s in Azure, and accepts it locally',
    (issuer) => {
      const env = {
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: 'api://tandem',
        AUTH_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
        AUTH_ALLOWED_TENANTS: 't',
      };
      expect(() => loadAuthConfig(env, true)).toThrow(/loopback identity provider/);
      expect(loadAuthConfig(env, false).issuer).toBe(issuer);
    },
  );

  it('refuses a loopback AUTH_JWKS_URL in Azure even with a real issuer', () => {
    const env = {
      AUTH_ISSUER: 'https://login.microsoftonline.com/contoso/v2.0',
      AUTH_AUDIENCE: 'api://tandem',
      AUTH_JWKS_URL: 'https://127.1:8443/keys',
    };
    expect(() => loadAuthConfig(env, true)).toThrow(ConfigError);
  });

  it('accepts Entra ID as the issuer in Azure', () => {
    const env = {
      AUTH_ISSUER: 'https://login.microsoftonline.com/contoso/v2.0',
      AUTH_AUDIENCE: 'api://tandem',
      AUTH_JWKS_URL: 'https://login.microsoftonline.com/contoso/discovery/v2.0/keys',
    };
    expect(loadAuthConfig(env, true).configured).toBe(true);
  });

  it('refuses a loopback GRAPH_BASE_URL in Azure (the Graph stand-in is local only)', () => {
    expect(() => loadConfig({ ...AZURE, ...BOT_MSI, GRAPH_BASE_URL: 'https://127.0.0.1:8443' })).toThrow(
      /local use only/,
    );
    expect(loadConfig({ GRAPH_BASE_URL: 'https://127.0.0.1:8443' }).graph.baseUrl).toBe('https://127.0.0.1:8443');
  });
});

describe('the bot credential', () => {
  it('refuses MicrosoftAppId without a credential, naming what to set', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'b0b0' })).toThrow(/no credential: set MicrosoftAppPassword/);
    expect(() =>
      loadConfig({ MicrosoftAppId: 'b0b0', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }),
    ).toThrow(ConfigError);
  });

  it('refuses a managed identity bot without its tenant, a single-tenant bot without its tenant, and an unknown type', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'b0b0', MicrosoftAppType: 'UserAssignedMSI' })).toThrow(
      /MicrosoftAppTenantId/,
    );
    expect(() =>
      loadConfig({ MicrosoftAppId: 'b0b0', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'p' }),
    ).toThrow(/MicrosoftAppTenantId/);
    expect(() =>
      loadConfig({ MicrosoftAppId: 'b0b0', MicrosoftAppType: 'Federated', MicrosoftAppPassword: 'p' }),
    ).toThrow(/MicrosoftAppType must be one of/);
  });

  it('refuses a bot credential without an app id (half a configuration)', () => {
    expect(() => loadConfig({ MicrosoftAppPassword: 'secret' })).toThrow(/without MicrosoftAppId/);
    // .env.example names the type with every other bot setting empty: that is no bot, not a mistake.
    expect(loadConfig({ MicrosoftAppType: 'UserAssignedMSI' }).bot.appId).toBeUndefined();
  });

  it('accepts a managed identity, a secret, and no bot at all (local)', () => {
    expect(loadConfig(BOT_MSI).bot).toMatchObject({ appId: BOT_MSI.MicrosoftAppId, appType: 'UserAssignedMSI' });
    expect(loadConfig({ MicrosoftAppId: 'b0b0', MicrosoftAppPassword: 'p' }).bot.hasPassword).toBe(true);
    expect(
      loadConfig({
        MicrosoftAppId: 'b0b0',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: 't',
        MicrosoftAppPassword: 'p',
      }).bot.appId,
    ).toBe('b0b0');
    expect(loadConfig({}).bot).toEqual({ hasPassword: false, fanout: {} });
  });
});

describe('the Functions app entry point', () => {
  it('refuses to load with settings the app must not run with, naming the reason', () => {
    const before = process.env.MicrosoftAppId;
    process.env.MicrosoftAppId = 'b0b0';
    try {
      jest.isolateModules(() => {
        expect(() => jest.requireActual('../../../functions/src/index')).toThrow(/MicrosoftAppPassword/);
      });
    } finally {
      if (before === undefined) delete process.env.MicrosoftAppId;
      else process.env.MicrosoftAppId = before;
    }
  });
});

describe('the anonymity floor', () => {
  it('is 5 unless the organisation sets another from 2 to 100', () => {
    expect(loadConfig({}).policy.anonymityFloor).toBe(5);
    expect(loadConfig({ ANONYMITY_THRESHOLD_FLOOR: '10' }).policy.anonymityFloor).toBe(10);
    for (const bad of ['1', '0', '101', 'five', '2.5'])
      expect(() => loadConfig({ ANONYMITY_THRESHOLD_FLOOR: bad })).toThrow(ConfigError);
  });
});

describe('the Graph notification URL', () => {
  const graphOf = (env: NodeJS.ProcessEnv) => loadConfig(env).graph;

  it('is unset by default (read-back only), and accepts a public https URL', () => {
    expect(graphOf({}).notificationUrl).toBeUndefined();
    const url = 'https://func-tandem.azurewebsites.net/api/graph/notifications';
    expect(graphOf({ GRAPH_NOTIFICATION_URL: url }).notificationUrl).toBe(url);
    expect(graphOf({ GRAPH_NOTIFICATION_URL: url, WEBSITE_INSTANCE_ID: 'x' }).notificationUrl).toBe(url);
  });

  it('takes plain http only to this machine outside Azure (the stand-in calls it), never in Azure', () => {
    const local = 'http://localhost:7071/api/graph/notifications';
    expect(graphOf({ GRAPH_NOTIFICATION_URL: local }).notificationUrl).toBe(local);
    expect(() => graphOf({ GRAPH_NOTIFICATION_URL: local, WEBSITE_INSTANCE_ID: 'x' })).toThrow(ConfigError);
    expect(() => graphOf({ GRAPH_NOTIFICATION_URL: 'http://tandem.example.com/api/graph/notifications' })).toThrow(
      /must be https/,
    );
    expect(() => graphOf({ GRAPH_NOTIFICATION_URL: 'not a url' })).toThrow(/must be a URL/);
  });
});
