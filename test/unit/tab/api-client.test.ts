import { ApiClient } from '../../../tab/src/api/client';
import { ApiError } from '../../../tab/src/api/problem';
import { createApi } from '../../../tab/src/api/endpoints';

function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

describe('the tab’s API client', () => {
  it('sends the bearer token, a quoted If-Match and the Idempotency-Key to /api/v1 on the tab’s origin', async () => {
    const fetchImpl = jest.fn(async (_url: string, _init?: RequestInit) =>
      respond(200, { ok: true }, { etag: '"abc"' }),
    );
    const client = new ApiClient({ getToken: async () => 'tok' }, fetchImpl as unknown as typeof fetch);
    const res = await client.request('PATCH', '/programmes/p-1', {
      body: { name: 'x' },
      ifMatch: 'abc',
      idempotencyKey: 'k-1',
      query: { a: 1, b: undefined },
    });
    const [url, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/programmes/p-1?a=1');
    expect(init.headers).toMatchObject({
      authorization: 'Bearer tok',
      'if-match': '"abc"',
      'idempotency-key': 'k-1',
      'content-type': 'application/json',
    });
    expect(res).toEqual({ status: 200, data: { ok: true }, etag: 'abc' });
  });

  it('asks for a fresh token once after a 401', async () => {
    const tokens = jest.fn(async (o?: { refresh?: boolean }) => (o?.refresh ? 'fresh' : 'old'));
    const fetchImpl = jest
      .fn()
      .mockResolvedValueOnce(respond(401, { status: 401, title: 'Sign-in required' }))
      .mockResolvedValueOnce(respond(200, { ok: 1 }));
    const client = new ApiClient({ getToken: tokens }, fetchImpl as unknown as typeof fetch);
    await expect(client.get('/me')).resolves.toEqual({ ok: 1 });
    expect((fetchImpl.mock.calls[1] as [string, RequestInit])[1].headers).toMatchObject({
      authorization: 'Bearer fresh',
    });
  });

  it('turns a problem+json answer into an ApiError with the fields the API named', async () => {
    const problem = {
      type: '/problems/invalid-input',
      title: 'The request is not valid',
      status: 400,
      detail: 'Bad',
      errors: { name: ['must not be empty'] },
    };
    const client = new ApiClient({ getToken: async () => 't' }, (async () =>
      respond(400, problem)) as unknown as typeof fetch);
    const err = await client.get('/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem).toEqual(problem);
  });

  it('reports a network failure as an ApiError with status 0', async () => {
    const client = new ApiClient({ getToken: async () => 't' }, (async () =>
      Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch);
    await expect(client.get('/x')).rejects.toMatchObject({ status: 0 });
  });

  it('asks for erasure with the confirmation the API requires, never with a DELETE', async () => {
    const fetchImpl = jest.fn(async (_url: string, _init?: RequestInit) => respond(200, { programmes: 1 }));
    const api = createApi(new ApiClient({ getToken: async () => 't' }, fetchImpl as unknown as typeof fetch));
    await api.eraseMe();
    const [url, init] = fetchImpl.mock.calls[0] as [string, RequestInit];
    expect([init.method, url]).toEqual(['POST', '/api/v1/me/erasure']);
    expect(JSON.parse(String(init.body))).toEqual({ confirm: 'erase-my-data' });
  });
});
