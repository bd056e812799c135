/**
 * Runs one incoming Bot Framework request (POST /api/messages) through the CloudAdapter and returns
 * the HTTP answer. The adapter authenticates the request (JWT from the channel) before any handler
 * runs; we only translate between the Functions request and the adapter's request/response shape.
 */
import type { Activity, ActivityHandlerBase, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

export interface BotHttpRequest {
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface BotHttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export async function processBotRequest(
  adapter: CloudAdapter,
  bot: ActivityHandlerBase,
  request: BotHttpRequest,
  auth?: ConfigurationBotFrameworkAuthentication,
): Promise<BotHttpResponse> {
  if (auth) {
    // NOTE: the adapter answers a token that fails signature checks with 500 (jsonwebtoken's errors are
    // not AuthenticationErrors); checking first turns every authentication failure into a 401.
    try {
      await auth.authenticateRequest(request.body as Activity, request.headers.authorization ?? '');
    } catch (err) {
      return { status: 401, headers: {}, body: `Unauthorized: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  const answer: BotHttpResponse = { status: 200, headers: {} };
  const response = {
    socket: undefined,
    header(name: string, value: unknown) {
      answer.headers[name.toLowerCase()] = String(value);
      return response;
    },
    status(code: number) {
      answer.status = code;
      return response;
    },
    send(body?: unknown) {
      if (body !== undefined) answer.body = body;
      return response;
    },
    end() {
      return response;
    },
  };
  await adapter.process(
    { method: request.method, headers: request.headers, body: request.body as Record<string, unknown> },
    response as never,
    (context) => bot.run(context),
  );
  return answer;
}
