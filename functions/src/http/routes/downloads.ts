/**
 * Download links (app/downloads.ts): `POST /v1/downloads` (signed in) issues a one-time link to a
 * file the caller may read; `GET /v1/downloads/{token}` serves it as an attachment to whoever holds
 * the link, the way Teams opens it (`app.openLink()`, a browser without the tab's token).
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { defineRoute } from '../route';
import { problemOf } from '../problem';
import { requestServices } from '../services';
import { downloadParamsSchema, downloadRequestSchema, issueDownload, parseInput, redeemDownload } from '@tandem/app';

export const createDownload = defineRoute({
  name: 'createDownload',
  method: 'POST',
  route: 'v1/downloads',
  body: downloadRequestSchema,
  run: async ({ deps, caller, body }) => ({ status: 201, body: await issueDownload(deps, caller, body) }),
});

/** An attachment's file name for Content-Disposition: ASCII fallback plus the RFC 6266 UTF-8 form. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function getDownload(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const { token } = parseInput(downloadParamsSchema, { ...request.params }, 'route');
    const { deps } = await requestServices();
    const file = await redeemDownload(deps, token);
    return {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': disposition(file.name),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // The token is in the address: never pass it on.
        'referrer-policy': 'no-referrer',
      },
      body: file.content,
    };
  } catch (err) {
    return problemOf(err, context);
  }
}

app.http('getDownload', {
  route: 'v1/downloads/{token}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: getDownload,
});
