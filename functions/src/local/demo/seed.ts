/**
 * Seeds an empty local store with a living demo: the generated organisation (as if synced from
 * Graph) and programmes in every phase, with participants, pairs, meetings, feedback and
 * assessments, so a newcomer sees a working product at once. Deterministic; dates follow `now`.
 */
import type { Store } from '../../ports/store';
import type { OrgUser } from '../../core/model';
import type { DirectoryReader, DirectorySource } from '../../ports/directory';
import { generateOrg, type GeneratedUser } from './org';
import { seededRandom } from './random';
import { DEMO_ACCOUNTS_STATE_ID, type DemoAccount } from './accounts';
import { demoProgrammes } from './programmes';
import { buildProgrammeData, type ProgrammeData } from './programme-data';
import { DirectorySnapshots } from '../../adapters/graph/directory-store';
import { storeDirectoryReader } from '../../adapters/graph/directory-reader';
import { syncDirectory } from '../../app/directory-sync';

export interface SeedResult {
  users: number;
  programmes: number;
  accounts: DemoAccount[];
}

/** True when nothing was ever stored (no programme and no directory chunk): then the demo is seeded. */
export async function isEmptyStore(store: Store, tenantId: string): Promise<boolean> {
  const [programmes, users] = await Promise.all([
    store.programmes.list(undefined, { pageSize: 1 }),
    store.directory.list(tenantId, { pageSize: 1 }),
  ]);
  return programmes.items.length === 0 && users.items.length === 0;
}

export function toOrgUser(u: GeneratedUser, tenantId: string, syncedAt: string): OrgUser {
  return {
    id: u.id,
    schemaVersion: 1,
    tenantId,
    displayName: u.displayName,
    mail: u.mail,
    userPrincipalName: u.userPrincipalName,
    ...(u.managerId ? { managerId: u.managerId } : {}),
    department: u.department,
    jobTitle: u.jobTitle,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    accountEnabled: u.accountEnabled,
    userType: u.userType,
    jobLevel: 7 - Math.min(u.level, 7),
    hireDate: u.employeeHireDate,
    syncedAt,
  };
}

/**
 * Fills the directory: with Graph configured (the local stand-in serves the same generated org),
 * by a real full sync, so `npm start` exercises the production path; otherwise the generated org
 * is written directly as the first directory generation.
 */
async function fillDirectory(
  store: Store,
  org: GeneratedUser[],
  tenantId: string,
  now: Date,
  source: DirectorySource | undefined,
): Promise<void> {
  if (source) {
    await syncDirectory(
      { store, clock: { now: () => now }, source, tenantId, snapshots: new DirectorySnapshots(store, tenantId) },
      { full: true },
    );
    return;
  }
  const users = new Map(
    org.filter((u) => u.userType === 'Member').map((u) => [u.id, toOrgUser(u, tenantId, now.toISOString())]),
  );
  await new DirectorySnapshots(store, tenantId).commit(users, { syncedAt: now.toISOString() }, undefined, 'all');
}

/** Writes the items with at most `concurrency` writes in flight. */
async function writeAll<T>(items: T[], write: (item: T) => Promise<unknown>, concurrency = 25): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await write(items[next++] as T);
    }),
  );
}

/** Stores one programme's generated documents (the demo, the company-scale benchmark); returns how many. */
export async function saveProgrammeData(store: Store, data: ProgrammeData): Promise<number> {
  await store.programmes.create(data.programme);
  await writeAll(data.participants, (p) => store.participants.create(p));
  await writeAll(data.pairs, (p) => store.pairs.create(p));
  await writeAll(data.meetings, (m) => store.meetings.create(m));
  await writeAll(data.feedback, (f) => store.feedback.create(f));
  await writeAll(data.assessments, (a) => store.assessments.create(a));
  await writeAll(data.audit, (a) => store.audit.create(a));
  await writeAll(data.interest, (i) => store.interest.create(i));
  return (
    1 +
    data.participants.length +
    data.pairs.length +
    data.meetings.length +
    data.feedback.length +
    data.assessments.length +
    data.audit.length +
    data.interest.length
  );
}

/** The demo's programmes and sign-in accounts, built from the organisation and the directory as stored. */
export async function buildDemo(
  org: GeneratedUser[],
  now: Date,
  directory: DirectoryReader,
): Promise<{ programmes: ProgrammeData[]; accounts: DemoAccount[] }> {
  const rnd = seededRandom(7);
  const used = new Set<string>();
  const hr = org.filter((u) => u.department === 'Human Resources' && u.accountEnabled && u.userType === 'Member');
  const manager = hr.find((u) => u.level === 2) ?? (hr[0] as GeneratedUser);
  const reporter = hr.find((u) => u.level === 3 && u.id !== manager.id) ?? (hr[1] as GeneratedUser);
  used.add(manager.id).add(reporter.id);
  const programmes: ProgrammeData[] = [];
  let accounts: DemoAccount[] = [];
  for (const plan of demoProgrammes(now)) {
    const data = await buildProgrammeData(plan, org, used, rnd, { now, createdBy: manager.id, directory });
    programmes.push(data);
    if (plan.showcase && data.showcase) accounts = data.showcase;
  }
  accounts = [
    ...accounts,
    { kind: 'manager', userId: manager.id, displayName: manager.displayName, roles: ['Programme.Manage'] },
    { kind: 'hr', userId: reporter.id, displayName: reporter.displayName, roles: ['Reports.Read'] },
  ];
  return { programmes, accounts };
}

export async function seedDemo(
  store: Store,
  options: {
    tenantId: string;
    now: Date;
    size?: number;
    /** Graph users/delta when Graph is configured (the app's own source): the directory is synced through it. */
    source?: DirectorySource;
  },
): Promise<SeedResult> {
  const org = generateOrg({ size: options.size ?? 300, seed: 42 });
  await fillDirectory(store, org, options.tenantId, options.now, options.source);
  // The pairs are matched on the directory as the app reads it (departments, management chains).
  const { programmes, accounts } = await buildDemo(org, options.now, storeDirectoryReader(store, options.tenantId));
  for (const data of programmes) await saveProgrammeData(store, data);
  await store.state.upsert({
    id: DEMO_ACCOUNTS_STATE_ID,
    schemaVersion: 1,
    value: accounts,
    updatedAt: options.now.toISOString(),
  });
  return { users: org.length, programmes: programmes.length, accounts };
}
