/**
 * HTTP/1.1 requests written byte for byte on a socket, for what fetch refuses to send: odd
 * request-targets ("//x:99999/", "*", authority-form), invalid Host headers, a missing Host.
 */
import { connect } from 'node:net';

/** The status code of the answer to `head` (request line and headers, without the final CRLF). */
export function rawStatus(baseUrl: string, head: string, body = ''): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port: Number(port) });
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(head)}`)));
    socket.on('connect', () => socket.end(`${head}\r\n\r\n${body}`));
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      if (status) resolve(Number(status[1]));
      else reject(new Error(`no status line for ${JSON.stringify(head)}: ${JSON.stringify(answer.slice(0, 80))}`));
    });
  });
}

/** Request lines and Host headers that must be refused with a 4xx, and must not stop a server. */
export const MALFORMED_HEADS: readonly string[] = [
  'GET //x:99999/ HTTP/1.1\r\nHost: localhost',
  'GET //x:99999/api/health HTTP/1.1\r\nHost: localhost',
  'GET //[/api/health HTTP/1.1\r\nHost: localhost',
  'GET http://x:99999/ HTTP/1.1\r\nHost: localhost',
  'GET http://[::1/api/health HTTP/1.1\r\nHost: localhost',
  'GET * HTTP/1.1\r\nHost: localhost',
  'OPTIONS * HTTP/1.1\r\nHost: localhost',
  'CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443',
  'GET localhost:443 HTTP/1.1\r\nHost: localhost',
  'GET /api/%ZZ HTTP/1.1\r\nHost: localhost',
  'GET /api/v1/programmes/%E0%A4%A HTTP/1.1\r\nHost: localhost',
  'POST /admin/functions/%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0',
  'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost',
  'GET /api/health HTTP/1.1\r\nHost: [',
  'GET /api/health HTTP/1.1\r\nHost: ]',
  'GET /api/health HTTP/1.1\r\nHost: [::1',
  'GET /api/health HTTP/1.1\r\nHost: localhost:99999',
  'GET /api/health HTTP/1.1\r\nHost: localhost:abc',
  'GET /api/health HTTP/1.1\r\nHost: user@evil.example',
  'GET /api/health HTTP/1.1\r\nHost: evil.example/path',
  'GET /api/health HTTP/1.1\r\nHost: ',
  'GET /api/health HTTP/1.1',
  'GET /api/health HTTP/1.1\r\nHost: a\r\nHost: b',
  'POST /api/v1/programmes HTTP/1.1\r\nHost: [\r\nContent-Type: application/json\r\nContent-Length: 2',
];
