/** Serves built static files (the tab) with an SPA fallback to index.html; local stack only. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../http/content-types';

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return void res.writeHead(400).end();
  }
  const base = normalize(root);
  let file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return void res.writeHead(404).end();
  if (!existsSync(file) || statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    if (existsSync(index)) file = index;
    else if (!extname(path)) file = join(base, 'index.html');
    else return void res.writeHead(404).end();
  }
  if (!existsSync(file)) return void res.writeHead(404).end();
  const type = contentTypeOf(file);
  const immutable = /\.[0-9a-f]{8,}\./i.test(file);
  res.writeHead(200, {
    'content-type': type,
    'content-length': statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}
