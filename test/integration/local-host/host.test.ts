import { app, type HttpRequest, type InvocationContext } from '@azure/functions';
import { registrations } from '../../../functions/src/local/functions-core-shim';
import { createLocalHost, type LocalHost } from '../../../functions/src/local/host';

const timerRuns: string[] = [];

app.http('getThing', {
  route: 'things/{id}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (req: HttpRequest) => ({ jsonBody: { id: req.params.id, q: req.query.getAll('tag') } }),
});
app.http('thingsSpecial', {
  route: 'things/special',
  methods: ['GET'],
  handler: async () => ({ jsonBody: { special: true } }),
});
app.http('createThing', {
  route: 'things/{id}/parts/{part:int?}',
  methods: ['POST', 'PUT'],
  handler: async (req: HttpRequest, ctx: InvocationContext) => ({
    status: 201,
    headers: { 'x-function': ctx.functionName },
    jsonBody: {
      id: req.params.id,
      part: req.params.part ?? null,
      method: req.method,
      body: await req.json(),
      auth: req.headers.get('authorization'),
    },
  }),
});
app.http('files', {
  route: 'files/{*path}',
  methods: ['GET'],
  handler: async (req: HttpRequest) => ({ body: `path=${req.params.path ?? ''}` }),
});
app.http('defaultRoute', { handler: async () => ({ body: 'by name' }) });
app.http('crash', { route: 'crash', methods: ['GET'], handler: async () => Promise.reject(new Error('boom')) });
app.timer('nightly', { schedule: '0 0 2 * * *', handler: async () => void timerRuns.push('nightly') });

let host: LocalHost;
let base: string;
beforeAll(async () => {
  host = createLocalHost({ registrations: registrations(), log: () => {} });
  base = await host.listen(0);
});
afterAll(async () => host.close());

describe('the local Functions host', () => {
  it('serves a registered function under /api with its route parameters and query', async () => {
    const res = await fetch(`${base}/api/things/abc%20d?tag=a&tag=b`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'abc d', q: ['a', 'b'] });
  });

  it('prefers a literal segment over a parameter, as the Functions host does', async () => {
    expect(await (await fetch(`${base}/api/things/special`)).json()).toEqual({ special: true });
  });

  it('passes a JSON body, headers and the method; returns status and headers', async () => {
    const res = await fetch(`${base}/api/things/t1/parts/7`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ name: 'wheel' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-function')).toBe('createThing');
    expect(await res.json()).toEqual({ id: 't1', part: '7', method: 'PUT', body: { name: 'wheel' }, auth: 'Bearer x' });
  });

  it('treats an optional parameter as optional and checks its constraint', async () => {
    const res = await fetch(`${base}/api/things/t1/parts`, { method: 'POST', body: '{}' });
    expect(await res.json()).toMatchObject({ part: null });
    expect((await fetch(`${base}/api/things/t1/parts/x`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('routes a catch-all and a function without a route by its name', async () => {
    expect(await (await fetch(`${base}/api/files/a/b/c.txt`)).text()).toBe('path=a/b/c.txt');
    expect(await (await fetch(`${base}/api/defaultRoute`)).text()).toBe('by name');
    expect(await (await fetch(`${base}/api/DEFAULTROUTE`)).text()).toBe('by name');
  });

  it('answers 404 for an unknown route or a method the function does not accept', async () => {
    expect((await fetch(`${base}/api/unknown`)).status).toBe(404);
    expect((await fetch(`${base}/api/things/t1`, { method: 'DELETE' })).status).toBe(404);
    expect((await fetch(`${base}/not-api`)).status).toBe(404);
  });

  it('answers 500 without details when a handler throws, and keeps serving', async () => {
    expect((await fetch(`${base}/api/crash`)).status).toBe(500);
    expect((await fetch(`${base}/api/things/x`)).status).toBe(200);
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = createLocalHost({ registrations: registrations(), maxBodyBytes: 10, log: () => {} });
    const url = await small.listen(0);
    try {
      const res = await fetch(`${url}/api/things/t1/parts/1`, {
        method: 'POST',
        body: JSON.stringify({ much: 'too long for ten bytes' }),
      });
      expect(res.status).toBe(413);
    } finally {
      await small.close();
    }
  });

  it('runs a timer on demand through the admin endpoint', async () => {
    const res = await fetch(`${base}/admin/functions/nightly`, { method: 'POST' });
    expect(res.status).toBe(202);
    for (let i = 0; i < 50 && !timerRuns.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(timerRuns).toEqual(['nightly']);
    expect((await fetch(`${base}/admin/functions/nope`, { method: 'POST' })).status).toBe(404);
  });
});
