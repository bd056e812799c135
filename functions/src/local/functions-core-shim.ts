/**
 * A stand-in for `@azure/functions-core`, the module the Azure Functions host injects into the
 * worker. `@azure/functions` hands every `app.http` / `app.timer` registration to it; outside the
 * host we resolve the module to this file, keep the registrations, and serve them ourselves
 * (local/host.ts). The app registers exactly as it does under `func start` and in Azure.
 */

/** A binding as `@azure/functions` describes it to the host (trigger or output). */
export interface BindingMetadata {
  type: string;
  direction?: 'in' | 'out' | 'inout';
  name?: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  schedule?: string;
  runOnStartup?: boolean;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, BindingMetadata>;
}

export type RegisteredHandler = (...args: unknown[]) => unknown;

export interface Registration {
  name: string;
  metadata: FunctionMetadata;
  handler: RegisteredHandler;
}

interface Disposable {
  dispose(): void;
}

const GLOBAL_KEY = Symbol.for('tandem.functions-core.registrations');
type GlobalWithRegistry = typeof globalThis & { [GLOBAL_KEY]?: Registration[] };

/** The registrations made so far in this process. */
export function registrations(): Registration[] {
  const g = globalThis as GlobalWithRegistry;
  return (g[GLOBAL_KEY] ??= []);
}

export function setProgrammingModel(): void {
  // The local host does its own invocation; the programming model object is not needed.
}

export function getProgrammingModel(): undefined {
  return undefined;
}

export function registerFunction(metadata: FunctionMetadata, handler: RegisteredHandler): Disposable {
  const list = registrations();
  if (list.some((r) => r.name === metadata.name)) {
    throw new Error(`A function named "${metadata.name}" is already registered.`);
  }
  const registration = { name: metadata.name, metadata, handler };
  list.push(registration);
  return {
    dispose() {
      const i = list.indexOf(registration);
      if (i >= 0) list.splice(i, 1);
    },
  };
}

export function registerHook(): Disposable {
  return { dispose() {} };
}

export function log(_level: string, _category: string, message: string): void {
  if (process.env.TANDEM_LOG_LEVEL === 'debug') console.debug(message);
}

export const version = 'tandem-local';
