/**
 * The interest list for a programme's next cohort (PRODUCT.md, step 4): anyone signed in who sees
 * an announcement, a testimonial or the tab can say "I am interested"; programme managers read the
 * list and invite those people into a new programme through the invite use case. Registering twice
 * is harmless (the record's id is the person's id); withdrawing something absent is, too.
 */
import { ConflictError, NotFoundError } from '../core/errors';
import { INTEREST_SCHEMA_VERSION, isInvitable, type Interest, type InterestSource } from '../core/model';
import { nowIso } from '../ports/clock';
import type { Page, Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { assertManager, assertReportReader, isManager, type Caller } from './caller';
import type { InterestQuery, InviteInterestedInput } from './schemas/interest';
import { invite, type InviteResult } from './invite';
import { loadProgramme } from './support/access';
import { forEachLimited, WRITE_CONCURRENCY } from './support/batch';
import { deleteOnce } from './support/retry';
import { update } from './support/update';

/** An entry of the manager's list: the record and who the person is (from the directory, never stored here). */
export type InterestEntry = Stored<Interest> & {
  displayName: string;
  department?: string;
  jobTitle?: string;
  officeLocation?: string;
  /** An enabled member of the directory: the invite use case accepts them. */
  invitable: boolean;
};

export interface InterestCount {
  /** People on the list. */
  count: number;
  /** Of them, people a manager already invited to another programme from the list. */
  invited: number;
}

async function openProgramme(deps: AppDeps, programmeId: string) {
  const programme = await loadProgramme(deps, programmeId);
  // A draft has not been announced to anyone: there is nothing to be interested in yet.
  if (programme.phase === 'draft')
    throw new ConflictError('The programme is still a draft; its interest list opens once people are invited.');
  return programme;
}

/** Puts the caller on the list; a second call returns the first record unchanged. */
export async function registerInterest(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  source: InterestSource = 'api',
): Promise<{ interest: Stored<Interest>; created: boolean }> {
  await openProgramme(deps, programmeId);
  const existing = await deps.store.interest.find(programmeId, caller.userId);
  if (existing) return { interest: existing, created: false };
  try {
    const interest = await deps.store.interest.create({
      id: caller.userId,
      schemaVersion: INTEREST_SCHEMA_VERSION,
      programmeId,
      userId: caller.userId,
      source,
      registeredAt: nowIso(deps.clock),
    });
    return { interest, created: true };
  } catch (err) {
    // A double click that raced the first one: one record.
    if (err instanceof ConflictError && err.reason === 'exists')
      return { interest: await deps.store.interest.get(programmeId, caller.userId), created: false };
    throw err;
  }
}

/** Takes the caller off the list; returns whether they were on it. */
export async function withdrawInterest(deps: AppDeps, caller: Caller, programmeId: string): Promise<boolean> {
  await loadProgramme(deps, programmeId);
  const existing = await deps.store.interest.find(programmeId, caller.userId);
  if (!existing) return false;
  await deleteOnce(deps.store.interest, programmeId, caller.userId);
  return true;
}

/** The caller's own record, if they are on the list. */
export async function ownInterest(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
): Promise<Stored<Interest> | undefined> {
  await loadProgramme(deps, programmeId);
  return deps.store.interest.find(programmeId, caller.userId);
}

/**
 * Managers: the list, newest first, with each person's name and department from the directory.
 * Anyone else: only their own record (0 or 1 items), so the tab can show "you are on the list".
 */
export async function listInterest(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  query: InterestQuery = {},
): Promise<Page<InterestEntry | Stored<Interest>>> {
  if (!isManager(caller)) {
    const own = await ownInterest(deps, caller, programmeId);
    return { items: own ? [own] : [] };
  }
  await loadProgramme(deps, programmeId);
  const page = await deps.store.interest.list(programmeId, {
    orderBy: 'registeredAt',
    descending: true,
    ...(query.pageSize ? { pageSize: query.pageSize } : {}),
    ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
  });
  const users = new Map((await deps.directory.getUsers(page.items.map((i) => i.userId))).map((u) => [u.id, u]));
  const items = page.items.map((i): InterestEntry => {
    const user = users.get(i.userId);
    return {
      ...i,
      displayName: user?.displayName ?? i.userId,
      ...(user?.department ? { department: user.department } : {}),
      ...(user?.jobTitle ? { jobTitle: user.jobTitle } : {}),
      ...(user?.officeLocation ? { officeLocation: user.officeLocation } : {}),
      invitable: user ? isInvitable(user) : false,
    };
  });
  return { items, ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) };
}

/** How many people are on the list (managers and HR: a number, no identities). */
export async function countInterest(deps: AppDeps, caller: Caller, programmeId: string): Promise<InterestCount> {
  assertReportReader(caller);
  await loadProgramme(deps, programmeId);
  const result: InterestCount = { count: 0, invited: 0 };
  for await (const i of deps.store.interest.all(programmeId)) {
    result.count++;
    if (i.invitedTo?.length) result.invited++;
  }
  return result;
}

/**
 * Invites people from this programme's list into programme `to` with the invite use case (its
 * rules: preparation or matching, members only) and notes on each record where they were invited.
 */
export async function inviteInterested(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  input: InviteInterestedInput,
): Promise<InviteResult> {
  assertManager(caller);
  await loadProgramme(deps, programmeId);
  const result = await invite(deps, caller, input.to, { userIds: input.userIds });
  const refused = new Set(result.notInvitable);
  const at = nowIso(deps.clock);
  const reached = [...new Set(input.userIds)].filter((id) => !refused.has(id));
  await forEachLimited(reached, WRITE_CONCURRENCY, async (userId) => {
    if (!(await deps.store.interest.find(programmeId, userId))) return;
    await update(deps.store.interest, programmeId, userId, (i) =>
      i.invitedTo?.some((t) => t.programmeId === input.to)
        ? i
        : { ...i, invitedTo: [...(i.invitedTo ?? []), { programmeId: input.to, at }] },
    ).catch((err: unknown) => {
      // Withdrawn in between: nothing to note.
      if (!(err instanceof NotFoundError)) throw err;
    });
  });
  return result;
}
