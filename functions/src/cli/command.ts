import type { Services } from '../composition';

/** One command of the `tandem` command line: gets its arguments, returns the exit code. */
export interface CliCommand {
  run(args: string[], environment: CliEnvironment): Promise<number>;
}

/**
 * What the CLI's entry point (main.ts) hands a command: how to open the services where it runs, so
 * that commands never import the local stand-ins (local/cli-environment supplies them).
 */
export interface CliEnvironment {
  /**
   * The configured services (the embedded store without COSMOS_ENDPOINT); with `graphStandIn`, the
   * local Graph stand-in is started first when Graph is not configured outside Azure.
   */
  openServices(options?: { graphStandIn?: boolean }): Promise<{ services: Services; close(): Promise<void> }>;
  /**
   * Without Graph settings: starts the local Graph stand-in on the data folder; its settings
   * (`env`) are for the command's configuration. Undefined when Graph is configured.
   */
  startGraphStandIn(dataDir: string): Promise<CliGraphStandIn | undefined>;
  /** The embedded Cosmos DB server on the data folder's snapshot (the local store, when no account is set). */
  startEmbeddedCosmos(dataDir: string): Promise<{ endpoint: string; key: string; close(): Promise<void> }>;
}

/** The local Graph stand-in as a command sees it. */
export interface CliGraphStandIn {
  /** GRAPH_BASE_URL and GRAPH_ACCESS_TOKEN pointing at the stand-in, to load the configuration with. */
  env: Record<string, string>;
  /** A line for the operator, e.g. "Graph stand-in  https://localhost:53123 (300 users)". */
  describe?: string;
  /** The Teams app id the stand-in's catalogue knows. */
  teamsAppId: string;
  close(): Promise<void>;
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
