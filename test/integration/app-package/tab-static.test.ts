import { HttpRequest } from '@azure/functions';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registrations } from '../../../functions/src/local/functions-core-shim';
import { createTabHandler, defaultTabDir, FRAME_ANCESTORS } from '../../../functions/src/http/tab-static';

let root: string;
let serve: ReturnType<typeof createTabHandler>;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-tab-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tandem</title>');
  writeFileSync(join(root, 'assets', 'app.3f9a1c2b.js'), 'console.log(1)');
  serve = createTabHandler(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (path: string | undefined, method = 'GET') =>
  serve(
    new HttpRequest({
      method,
      url: `https://tandem.example/api/tab/${path ?? ''}`,
      params: path === undefined ? {} : { path },
    }),
  );

describe('GET /api/tab/{*path}', () => {
  it('is registered anonymously for GET and HEAD on the route tab/{*path}', () => {
    const registration = registrations().find((r) => r.name === 'tab-static');
    const trigger = Object.values(registration?.metadata.bindings ?? {}).find((b) => b.type === 'httpTrigger');
    expect(trigger).toMatchObject({ route: 'tab/{*path}', methods: ['GET', 'HEAD'], authLevel: 'anonymous' });
  });

  it('serves index.html for the tab root, framable only by Teams and Microsoft 365 hosts', async () => {
    const res = await get(undefined);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': FRAME_ANCESTORS,
      'x-content-type-options': 'nosniff',
    });
    expect(String(res.body)).toContain('<title>Tandem</title>');
    expect(FRAME_ANCESTORS).toContain('https://teams.microsoft.com');
  });

  it('serves hashed assets as immutable with their content type', async () => {
    const res = await get('assets/app.3f9a1c2b.js');
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(String(res.body)).toBe('console.log(1)');
  });

  it('answers index.html for an unknown route without an extension (client-side routing)', async () => {
    const res = await get('programmes');
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('<title>Tandem</title>');
  });

  it('answers 404 for a missing file with an extension', async () => {
    expect((await get('assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the tab folder', async () => {
    for (const path of ['../package.json', 'assets/../../x', '..', 'a\\..\\b.js', 'a\0.js']) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
    expect(res.headers).toMatchObject({ 'content-length': String('<!doctype html><title>Tandem</title>'.length) });
  });

  it('finds tab/dist beside host.json, where the deployment package puts it', () => {
    expect(defaultTabDir(join(__dirname, '../../../functions/src/http'))).toBe(join(__dirname, '../../../tab/dist'));
  });
});
