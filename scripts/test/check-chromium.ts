/**
 * Run first by `npm test` and `npm run test:e2e`: without Chromium the browser tests would fail one
 * by one after minutes of other tests, so stop at once with the one sentence that says what to install.
 */
import { missingChromium } from '../lib/chromium-path';

const missing = missingChromium();
if (missing) {
  console.error(missing);
  process.exit(1);
}
