import { call, startHarness, type Harness } from './support/harness';
import { MENTEES, MENTORS, programmeInMatching } from './support/flow';
import { DOWNLOAD_TTL_MS } from '../../../functions/src/app/downloads';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await programmeInMatching(h);
});
afterAll(async () => h.close());

/** Opens a link the way a browser does after app.openLink(): no Authorization header. */
async function open(url: string) {
  const res = await fetch(`${h.baseUrl}${url}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('download links', () => {
  it('serve my data once, as an attachment, to a browser that holds only the link', async () => {
    const token = await h.token(MENTEES[0]!);
    const issued = await call(h, 'POST', '/v1/downloads', { token, body: { kind: 'my-data' } });
    expect(issued.status).toBe(201);
    expect(issued.body.url).toMatch(/^\/api\/v1\/downloads\/[A-Za-z0-9_-]{43}$/);
    const left = Date.parse(issued.body.expiresAt) - h.clock.now().getTime();
    expect(left).toBeLessThanOrEqual(DOWNLOAD_TTL_MS);
    expect(left).toBeGreaterThan(DOWNLOAD_TTL_MS - 5_000);

    const file = await open(issued.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tandem-my-data-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(file.headers.get('content-type')).toContain('application/json');
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect(file.headers.get('referrer-policy')).toBe('no-referrer');
    const data = JSON.parse(file.text);
    expect(data.userId).toBe(MENTEES[0]);
    expect(JSON.stringify(data.participations)).not.toContain(MENTEES[1]);

    const again = await open(issued.body.url);
    expect(again.status).toBe(404);
    expect(JSON.parse(again.text)).toMatchObject({ code: 'download-expired', status: 404 });
  });

  it('expire after two minutes', async () => {
    const token = await h.token(MENTORS[0]!);
    const issued = await call(h, 'POST', '/v1/downloads', { token, body: { kind: 'my-data' } });
    h.clock.advance(DOWNLOAD_TTL_MS + 1);
    const late = await open(issued.body.url);
    expect(late.status).toBe(404);
    expect(JSON.parse(late.text).code).toBe('download-expired');
  });

  it('are issued only to someone signed in, and for a report only to HR or a manager', async () => {
    expect((await call(h, 'POST', '/v1/downloads', { body: { kind: 'my-data' } })).status).toBe(401);
    const participant = await h.token(MENTEES[1]!);
    const refused = await call(h, 'POST', '/v1/downloads', {
      token: participant,
      body: { kind: 'report', programmeId: id },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
    const bad = await call(h, 'POST', '/v1/downloads', { token: participant, body: { kind: 'someone-else' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-input');
  });

  it('serve the report as CSV to HR, computed when the link is opened', async () => {
    const issued = await call(h, 'POST', '/v1/downloads', {
      token: await h.hr(),
      body: { kind: 'report', programmeId: id },
    });
    expect(issued.status).toBe(201);
    const file = await open(issued.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect(file.headers.get('content-disposition')).toContain(`filename="tandem-report-${id}-`);
    expect(file.text.split('\r\n')[0]).toBe('section,group,measure,value');
  });

  it('refuse a guessed or malformed token without a server error', async () => {
    const guessed = await open(`/api/v1/downloads/${'A'.repeat(43)}`);
    expect(guessed.status).toBe(404);
    expect(JSON.parse(guessed.text).code).toBe('download-expired');
    expect((await open('/api/v1/downloads/short')).status).toBe(400);
  });
});

describe('problem details carry a stable code besides title and detail', () => {
  it('names the situation for a person outside the programme, and the status otherwise', async () => {
    const outsider = await h.token('hr-senior-1');
    const res = await call(h, 'GET', `/v1/programmes/${id}/meetings`, { token: outsider });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      type: '/problems/forbidden',
      code: 'not-a-participant',
      title: expect.any(String),
      detail: 'You are not part of this programme.',
    });
    const missing = await call(h, 'GET', '/v1/programmes/prog-missing', { token: await h.manager() });
    expect(missing.body).toMatchObject({ status: 404, code: 'not-found' });
  });
});
