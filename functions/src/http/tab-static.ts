/**
 * GET /api/tab/{*path}: the built tab (tab/dist) from the Functions app itself. One origin for the
 * tab, the API and the bot means no CORS, and the tab's SSO resource `api://<host>/<client-id>`
 * names the host the tab is served from. Unknown extension-less paths get index.html (SPA routes).
 */
import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { contentTypeOf } from './content-types';

/** Teams, Outlook and the Microsoft 365 app may frame the tab; nobody else (clickjacking). */
export const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://*.cloud.microsoft https://teams.microsoft.com https://*.teams.microsoft.com " +
  'https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com';

/** tab/dist beside host.json: the repository root locally, the package root in Azure. */
export function defaultTabDir(start = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'host.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(start, 'tab', 'dist');
    dir = parent;
  }
  return join(dir, 'tab', 'dist');
}

function notFound(): HttpResponseInit {
  return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' };
}

/** A handler serving the files under `root`. */
export function createTabHandler(root: string) {
  const base = normalize(root);
  return async function tabStatic(request: HttpRequest): Promise<HttpResponseInit> {
    const requested = request.params.path ?? '';
    if (requested.includes('\0') || requested.includes('\\') || requested.split('/').includes('..')) return notFound();
    let file = normalize(join(base, requested));
    if (file !== base && !file.startsWith(base + sep)) return notFound();
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const index = join(file, 'index.html');
      if (existsSync(index)) file = index;
      else if (!extname(requested)) file = join(base, 'index.html');
      else return notFound();
    }
    if (!existsSync(file)) return notFound();
    const body = readFileSync(file);
    const type = contentTypeOf(file);
    // Bundlers put a content hash in asset names; those never change, everything else revalidates.
    const immutable = /\.[0-9a-z_-]{8,}\.(js|mjs|css|woff2|png|svg)$/i.test(file);
    return {
      status: 200,
      headers: {
        'content-type': type,
        'content-length': String(body.length),
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': FRAME_ANCESTORS,
        'referrer-policy': 'strict-origin-when-cross-origin',
      },
      ...(request.method === 'HEAD' ? {} : { body }),
    };
  };
}

app.http('tab-static', {
  route: 'tab/{*path}',
  methods: ['GET', 'HEAD'],
  authLevel: 'anonymous',
  handler: createTabHandler(defaultTabDir()),
});
