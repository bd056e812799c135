import type { AppDeps } from '../deps';
import { nowIso } from '../../ports/clock';
import { newId } from './ids';

/** Appends one entry to the programme's audit log (ids and counts only, never free text). */
export async function audit(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  programmeId: string,
  actor: string,
  action: string,
  target?: string,
  details?: Record<string, string | number | boolean>,
): Promise<void> {
  await deps.store.audit.create({
    id: newId('audit'),
    schemaVersion: 1,
    programmeId,
    at: nowIso(deps.clock),
    actor,
    action,
    ...(target ? { target } : {}),
    ...(details ? { details } : {}),
  });
}
