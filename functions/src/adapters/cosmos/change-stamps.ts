/**
 * Writes a programme's change stamp (ports/store.ts `changeStampId`) after each acknowledged write to
 * its documents: a blind upsert of one small `state` record, whose new ETag tells a read model built
 * before the write that it is stale. A blind upsert never conflicts, so writers never wait on each
 * other or retry; the record holds no count to keep right (an erasure needs nothing subtracted).
 *
 * Writes that finish while a stamp of the same programme is in flight share the next stamp: it
 * starts after all of them were acknowledged, so it covers them, and a bulk write of thousands of
 * documents costs a handful of stamps instead of one each.
 */
import type { Container } from '@azure/cosmos';
import { changeStampId } from '../../ports/store';

interface Waiter {
  resolve(): void;
}

interface Lane {
  running: boolean;
  waiters: Waiter[];
}

const ATTEMPTS = 3;

export class ChangeStamps {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly state: Container) {}

  /** Resolves once a stamp written after this call has landed (or, after retries, was given up). */
  stamp(programmeId: string): Promise<void> {
    return new Promise((resolve) => {
      let lane = this.lanes.get(programmeId);
      if (!lane) {
        lane = { running: false, waiters: [] };
        this.lanes.set(programmeId, lane);
      }
      lane.waiters.push({ resolve });
      if (!lane.running) void this.drain(programmeId, lane);
    });
  }

  private async drain(programmeId: string, lane: Lane): Promise<void> {
    lane.running = true;
    while (lane.waiters.length) {
      const batch = lane.waiters.splice(0);
      await this.write(programmeId);
      for (const waiter of batch) waiter.resolve();
    }
    lane.running = false;
    this.lanes.delete(programmeId);
  }

  private async write(programmeId: string): Promise<void> {
    const id = changeStampId(programmeId);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await this.state.items.upsert({ id, schemaVersion: 1, value: null, updatedAt: new Date().toISOString() });
        return;
      } catch {
        // NOTE: the document write itself was acknowledged; failing it now would invite a second
        // write. A stamp given up leaves the snapshot stale-unknown only until its maximum age.
      }
    }
  }
}
