import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds the root package.json from source (functions/src) and from build output (dist/functions/src). */
function readVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tandem' && pkg.version) return pkg.version;
    }
  }
  return '0.0.0';
}

/** The app's version, read once at start-up (shown by /api/health and the CLI). */
export const APP_VERSION: string = readVersion();
