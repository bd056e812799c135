/** "Who am I": identity, roles and the caller's enrollments, for the tab's start screen and the bot. */
import { toArray } from '../ports/store';
import type { Participant, Phase } from '../core/model';
import type { AppDeps } from './deps';
import { canReadReports, isManager, type Caller } from './caller';

export interface Me {
  userId: string;
  tenantId: string;
  displayName?: string;
  username?: string;
  roles: string[];
  isProgrammeManager: boolean;
  canReadReports: boolean;
  enrollments: {
    programmeId: string;
    programmeName: string;
    phase: Phase;
    status: Participant['status'];
    role?: Participant['role'];
  }[];
}

export async function describeMe(deps: AppDeps, caller: Caller): Promise<Me> {
  const own = await toArray(deps.store.participants.all(undefined, { where: { userId: caller.userId } }));
  const user = caller.displayName ? undefined : await deps.directory.getUser(caller.userId);
  const enrollments: Me['enrollments'] = [];
  for (const p of own) {
    const programme = await deps.store.programmes.find(p.programmeId, p.programmeId);
    if (!programme) continue;
    enrollments.push({
      programmeId: programme.id,
      programmeName: programme.name,
      phase: programme.phase,
      status: p.status,
      ...(p.role ? { role: p.role } : {}),
    });
  }
  const displayName = caller.displayName ?? user?.displayName;
  return {
    userId: caller.userId,
    tenantId: caller.tenantId,
    ...(displayName ? { displayName } : {}),
    ...(caller.username ? { username: caller.username } : {}),
    roles: [...caller.roles],
    isProgrammeManager: isManager(caller),
    canReadReports: canReadReports(caller),
    enrollments,
  };
}
