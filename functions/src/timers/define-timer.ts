/**
 * A timer = one Azure Functions timer function that runs a use case on a schedule (NCRONTAB, UTC).
 * Every run records its outcome in the `state` container (`timer:<name>`), so operators can see
 * when it last ran; the work itself is idempotent, so a missed or repeated run does no harm.
 * Locally, `POST /admin/functions/<name>` runs it on demand.
 */
import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getServices, type Services } from '../composition';
import type { AppDeps } from '@tandem/app';

export interface TimerSpec {
  name: string;
  schedule: string;
  /** The use case's run; `services` for what is not a use-case port (the bot runtime of the outbox run). */
  run(deps: AppDeps, services: Services): Promise<unknown>;
}

export function defineTimer(spec: TimerSpec): (timer: Timer, context: InvocationContext) => Promise<void> {
  const handler = async (_timer: Timer, context: InvocationContext) => {
    const services = await getServices();
    const startedAt = services.clock.now().toISOString();
    let result: unknown;
    let error: string | undefined;
    try {
      result = await spec.run(services.app, services);
      context.log(`${spec.name}: ${JSON.stringify(result)}`);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      context.error(`${spec.name} failed`, err);
    }
    await services.store.state
      .upsert({
        id: `timer:${spec.name}`,
        schemaVersion: 1,
        value: { startedAt, result: result ?? null, ...(error ? { error } : {}) },
        updatedAt: services.clock.now().toISOString(),
      })
      .catch((err: unknown) => context.warn(`${spec.name}: could not record the run`, err));
    if (error) throw new Error(`${spec.name} failed: ${error}`);
  };
  app.timer(spec.name, { schedule: spec.schedule, handler });
  return handler;
}
