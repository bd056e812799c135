/**
 * The HR report at company scale: answered from a materialised snapshot that is rebuilt only when
 * the programme's documents changed (or it grew too old), with two small store reads per report
 * however large the programme; rebuilt by one instance at a time; never stale after a write, an
 * erasure included.
 */
import { call, startHarness, type Harness } from './support/harness';
import { MENTEES, programmeInMatching } from './support/flow';
import { programmeReport } from '../../../functions/src/app/report';
import {
  REPORT_BUILD_LEASE_MS,
  REPORT_MAX_AGE_MS,
  REPORT_SNAPSHOT_VERSION,
  reportSnapshotId,
  snapshotReport,
} from '../../../functions/src/app/report-snapshot';
import { ROLE_REPORTS, type Caller } from '../../../functions/src/app/caller';
import type { AppDeps } from '../../../functions/src/app/deps';
import type { ProgrammeReport } from '../../../functions/src/core/reports';
import type { Store } from '../../../functions/src/ports/store';
import type { Feedback } from '../../../functions/src/core/model';

let h: Harness;
let id: string;
const hr: Caller = { userId: 'hr-1', tenantId: 'test', roles: [ROLE_REPORTS] };

beforeAll(async () => {
  h = await startHarness({ store: 'memory' });
  id = await programmeInMatching(h);
});
afterAll(async () => h.close());

/** The store with every call to a collection counted (the proxy for Cosmos DB requests). */
function counting(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      const collection = Reflect.get(target, name, receiver) as unknown;
      if (typeof collection !== 'object' || collection === null) return collection;
      return new Proxy(collection, {
        get(c, method, r) {
          const value = Reflect.get(c, method, r) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            calls.push(`${String(name)}.${String(method)}`);
            return (value as (...a: unknown[]) => unknown).apply(c, args);
          };
        },
      });
    },
  });
  return { store: wrapped, calls };
}

/** snapshotReport with a build that counts its runs (and may take its time). */
function counted(deps: AppDeps, ms = 0) {
  const runs = { count: 0 };
  const report = () =>
    snapshotReport(deps, id, async (programme) => {
      runs.count++;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return { programmeId: programme.id, name: `built ${runs.count}` } as ProgrammeReport;
    });
  return { runs, report };
}

function feedbackDoc(i: number): Feedback {
  const now = h.clock.now().toISOString();
  return {
    id: `bulk-feedback-${i}`,
    schemaVersion: 1,
    programmeId: id,
    pairId: `bulk-pair-${i}`,
    occurrenceIndex: i,
    userId: `bulk-person-${i}`,
    role: 'mentee',
    rating: 4,
    createdAt: now,
    updatedAt: now,
  } as Feedback;
}

