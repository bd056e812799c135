/**
 * `npm run -s tandem -- <command> ...`: the operator's command line. Each command lives in its own
 * module under cli/commands and is looked up here, so adding one touches only this table.
 */
import { UsageError, type CliCommand, type CliEnvironment, type CommandModule } from './command';

/* eslint-disable @typescript-eslint/no-require-imports */
// NOTE: commands are required lazily (not imported) so `tandem match` does not load the Graph or
// Cosmos SDKs; CommonJS `import()` would need file extensions that tsx, jest and tsc disagree on.
const commands: Record<string, () => CliCommand> = {
  // one line per command: name: () => (require('./commands/<name>') as CommandModule).command,
  version: () => (require('./commands/version') as CommandModule).command,
  org: () => (require('./commands/org') as CommandModule).command,
  match: () => (require('./commands/match') as CommandModule).command,
  doctor: () => (require('./commands/doctor') as CommandModule).command,
};

/** The CLI runs on an operator's machine: its services come from the local wiring, loaded on first use. */
const local = (): CliEnvironment =>
  (require('../local/cli-environment') as { localCliEnvironment: CliEnvironment }).localCliEnvironment;
const environment: CliEnvironment = {
  openServices: (options) => local().openServices(options),
  startGraphStandIn: (dataDir) => local().startGraphStandIn(dataDir),
  startEmbeddedCosmos: (dataDir) => local().startEmbeddedCosmos(dataDir),
};
/* eslint-enable @typescript-eslint/no-require-imports */

function usage(): string {
  const names = Object.keys(commands).sort();
  return `usage: tandem <command> [options]\ncommands: ${names.join(', ')}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.error(usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`tandem: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const command = load();
  try {
    return await command.run(rest, environment);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`tandem ${name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(`tandem: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
