/** One command of the `tandem` command line: gets its arguments, returns the exit code. */
export interface CliCommand {
  run(args: string[]): Promise<number>;
}

/** What a module under cli/commands exports. */
export interface CommandModule {
  command: CliCommand;
}

/** A usage error: the command line prints the message and exits with 2. */
export class UsageError extends Error {}

/** Parses `--name value` and `--flag` options; positional arguments are returned in order. */
export function parseArgs(args: string[]): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options[arg.slice(2, eq)] = arg.slice(eq + 1);
      } else {
        const next = args[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          options[arg.slice(2)] = next;
          i++;
        } else {
          options[arg.slice(2)] = true;
        }
      }
    } else {
      positional.push(arg);
    }
  }
  return { options, positional };
}
