/**
 * The URL of an incoming request, built without trusting what the client sent: the request-target
 * in origin-form ("/path?query") or absolute-form ("http://host/path"), and a Host header that is a
 * valid host (RFC 9112 §3.2: otherwise 400). `undefined` means "answer 400": never `new URL()` on
 * raw input, whose throw would take the whole process down ("//x:99999/" resolves as a network path
 * with an invalid port, "Host: [" is no host at all).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** A reg-name or IPv4 (with an optional trailing dot), or an IPv6 literal in brackets; optional port. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

export function requestUrl(req: IncomingMessage, scheme: 'http' | 'https' = 'http'): URL | undefined {
  const target = req.url ?? '';
  const host = req.headers.host ?? 'localhost';
  const hostMatch = HOST.exec(host);
  if (!hostMatch || Number(hostMatch[1] ?? 0) > 65535) return undefined;
  try {
    if (target.startsWith('/')) return new URL(`${scheme}://${host}${target}`);
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    // not a URL at all: 400 below
  }
  return undefined;
}

/** The 400 for a request whose target or Host header is not valid (problem+json, connection closed). */
export function badRequestTarget(res: ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  const body = JSON.stringify({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'The request-target or the Host header is not valid.',
  });
  res.writeHead(400, { 'content-type': 'application/problem+json', connection: 'close' }).end(body);
}

/** CONNECT (a proxy's method) is answered 405, where Node would otherwise just drop the connection. */
export function refuseConnect(server: Pick<Server, 'on'>): void {
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
