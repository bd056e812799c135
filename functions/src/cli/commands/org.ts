import type { CliCommand, CliEnvironment } from '../command';
import { UsageError, parseArgs } from '../command';
import { directorySyncDeps } from '../../composition';
import { syncDirectory } from '@tandem/app';
import { buildHierarchy } from '../../core/hierarchy';

const USAGE = 'usage: tandem org sync [--full] | tandem org chain USER_ID';

/** `tandem org sync`: syncs the directory; the last line is the JSON summary. */
async function sync(environment: CliEnvironment, full: boolean): Promise<number> {
  // Without Graph settings outside Azure the local Graph stand-in is started first, as `npm start`
  // does, so the command works out of the box.
  const { services, close } = await environment.openServices({ graphStandIn: true });
  try {
    if (!services.directorySource) throw new Error('Microsoft Graph is not configured.');
    console.error(`Syncing the directory from ${services.graph?.baseUrl ?? 'Microsoft Graph'} ...`);
    const summary = await syncDirectory(directorySyncDeps(services, services.directorySource), {
      full,
      fullResyncDays: services.config.graph.fullResyncDays,
    });
    const { users, managersLinked, removed, requests, throttled, ms } = summary;
    console.log(JSON.stringify({ users, managersLinked, removed, requests, throttled, ms }));
    return 0;
  } finally {
    await close();
  }
}

/** `tandem org chain USER_ID`: the user's managers from the direct manager up to the top, as JSON. */
async function chain(environment: CliEnvironment, userId: string): Promise<number> {
  const { services, close } = await environment.openServices();
  try {
    const directory = services.directory;
    if (!directory) throw new Error('The directory is not wired in this process.');
    const managers = await directory.managerMap();
    if (!(await directory.getUser(userId))) {
      console.error(
        managers.size === 0
          ? 'The directory is empty: run `tandem org sync` first.'
          : `tandem org chain: ${userId} is not in the directory.`,
      );
      return 1;
    }
    console.log(JSON.stringify(buildHierarchy(managers, { extraIds: [userId] }).chainOf(userId)));
    return 0;
  } finally {
    await close();
  }
}

/** `tandem org sync` and `tandem org chain USER_ID`. */
export const command: CliCommand = {
  async run(args, environment) {
    const { options, positional } = parseArgs(args);
    const [sub, ...rest] = positional;
    if (sub === 'sync' && rest.length === 0) return sync(environment, options.full === true);
    if (sub === 'chain' && rest.length === 1 && rest[0]) return chain(environment, rest[0]);
    throw new UsageError(USAGE);
  },
};
