import { HttpRequest, InvocationContext } from '@azure/functions';
import { messages } from '../../../functions/src/http/messages';
import { createServices, setServices } from '../../../functions/src/composition';
import { loadConfig } from '../../../functions/src/config';
import { openMemoryStore } from '../../../functions/src/adapters/memory/store';
import type { BotRuntime } from '../../../bot/src';

function request(body: string): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    url: 'http://localhost/api/messages',
    headers: { 'content-type': 'application/json' },
    body: { string: body },
  });
}

const context = () => new InvocationContext({ invocationId: 'test', functionName: 'messages' });

describe('POST /api/messages', () => {
  const handled: unknown[] = [];
  const runtime: BotRuntime = {
    authenticated: false,
    handle: async (req) => {
      handled.push(req.body);
      return { status: 200, headers: {} };
    },
    drain: async () => ({
      sent: 0,
      retried: 0,
      failed: 0,
      waiting: 0,
      dropped: 0,
      uncertain: 0,
      errors: 0,
      remaining: 0,
    }),
  };
  /** The app the composition root builds for `env`, with this test's bot in place of the real one. */
  const install = async (env: NodeJS.ProcessEnv) =>
    setServices(
      await createServices(loadConfig(env), {
        store: { store: openMemoryStore(), dispose: async () => {} },
        bot: runtime,
      }),
    );
  beforeEach(() => {
    handled.length = 0;
  });

  it('refuses every message in Azure when no MicrosoftAppId is configured (never an unauthenticated bot)', async () => {
    await install({ WEBSITE_INSTANCE_ID: 'x', COSMOS_ENDPOINT: 'https://example.documents.azure.com' });
    const res = await messages(request('{"type":"message"}'), context());
    expect(res.status).toBe(503);
    expect(handled).toHaveLength(0);
  });

  it('answers a body that is not an activity with 400, not 500', async () => {
    await install({});
    for (const body of ['not json', '[]', '{"text":"no type"}']) {
      expect((await messages(request(body), context())).status).toBe(400);
    }
    expect(handled).toHaveLength(0);
  });

  it('hands an activity to the bot', async () => {
    await install({});
    expect((await messages(request('{"type":"message","text":"hi"}'), context())).status).toBe(200);
    expect(handled).toEqual([{ type: 'message', text: 'hi' }]);
  });
});
