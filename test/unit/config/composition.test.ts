/**
 * The one composition root (issue #25): `createServices` builds every part from the checked
 * configuration — store, Graph, messenger, bot runtime, clock, matcher — with nothing left to wire
 * later, and it never writes process.env.
 */
import { createServices } from '../../../functions/src/composition';
import { loadConfig } from '../../../functions/src/config';
import { openMemoryStore } from '../../../functions/src/adapters/memory/store';
import { parallelMatcher } from '../../../functions/src/adapters/parallel-matching';
import { inlineMatcher } from '../../../functions/src/ports/matcher';

const memory = () => ({ store: { store: openMemoryStore(), dispose: async () => {} } });
const APP_ID = '3f6c3c9e-6a77-4d0e-9a43-7d5a1b2c0f11';

describe('createServices', () => {
  it('builds every part from the configuration, the bot and the helper-thread matcher included', async () => {
    const before = { ...process.env };
    const services = await createServices(loadConfig({ TEAMS_APP_ID: APP_ID }), memory());
    expect(process.env).toEqual(before);
    expect(services.app.store).toBe(services.store);
    expect(services.app.clock).toBe(services.clock);
    expect(services.app.messenger).toBe(services.messenger);
    expect(services.app.directory).toBe(services.directory);
    expect(services.app.matcher).toBe(parallelMatcher);
    expect(services.app.teamsAppId).toBe(APP_ID);
    expect(services.app.policy).toEqual({ anonymityFloor: 5 });
    // Graph not configured: no source, no connection, and a calendar that says so.
    expect(services.graph).toBeUndefined();
    expect(services.directorySource).toBeUndefined();
    expect(services.app.outlook).toBeUndefined();
    await expect(services.calendar.mailboxSettings(['someone'])).rejects.toThrow(/Graph is not configured/);
    // The bot runtime is part of the services, unauthenticated without MicrosoftAppId (local only).
    expect(services.bot.authenticated).toBe(false);
    expect(services.health.map((c) => c.name)).toEqual(expect.arrayContaining(['store', 'bot']));
  });

  it('takes the bot, the Graph and the fan-out settings from the configuration', async () => {
    const services = await createServices(
      loadConfig({
        MicrosoftAppId: 'b0b0',
        MicrosoftAppPassword: 'secret',
        BOT_RATE_PER_TENANT: '20',
        GRAPH_BASE_URL: 'https://graph.example.test',
        GRAPH_ACCESS_TOKEN: 't',
        GRAPH_NOTIFICATION_URL: 'https://tandem.example.test/api/graph/notifications',
        ANONYMITY_THRESHOLD_FLOOR: '7',
      }),
      memory(),
    );
    expect(services.config.bot).toMatchObject({
      appId: 'b0b0',
      appPassword: 'secret',
      fanout: { perTenantPerSecond: 20 },
    });
    expect(services.bot.authenticated).toBe(true);
    expect(services.graph?.baseUrl).toBe('https://graph.example.test');
    expect(services.directorySource).toBeDefined();
    expect(services.app.outlook?.notificationUrl).toBe('https://tandem.example.test/api/graph/notifications');
    expect(services.app.mailboxes).toBe(services.calendar);
    expect(services.app.policy).toEqual({ anonymityFloor: 7 });
  });

  it('uses the parts a caller supplies in place of the production ones', async () => {
    const clock = { now: () => new Date('2026-03-02T08:00:00.000Z') };
    const directory = { getUsers: async () => [], getUser: async () => undefined } as never;
    const services = await createServices(loadConfig({}), { ...memory(), clock, directory, matcher: inlineMatcher });
    expect(services.clock).toBe(clock);
    expect(services.app.clock).toBe(clock);
    expect(services.app.directory).toBe(directory);
    expect(services.app.matcher).toBe(inlineMatcher);
  });
});
