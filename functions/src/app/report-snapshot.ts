/**
 * The HR report as a materialised snapshot: the report is computed from the whole programme only
 * when its inputs changed, and kept in `state` as `report-snapshot:<programmeId>`; every other
 * request reads two small documents (the programme's change stamp and the snapshot), however many
 * sessions, ratings and people the programme has.
 *
 * Fresh means: built at the change stamp's current ETag (the store adapter changes it after every
 * write to the programme's documents, erasure and withdrawal included, so nobody erased stays in a
 * snapshot), by this version of the code, and less than REPORT_MAX_AGE_MS ago (held vs planned and
 * pair health move with time alone; the directory's departments and offices come from the sync).
 *
 * A rebuild is claimed with a lease in a conditional write on the snapshot document, so of many
 * Functions instances one computes it and the others wait for it; a builder that stops leaves a
 * lease that expires. See docs/api.md ("The HR report at company scale").
 */
import { ConflictError } from '../core/errors';
import { leaseFree, type Lease, type Programme } from '../core/model';
import type { ProgrammeReport } from '../core/reports';
import { changeStampId, type Stored } from '../ports/store';
import type { StateRecord } from '../ports/records';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { loadProgramme } from './support/access';
import { newId } from './support/ids';

/** Raised whenever what a snapshot holds changes shape: older snapshots are then rebuilt. */
export const REPORT_SNAPSHOT_VERSION = 1;
/** A snapshot older than this is rebuilt even without a write (figures that move with time). */
export const REPORT_MAX_AGE_MS = 60_000;
/** How long a rebuild may take before another instance takes it over. */
export const REPORT_BUILD_LEASE_MS = 120_000;
/** How often, and how many times, a reader looks again while another instance rebuilds. */
const WAIT_STEP_MS = 100;
const WAIT_STEPS = 600;

/** What the snapshot document holds in `value`. */
export interface ReportSnapshot {
  version: number;
  /** The change stamp's ETag the report was built at ('' when the programme had no stamp yet). */
  stamp: string;
  builtAt: string;
  report?: ProgrammeReport;
  /** A rebuild under way. */
  building?: Lease;
}

export function reportSnapshotId(programmeId: string): string {
  return `report-snapshot:${programmeId}`;
}

function isFresh(
  s: ReportSnapshot | undefined,
  stamps: readonly string[],
  now: number,
): s is ReportSnapshot & { report: ProgrammeReport } {
  if (!s?.report || s.version !== REPORT_SNAPSHOT_VERSION || !stamps.includes(s.stamp)) return false;
  return Math.abs(now - Date.parse(s.builtAt)) < REPORT_MAX_AGE_MS;
}

/**
 * The report of the programme from its snapshot, rebuilt with `build` when stale. The answer always
 * reflects every write acknowledged before the request began.
 */
export async function snapshotReport(
  deps: AppDeps,
  programmeId: string,
  build: (programme: Stored<Programme>) => Promise<ProgrammeReport>,
): Promise<ProgrammeReport> {
  const key = reportSnapshotId(programmeId);
  const stampKey = changeStampId(programmeId);
  let first: string | undefined;
  for (let step = 0; ; step++) {
    // The stamp is read before anything the report is built from: a write after this read changes it.
    const [stamp, stored] = await Promise.all([
      deps.store.state.find(stampKey, stampKey),
      deps.store.state.find(key, key),
    ]);
    const current = stamp?.etag ?? '';
    first ??= current;
    const snapshot = stored?.value as ReportSnapshot | undefined;
    const now = deps.clock.now().getTime();
    // Built at the stamp this request began with, or a later one: it holds every write before the request.
    if (isFresh(snapshot, [first, current], now)) return snapshot.report;
    if (leaseFree(snapshot?.building, now) || step >= WAIT_STEPS) {
      // NotFound before anything is written: no snapshot document for a programme that does not exist.
      const programme = await loadProgramme(deps, programmeId);
      const claim = await claimRebuild(deps, key, stored, snapshot, now);
      if (claim || step >= WAIT_STEPS) {
        const report = await build(programme).catch(async (err: unknown) => {
          if (claim) await release(deps, claim, snapshot);
          throw err;
        });
        if (claim)
          await release(deps, claim, {
            version: REPORT_SNAPSHOT_VERSION,
            stamp: current,
            builtAt: nowIso(deps.clock),
            report,
          });
        return report;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** Takes the rebuild in a conditional write; undefined when another instance took it first. */
async function claimRebuild(
  deps: AppDeps,
  key: string,
  stored: Stored<StateRecord> | undefined,
  snapshot: ReportSnapshot | undefined,
  now: number,
): Promise<Stored<StateRecord> | undefined> {
  const building: Lease = { owner: newId('report'), until: new Date(now + REPORT_BUILD_LEASE_MS).toISOString() };
  const value: ReportSnapshot = snapshot
    ? { ...snapshot, building }
    : { version: REPORT_SNAPSHOT_VERSION, stamp: '', builtAt: new Date(0).toISOString(), building };
  const doc: StateRecord = { id: key, schemaVersion: 1, value, updatedAt: nowIso(deps.clock) };
  try {
    return stored ? await deps.store.state.replace(doc, stored.etag) : await deps.store.state.create(doc);
  } catch (err) {
    if (err instanceof ConflictError) return undefined;
    throw err;
  }
}

/** Writes the result (or the previous snapshot, after a failure) and gives the lease back, if still ours. */
async function release(deps: AppDeps, claim: Stored<StateRecord>, value: ReportSnapshot | undefined): Promise<void> {
  const { building: _building, ...rest } = (value ?? {}) as ReportSnapshot;
  const doc: StateRecord = {
    id: claim.id,
    schemaVersion: 1,
    value: value ? rest : { version: REPORT_SNAPSHOT_VERSION, stamp: '', builtAt: new Date(0).toISOString() },
    updatedAt: nowIso(deps.clock),
  };
  try {
    await deps.store.state.replace(doc, claim.etag);
  } catch (err) {
    // Taken over after our lease expired: the other builder's snapshot stands.
    if (!(err instanceof ConflictError)) throw err;
  }
}
