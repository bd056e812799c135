/**
 * Invitations by a list of people, a department or an Entra group. Only enabled members can be
 * invited; someone who left before is invited again; someone already in stays as they are.
 */
import { coded, ConflictError } from '../core/errors';
import {
  isEnrollmentOpen,
  isInvitable,
  localeOf,
  PARTICIPANT_SCHEMA_VERSION,
  reinvite,
  type OrgUser,
} from '../core/model';
import { nowIso } from '../ports/clock';
import type { Notification } from '../ports/messenger';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import type { InviteInput } from './schemas';
import { loadProgramme } from './support/access';
import { audit } from './support/audit';
import { update } from './support/update';
import { forEachLimited, WRITE_CONCURRENCY } from './support/batch';
import { pendingInstall } from './invitee-reach';
import { wakeInviteeReach } from './invitee-reach-wake';

/** The most people one invitation request reaches (a department or group larger than this is split by the manager). */
export const MAX_INVITATIONS = 5000;

export interface InviteResult {
  invited: number;
  alreadyInvited: number;
  /** Ids that are not in the directory, disabled, or guests. */
  notInvitable: string[];
}

async function resolve(deps: AppDeps, input: InviteInput): Promise<{ users: OrgUser[]; asked: string[] }> {
  if (input.userIds) {
    const asked = [...new Set(input.userIds)];
    return { users: await deps.directory.getUsers(asked), asked };
  }
  if (input.groupId) {
    const asked = [...new Set(await deps.directory.groupMembers(input.groupId))].slice(0, MAX_INVITATIONS + 1);
    return { users: await deps.directory.getUsers(asked), asked };
  }
  const users: OrgUser[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.directory.listUsers(
      { department: input.department as string },
      { pageSize: 500, ...(continuationToken ? { continuationToken } : {}) },
    );
    users.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken && users.length <= MAX_INVITATIONS);
  return { users, asked: users.map((u) => u.id) };
}

export async function invite(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  input: InviteInput,
): Promise<InviteResult> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  if (!isEnrollmentOpen(programme.phase))
    throw coded(
      new ConflictError(`Invitations go out in preparation or matching; the programme is in ${programme.phase}.`),
      'wrong-phase',
    );
  const { users, asked } = await resolve(deps, input);
  if (asked.length > MAX_INVITATIONS)
    throw new ConflictError(`At most ${MAX_INVITATIONS} people can be invited at once.`);
  const byId = new Map(users.filter(isInvitable).map((u) => [u.id, u]));
  const notInvitable = asked.filter((id) => !byId.has(id));
  const now = nowIso(deps.clock);
  let invited = 0;
  let alreadyInvited = 0;
  const notifications: Notification[] = [];
  await forEachLimited([...byId.values()], WRITE_CONCURRENCY, async (user) => {
    const existing = await deps.store.participants.find(programmeId, user.id);
    if (existing && existing.status !== 'left') {
      alreadyInvited++;
      return;
    }
    if (existing) {
      // Invited again after leaving; someone else may write the enrollment at the same moment.
      let again = false;
      await update(deps.store.participants, programmeId, user.id, (p) => {
        again = p.status === 'left';
        if (!again) return p;
        const back = reinvite(p, caller.userId, now);
        // Installed before: nothing to do; otherwise Tandem tries to reach them again.
        const reached = p.appInstall?.state === 'installed' || p.appInstall?.state === 'already-installed';
        return deps.teamsApps && !reached ? { ...back, appInstall: pendingInstall(now) } : back;
      });
      if (!again) {
        alreadyInvited++;
        return;
      }
    } else {
      try {
        await deps.store.participants.create({
          id: user.id,
          schemaVersion: PARTICIPANT_SCHEMA_VERSION,
          programmeId,
          userId: user.id,
          displayName: user.displayName,
          status: 'invited',
          locale: localeOf(user.preferredLanguage),
          invitedAt: now,
          invitedBy: caller.userId,
          updatedAt: now,
          // The invitation card waits in the outbox until the bot can reach the person: install for them.
          ...(deps.teamsApps ? { appInstall: pendingInstall(now) } : {}),
        });
      } catch (err) {
        // A concurrent invitation of the same person: one record, counted once.
        if (err instanceof ConflictError && err.reason === 'exists') {
          alreadyInvited++;
          return;
        }
        throw err;
      }
    }
    invited++;
    notifications.push({
      type: 'invitation',
      recipient: user.id,
      programmeId,
      params: { programmeId },
      dedupeKey: `invitation:${programmeId}:${user.id}:${now}`,
    });
  });
  if (notifications.length) await deps.messenger.send(notifications, `invite:${programmeId}:${now}`);
  // Install Tandem for them and check their calendars on the next run (timer inviteeReach).
  if (invited && (deps.teamsApps || deps.mailboxes)) await wakeInviteeReach(deps, now);
  await audit(deps, programmeId, caller.userId, 'participants.invited', undefined, {
    invited,
    alreadyInvited,
    notInvitable: notInvitable.length,
  });
  return { invited, alreadyInvited, notInvitable };
}