describe('the HR report from its snapshot', () => {
  it('answers a report again with two small reads, and as many after the programme grew by 60 sessions of feedback', async () => {
    await programmeReport(h.deps, hr, id);
    const small = counting(h.deps.store);
    const first = await programmeReport({ ...h.deps, store: small.store }, hr, id);
    expect(small.calls.sort()).toEqual(['state.find', 'state.find']);

    await Promise.all(Array.from({ length: 60 }, (_, i) => h.t.store.feedback.create(feedbackDoc(i))));
    const rebuilt = counting(h.deps.store);
    const grown = await programmeReport({ ...h.deps, store: rebuilt.store }, hr, id);
    expect(rebuilt.calls).toContain('feedback.all');
    expect(grown.ratings.count).toBeGreaterThanOrEqual(first.ratings.count);

    const large = counting(h.deps.store);
    expect(await programmeReport({ ...h.deps, store: large.store }, hr, id)).toEqual(grown);
    expect(large.calls.sort()).toEqual(['state.find', 'state.find']);
    await Promise.all(Array.from({ length: 60 }, (_, i) => h.t.store.feedback.delete(id, `bulk-feedback-${i}`)));
  });

  it('shows a write to any of the programme’s documents in the very next report', async () => {
    const before = await programmeReport(h.deps, hr, id);
    const now = h.clock.now().toISOString();
    await h.t.store.participants.create({
      id: 'late-invitee',
      schemaVersion: 1,
      programmeId: id,
      userId: 'late-invitee',
      displayName: 'Late Invitee',
      status: 'invited',
      locale: 'en',
      invitedAt: now,
      invitedBy: 'manager-1',
      updatedAt: now,
    });
    const invited = await programmeReport(h.deps, hr, id);
    expect(invited.funnel.invited).toBe(before.funnel.invited + 1);
    const { etag, ...programme } = await h.t.store.programmes.get(id, id);
    await h.t.store.programmes.replace({ ...programme, name: 'Digital Leadership 2027' }, etag);
    expect((await programmeReport(h.deps, hr, id)).name).toBe('Digital Leadership 2027');
    await h.t.store.participants.delete(id, 'late-invitee');
    expect((await programmeReport(h.deps, hr, id)).funnel.invited).toBe(before.funnel.invited);
  });

  it('is rebuilt after an erasure, so nothing of the erased person outlives it in the snapshot', async () => {
    const { runs, report } = counted(h.deps);
    await report();
    await report();
    const built = runs.count;
    const res = await call(h, 'POST', '/v1/me/erasure', {
      token: await h.token(MENTEES[0] as string),
      body: { confirm: 'erase-my-data' },
    });
    expect(res.status).toBe(200);
    await report();
    expect(runs.count).toBe(built + 1);
  });

  it('is rebuilt once it is older than its maximum age, even without a write', async () => {
    const { runs, report } = counted(h.deps);
    await report();
    const built = runs.count;
    h.clock.advance(REPORT_MAX_AGE_MS - 1000);
    await report();
    expect(runs.count).toBe(built);
    h.clock.advance(2000);
    await report();
    expect(runs.count).toBe(built + 1);
  });

  it('is rebuilt by one of many readers at once; the others wait for it and get the same report', async () => {
    await h.t.store.participants.upsert({ ...(await h.t.store.participants.get(id, MENTEES[1] as string)) });
    const { runs, report } = counted(h.deps, 300);
    const answers = await Promise.all(Array.from({ length: 8 }, () => report()));
    expect(runs.count).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  it('waits for a rebuild under way elsewhere, and takes it over once its lease has expired', async () => {
    await h.t.store.participants.upsert({ ...(await h.t.store.participants.get(id, MENTEES[1] as string)) });
    const key = reportSnapshotId(id);
    const stored = await h.t.store.state.get(key, key);
    const lease = {
      owner: 'another-instance',
      until: new Date(h.clock.now().getTime() + REPORT_BUILD_LEASE_MS).toISOString(),
    };
    const claimed = await h.t.store.state.replace(
      {
        id: key,
        schemaVersion: 1,
        value: { ...(stored.value as object), building: lease },
        updatedAt: stored.updatedAt,
      },
      stored.etag,
    );
    const { runs, report } = counted(h.deps);
    const waiting = report();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The other instance finishes: its snapshot, built at the current stamp, is what the reader gets.
    const stamp = await h.t.store.state.get(`changes:${id}`, `changes:${id}`);
    const theirs = { programmeId: id, name: 'built elsewhere' } as ProgrammeReport;
    await h.t.store.state.replace(
      {
        id: key,
        schemaVersion: 1,
        value: {
          version: REPORT_SNAPSHOT_VERSION,
          stamp: stamp.etag,
          builtAt: h.clock.now().toISOString(),
          report: theirs,
        },
        updatedAt: stored.updatedAt,
      },
      claimed.etag,
    );
    expect(await waiting).toEqual(theirs);
    expect(runs.count).toBe(0);

    // A builder that stopped: once its lease has expired, the next reader builds.
    await h.t.store.participants.upsert({ ...(await h.t.store.participants.get(id, MENTEES[1] as string)) });
    const now = await h.t.store.state.get(key, key);
    await h.t.store.state.replace({ ...now, value: { ...(now.value as object), building: lease } }, now.etag);
    h.clock.advance(REPORT_BUILD_LEASE_MS + 1000);
    await report();
    expect(runs.count).toBe(1);
  });

  it('never answers with less than was written before the request, with writes and readers interleaved', async () => {
    // (The tests above left a snapshot of their stand-in builds: a write makes it stale.)
    await h.t.store.participants.upsert({ ...(await h.t.store.participants.get(id, MENTEES[1] as string)) });
    const base = (await programmeReport(h.deps, hr, id)).funnel.invited;
    let acknowledged = 0;
    const now = h.clock.now().toISOString();
    const writer = (async () => {
      for (let i = 0; i < 24; i++) {
        await h.t.store.participants.create({
          id: `stress-${i}`,
          schemaVersion: 1,
          programmeId: id,
          userId: `stress-${i}`,
          displayName: `Stress ${i}`,
          status: 'invited',
          locale: 'en',
          invitedAt: now,
          invitedBy: 'manager-1',
          updatedAt: now,
        });
        acknowledged = i + 1;
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 13));
      }
    })();
    const seen: [number, number][] = [];
    const reader = async () => {
      for (let i = 0; i < 8; i++) {
        const before = acknowledged;
        const report = await programmeReport(h.deps, hr, id);
        seen.push([before, report.funnel.invited - base]);
      }
    };
    await Promise.all([writer, reader(), reader(), reader()]);
    for (const [before, shown] of seen) expect(shown).toBeGreaterThanOrEqual(before);
    expect((await programmeReport(h.deps, hr, id)).funnel.invited).toBe(base + 24);
    await Promise.all(Array.from({ length: 24 }, (_, i) => h.t.store.participants.delete(id, `stress-${i}`)));
  });

  it('writes no snapshot for a programme that does not exist', async () => {
    await expect(programmeReport(h.deps, hr, 'no-such-programme')).rejects.toThrow(/no programme/);
    const key = reportSnapshotId('no-such-programme');
    expect(await h.t.store.state.find(key, key)).toBeUndefined();
  });
});
