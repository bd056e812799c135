/**
 * Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium. Kept free of
 * playwright-core so the pre-test check (scripts/test/check-chromium.ts) starts at once.
 */
import { accessSync, constants, statSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The sentence `npm test` stops with when there is no Chromium; the README's test command says the same. */
export const CHROMIUM_NEEDED =
  "The tests need Chromium besides Node.js: install Debian's `chromium` (apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable.";

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
}

/** Undefined when the Chromium the tests would launch is an executable file; else why not, for the person running them. */
export function missingChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = chromiumPath(env);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    const where = env.CHROMIUM_PATH !== undefined ? `CHROMIUM_PATH=${path}` : path;
    return `${CHROMIUM_NEEDED} (No executable at ${where}.)`;
  }
}
