import { call, startHarness, type Harness } from './support/harness';
import { NEW_PROGRAMME } from './support/flow';

let h: Harness;
let manager: string;
beforeAll(async () => {
  h = await startHarness();
  manager = await h.manager();
});
afterAll(async () => h.close());

async function expectInvalid(res: { status: number; headers: Headers; body: { errors?: Record<string, string[]> } }) {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    type: '/problems/invalid-input',
    title: expect.any(String),
    status: 400,
    detail: expect.any(String),
  });
  return res.body.errors ?? {};
}

describe('input validation', () => {
  it('rejects unknown fields, naming each one', async () => {
    const errors = await expectInvalid(
      await call(h, 'POST', '/v1/programmes', {
        token: manager,
        body: { ...NEW_PROGRAMME, isAdmin: true, cadence: { ...{}, foo: 1 } },
      }),
    );
    expect(errors.isAdmin).toEqual(['is not a known field']);
    expect(errors['cadence.foo']).toEqual(['is not a known field']);
  });

  it('names every field of the wrong type or out of range', async () => {
    const errors = await expectInvalid(
      await call(h, 'POST', '/v1/programmes', {
        token: manager,
        body: { name: '', topics: [{ id: 'Not A Slug', name: 'x' }], anonymityThreshold: 1, mentorCapacity: 3 },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['anonymityThreshold', 'mentorCapacity', 'name', 'topics.0.id']);
  });

  it('checks the domain rules after the schema (a session window shorter than a session)', async () => {
    const errors = await expectInvalid(
      await call(h, 'POST', '/v1/programmes', {
        token: manager,
        body: {
          ...NEW_PROGRAMME,
          cadence: {
            intervalWeeks: 2,
            weekday: 'tue',
            window: { start: '09:00', end: '09:30' },
            sessionMinutes: 45,
            sessions: 6,
          },
        },
      }),
    );
    expect(errors['cadence.window']).toBeDefined();
  });

  it('answers 400 for a body that is not JSON, 415 for another media type and 413 for a huge body', async () => {
    await expectInvalid(await call(h, 'POST', '/v1/programmes', { token: manager, body: '{"name": ' }));
    const text = await call(h, 'POST', '/v1/programmes', {
      token: manager,
      body: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toMatch(/problem\+json/);
    const huge = await call(h, 'POST', '/v1/programmes', {
      token: manager,
      body: { ...NEW_PROGRAMME, description: 'x'.repeat(100_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('/problems/too-large');
  });

  it('validates the query string and route parameters too', async () => {
    expect(await expectInvalid(await call(h, 'GET', '/v1/programmes?pageSize=0', { token: manager }))).toHaveProperty(
      'pageSize',
    );
    expect(await expectInvalid(await call(h, 'GET', '/v1/programmes?admin=1', { token: manager }))).toEqual({
      admin: ['is not a known field'],
    });
    expect(
      await expectInvalid(await call(h, 'GET', '/v1/programmes?pageSize=1&pageSize=2', { token: manager })),
    ).toHaveProperty('pageSize');
    expect(
      await expectInvalid(
        await call(h, 'GET', `/v1/programmes/${encodeURIComponent("x' OR 1=1")}`, { token: manager }),
      ),
    ).toHaveProperty('id');
    expect(
      await expectInvalid(await call(h, 'GET', '/v1/programmes?continuationToken=forged', { token: manager })),
    ).toHaveProperty('continuationToken');
  });

  it('answers 404 as problem+json for a programme that does not exist', async () => {
    const res = await call(h, 'GET', '/v1/programmes/prog-missing', { token: manager });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('refuses a malformed If-Match or Idempotency-Key', async () => {
    const created = await call(h, 'POST', '/v1/programmes', { token: manager, body: NEW_PROGRAMME });
    await expectInvalid(
      await call(h, 'PATCH', `/v1/programmes/${created.body.id}`, {
        token: manager,
        body: { name: 'x' },
        headers: { 'if-match': 'unquoted' },
      }),
    );
    await expectInvalid(
      await call(h, 'POST', '/v1/programmes', {
        token: manager,
        body: NEW_PROGRAMME,
        headers: { 'idempotency-key': 'k'.repeat(200) },
      }),
    );
  });

  it('pages through lists with continuation tokens', async () => {
    for (let i = 0; i < 3; i++)
      await call(h, 'POST', '/v1/programmes', { token: manager, body: { ...NEW_PROGRAMME, name: `Page ${i}` } });
    const first = await call(h, 'GET', '/v1/programmes?pageSize=2', { token: manager });
    expect(first.body.items).toHaveLength(2);
    const second = await call(
      h,
      'GET',
      `/v1/programmes?pageSize=2&continuationToken=${encodeURIComponent(first.body.continuationToken)}`,
      {
        token: manager,
      },
    );
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });
});
