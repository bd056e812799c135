import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createBotRuntime, type BotRuntime } from '../../../bot/src';
import { executeActivity, installActivity, openBotWorld, type BotWorld } from './support/bot-world';
import { TeamsCatalogState } from '../../../functions/src/local/graph-stand-in/teams-catalog';
import { raiseInstallEvents } from '../../../functions/src/local/graph-stand-in/install-events';

const APP_ID = '11111111-2222-3333-4444-555555555555';

/** Publishes a signing key the way login.botframework.com does (OpenID configuration + JWKS). */
async function startKeyPublisher(key: KeyLike, kid: string): Promise<{ url: string; server: Server }> {
  const jwk = { ...(await exportJWK(key)), kid, use: 'sig', endorsements: ['msteams'] };
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
    else res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/jwks` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/openidconfiguration`,
    server,
  };
}

describe('Bot Framework authentication on /api/messages', () => {
  let world: BotWorld;
  let runtime: BotRuntime;
  let publisher: { url: string; server: Server };
  let channelKey: KeyLike;

  beforeAll(async () => {
    world = await openBotWorld();
    const pair = await generateKeyPair('RS256');
    channelKey = pair.privateKey;
    publisher = await startKeyPublisher(pair.publicKey, 'channel-key-1');
    runtime = createBotRuntime(
      {
        appId: APP_ID,
        appType: 'SingleTenant',
        appTenantId: 'tenant-1',
        appPassword: 'not-used-offline',
        openIdMetadataUrl: publisher.url,
      },
      async () => ({ deps: world.deps }),
    );
  });
  afterAll(async () => {
    publisher.server.closeAllConnections();
    await new Promise<void>((resolve) => publisher.server.close(() => resolve()));
    await world.close();
  });

  const token = (key: KeyLike, claims: Record<string, unknown> = {}) =>
    new SignJWT({ serviceurl: world.channel.url, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'channel-key-1' })
      .setIssuer('https://api.botframework.com')
      .setAudience(APP_ID)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  it('is on whenever an app id is configured', () => {
    expect(runtime.authenticated).toBe(true);
  });

  it('rejects a request without an Authorization header and does nothing with it', async () => {
    const answer = await runtime.handle({ method: 'POST', headers: {}, body: installActivity(world, 'mentee-1') });
    expect(answer.status).toBe(401);
    expect(await world.store.conversations.find('mentee-1', 'mentee-1')).toBeUndefined();
  });

  it('rejects a token signed by anyone but the channel', async () => {
    const forger = await generateKeyPair('RS256');
    const answer = await runtime.handle({
      method: 'POST',
      headers: { authorization: `Bearer ${await token(forger.privateKey)}` },
      body: installActivity(world, 'mentee-1'),
    });
    expect(answer.status).toBe(401);
    expect(await world.store.conversations.find('mentee-1', 'mentee-1')).toBeUndefined();
  });

  it('rejects a channel token issued for another bot', async () => {
    const other = await new SignJWT({ serviceurl: world.channel.url })
      .setProtectedHeader({ alg: 'RS256', kid: 'channel-key-1' })
      .setIssuer('https://api.botframework.com')
      .setAudience('another-bot')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(channelKey);
    const answer = await runtime.handle({
      method: 'POST',
      headers: { authorization: `Bearer ${other}` },
      body: executeActivity(world, 'mentee-1', { verb: 'help' }),
    });
    expect(answer.status).toBe(401);
  });

  it('accepts the install event the Graph stand-in raises after an install, signed like the channel, and not unsigned', async () => {
    const catalog = new TeamsCatalogState();
    const [app] = [...catalog.apps.values()];
    const target = { serviceUrl: world.channel.url, botId: '28:tandem-bot', tenantId: 'tenant-1' };
    const answers: number[] = [];
    const events = raiseInstallEvents(catalog, {
      ...target,
      deliver: async (activity) => {
        const signed = answers.length === 0;
        const headers: Record<string, string> = signed ? { authorization: `Bearer ${await token(channelKey)}` } : {};
        answers.push((await runtime.handle({ method: 'POST', headers, body: activity })).status);
      },
    });
    for (const userId of ['mentor-1', 'stranger-1']) {
      catalog.onInstalled.forEach((listener) => listener(userId, app!, 'en-US'));
      await events.settled();
    }
    expect(answers).toEqual([200, 401]);
    expect(await world.store.conversations.find('mentor-1', 'mentor-1')).toBeDefined();
    expect(await world.store.conversations.find('stranger-1', 'stranger-1')).toBeUndefined();
  });

  it('accepts a valid channel token and answers the card action', async () => {
    const answer = await runtime.handle({
      method: 'POST',
      headers: { authorization: `Bearer ${await token(channelKey)}` },
      body: executeActivity(world, 'mentee-1', { verb: 'help' }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Welcome to Tandem');
  });
});
