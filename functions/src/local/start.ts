/**
 * `npm start`: the whole app locally on embedded defaults, loopback only, no internet. Prints the
 * URLs and stops cleanly (saving local data) on Ctrl-C.
 */
import { join } from 'node:path';
import { startLocalStack } from './stack';
import { loadConfig } from '../config';

const USAGE =
  'npm start [-- --demo]   --demo: seed the demo also into the Cosmos DB named by COSMOS_ENDPOINT (when empty)';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--demo');
  if (unknown.length) throw new Error(`unknown argument ${unknown.join(' ')}. Usage: ${USAGE}`);
  const config = loadConfig();
  const dataDir = process.env.TANDEM_DATA_DIR ?? join(process.cwd(), '.tandem');
  const started = Date.now();
  const stack = await startLocalStack({
    port: config.port,
    dataDir,
    runTimers: true,
    ...(args.includes('--demo') ? { seed: true } : {}),
    log: (line) => console.log(line),
  });
  const lines = [
    '',
    `Tandem is running (local stack, data in ${dataDir}) after ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    `  Tab            ${stack.baseUrl}/`,
    `  API            ${stack.baseUrl}/api/v1/...`,
    `  Health         ${stack.baseUrl}/api/health`,
    `  Bot endpoint   ${stack.baseUrl}/api/messages`,
    ...stack.components.map((c) => `  ${c.describe ?? c.name}`),
    '',
    `Local use only: the embedded Cosmos DB journals every change in ${dataDir} before answering. Press Ctrl-C to stop.`,
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping, saving local data ...`);
    stack.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`Tandem could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
