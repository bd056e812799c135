/**
 * Local-only: lets this process's fetch (which the Graph SDK calls) trust the stand-in's self-signed
 * certificate. Node reads NODE_EXTRA_CA_CERTS only at process start, but the local stack starts the
 * stand-in inside the running process (npm start, tests). So the component wraps the global fetch:
 * requests to a stand-in's origin (and only those) go through an undici Agent whose CA list is
 * Node's public roots plus that certificate; every other request is untouched. Production never
 * loads this file: there a custom CA is trusted only through NODE_EXTRA_CA_CERTS.
 */
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

const agents = new Map<string, Agent>();
let installed = false;

function urlOf(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return (input as { url?: string } | undefined)?.url;
}

export function trustStandIn(origin: string, certPem: string): void {
  agents.set(origin, new Agent({ connect: { ca: [...rootCertificates, certPem] } }));
  if (installed) return;
  installed = true;
  const original = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = urlOf(input);
    let agent: Agent | undefined;
    try {
      agent = url ? agents.get(new URL(url).origin) : undefined;
    } catch {
      agent = undefined;
    }
    return agent ? original(input, { ...init, dispatcher: agent } as RequestInit) : original(input, init);
  }) as typeof fetch;
}

/** Forgets a stopped stand-in. */
export function forgetStandIn(origin: string): void {
  const agent = agents.get(origin);
  agents.delete(origin);
  void agent?.close().catch(() => undefined);
}
