/**
 * POST /api/messages: the bot's messaging endpoint (Azure Bot Service → Functions). The bot itself
 * lives in bot/ behind createBotRuntime (one per process, built by the composition root); this file
 * only parses the request and maps the answer.
 * With MicrosoftAppId set, the CloudAdapter rejects requests without valid Bot Framework auth (401).
 */
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { getServices, type Services } from '../composition';
import { hasJsonMediaType } from './request';

function problem(status: number, title: string, detail: string): HttpResponseInit {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    jsonBody: { type: 'about:blank', title, status, detail },
  };
}

export async function messages(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  let services: Services;
  try {
    services = await getServices();
  } catch (err) {
    context.error('messages: services could not start', err);
    return problem(503, 'Service Unavailable', 'Tandem could not start its services; the channel will retry.');
  }
  if (services.config.inAzure && !services.config.bot.appId) {
    // Never run the bot without authentication in Azure: anyone could post activities as anyone.
    return problem(503, 'Service Unavailable', 'MicrosoftAppId is not set: the bot does not accept messages.');
  }
  // Bot Service posts JSON and no Origin. Refusing other media types makes a browser's cross-origin
  // "simple" POST (text/plain, forms) impossible, and an Origin header means a web page sent it:
  // without bot authentication (local only) either would let any page act as any person.
  if (!hasJsonMediaType(request))
    return problem(
      415,
      'Unsupported Media Type',
      'The bot endpoint takes Bot Framework activities as application/json.',
    );
  if (!services.bot.authenticated && request.headers.has('origin'))
    return problem(403, 'Forbidden', 'The unauthenticated local bot endpoint does not take requests from web pages.');
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return problem(400, 'Bad Request', 'The body must be a Bot Framework activity (JSON).');
  }
  if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string')
    return problem(400, 'Bad Request', 'The body must be a Bot Framework activity with a type.');
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = await services.bot.handle({ method: request.method, headers, body });
  if (answer.status >= 500) context.error(`messages: the bot answered ${answer.status}`);
  return {
    status: answer.status,
    headers: answer.headers,
    ...(answer.body !== undefined ? { jsonBody: answer.body } : {}),
  };
}

app.http('messages', { route: 'messages', methods: ['POST'], authLevel: 'anonymous', handler: messages });
