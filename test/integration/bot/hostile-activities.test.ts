/**
 * The bot endpoint (POST /api/messages → the real CloudAdapter and TandemBot) under malformed and
 * hostile activities: invokes without a name or an action, unknown invokes, card data with
 * prototype keys and wrong types, other media types and web-page origins. Never a 5xx, a clear 400
 * for a malformed invoke, and the bot still answers afterwards.
 */
import { HttpRequest, InvocationContext } from '@azure/functions';
import { messages } from '../../../functions/src/http/messages';
import { setServices } from '../../../functions/src/composition';
import { VERBS } from '../../../bot/src/actions/verbs';
import { aProgramme } from '../../support/builders';
import { activityFrom, executeActivity, openBotWorld, type BotWorld } from './support/bot-world';

let world: BotWorld;
beforeAll(async () => {
  world = await openBotWorld();
  await world.store.programmes.create(aProgramme({ phase: 'preparation' }));
  setServices(world.services);
});
afterAll(async () => {
  await world.close();
});

async function send(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await messages(
    new HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/messages',
      headers,
      body: { string: typeof body === 'string' ? body : JSON.stringify(body) },
    }),
    new InvocationContext({ invocationId: 'test', functionName: 'messages' }),
  );
  return res;
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

describe('the bot endpoint under malformed activities', () => {
  it('answers a malformed invoke with 400 and the reason', async () => {
    const malformed = [
      { type: 'invoke' },
      { type: 'invoke', name: '' },
      { type: 'invoke', name: 'adaptiveCard/action' },
      { type: 'invoke', name: 'adaptiveCard/action', value: {} },
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: null } },
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: 'optIn' } },
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: [] } },
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute' } } },
      { type: 'invoke', name: 'task/fetch', value: {} },
      { type: 'invoke', name: 'composeExtension/query', value: {} },
      { type: 'invoke', name: '__proto__' },
    ];
    for (const fields of malformed) {
      const res = await send(activityFrom(world, 'mentee-1', fields));
      expect([JSON.stringify(fields), res.status]).toEqual([JSON.stringify(fields), 400]);
      expect(JSON.stringify(res.jsonBody)).toMatch(/BadRequest/);
    }
  });

  it('answers hostile card data on every verb without a 5xx, and keeps working', async () => {
    const failures: string[] = [];
    const values: unknown[] = [null, 7, true, [], {}, 'x'.repeat(5000), '__proto__', { admin: true }];
    for (const verb of [...VERBS, 'nonsense', '__proto__']) {
      const datas = [
        ...PROTOTYPE_KEYS.map((key) => JSON.parse(`{"${key}": {"admin": true}, "programmeId": "prog-1"}`) as object),
        ...values.map((v) => ({ programmeId: v, pairId: v, occurrenceIndex: v, rating: v, ratings: v, kind: v })),
      ];
      for (const [i, data] of datas.entries()) {
        // Action.Execute for every value; the Action.Submit fallback (answered through the channel) for some.
        for (const activity of [
          executeActivity(world, 'mentee-1', { verb, ...data }),
          ...(i % 4 === 0 ? [activityFrom(world, 'mentee-1', { type: 'message', value: { verb, ...data } })] : []),
        ]) {
          const res = await send(activity);
          if ((res.status ?? 200) >= 500) failures.push(`${verb} ${JSON.stringify(data).slice(0, 80)} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect((await send(activityFrom(world, 'mentee-1', { type: 'message', text: 'help' }))).status).toBe(200);
  }, 60_000);

  it('takes application/json only, and no request from a web page while bot authentication is off', async () => {
    const activity = activityFrom(world, 'mentee-1', { type: 'message', text: 'help' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', '']) {
      expect((await send(activity, type ? { 'content-type': type } : {})).status).toBe(415);
    }
    const fromPage = await send(activity, { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    expect((await send(activity, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });
});
