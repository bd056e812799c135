/**
 * Nightly directory sync (02:30 UTC): an incremental `users/delta` round, and a full resync when the
 * last one is older than GRAPH_FULL_RESYNC_DAYS (the delta manager signal is not fully reliable).
 * The outcome is recorded in state `timer:orgSync`; a failed run changes nothing visible and the
 * next run starts again from the last complete directory.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { directorySyncDeps, getServices } from '../composition';
import { syncDirectory, type SyncSummary } from '@tandem/app';

export const ORG_SYNC_SCHEDULE = '0 30 2 * * *';

async function orgSyncTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const services = await getServices();
  const startedAt = services.clock.now().toISOString();
  let result: SyncSummary | { skipped: string } | undefined;
  let error: string | undefined;
  try {
    if (!services.directorySource) {
      result = { skipped: 'Microsoft Graph is not configured.' };
      context.warn('orgSync: Microsoft Graph is not configured; nothing synced.');
    } else {
      result = await syncDirectory(directorySyncDeps(services, services.directorySource), {
        fullResyncDays: services.config.graph.fullResyncDays,
      });
      context.log(`orgSync: ${JSON.stringify(result)}`);
    }
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    context.error('orgSync failed', err);
  }
  await services.store.state
    .upsert({
      id: 'timer:orgSync',
      schemaVersion: 1,
      value: { startedAt, result: result ?? null, ...(error ? { error } : {}) },
      updatedAt: services.clock.now().toISOString(),
    })
    .catch((err: unknown) => context.warn('orgSync: could not record the run', err));
  if (error) throw new Error(`orgSync failed: ${error}`);
}

app.timer('orgSync', { schedule: ORG_SYNC_SCHEDULE, handler: orgSyncTimer });
