/**
 * Makes `require('@azure/functions-core')` resolve to the local shim, as the Functions host does for
 * its own module. Must run before the app registers its functions (local/start.ts, the CLI, tests).
 */
import Module from 'node:module';

const SHIM = require.resolve('./functions-core-shim');
type Resolve = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const MARK = Symbol.for('tandem.functions-core.installed');

export function installFunctionsCore(): void {
  const holder = mod as unknown as Record<symbol, boolean>;
  if (holder[MARK]) return;
  holder[MARK] = true;
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === '@azure/functions-core') return SHIM;
    return original.call(this, request, ...rest);
  };
}
