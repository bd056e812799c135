/**
 * What the manager sees of reaching a programme's invitees: where Tandem stands in the org catalog
 * (one state for the organisation, reported once instead of a failure per person), how many people
 * the app was installed for, and how many calendars Tandem may not book. Per person, the same is on
 * each participant record (`appInstall.state`, `calendarAccess`).
 */
import { APP_INSTALL_STATES, type AppInstallState } from '../core/model';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';
import { teamsAppInstallState, type TeamsAppInstallState } from './invitee-reach';

export interface ProgrammeReach {
  /** Installing for the organisation: published / not-published / blocked-by-policy / unknown; not-configured without Graph or TEAMS_APP_ID. */
  catalog: TeamsAppInstallState | { status: 'not-configured' };
  /** People (not left) by install state; `none` = no install was needed or tried. */
  installs: Record<AppInstallState | 'none', number>;
  /** People whose calendar Tandem may not book: outside the Exchange scope, or without a mailbox. */
  calendar: { outsideScope: number; noMailbox: number; unchecked: number };
}

export async function programmeReach(deps: AppDeps, caller: Caller, programmeId: string): Promise<ProgrammeReach> {
  assertManager(caller);
  await loadProgramme(deps, programmeId);
  const installs = Object.fromEntries([...APP_INSTALL_STATES, 'none'].map((s) => [s, 0])) as ProgrammeReach['installs'];
  const calendar = { outsideScope: 0, noMailbox: 0, unchecked: 0 };
  for await (const p of deps.store.participants.all(programmeId, {
    where: { status: ['invited', 'opted-in', 'paused'] },
  })) {
    installs[p.appInstall?.state ?? 'none']++;
    if (p.calendarAccess === 'outside-scope') calendar.outsideScope++;
    else if (p.calendarAccess === 'no-mailbox') calendar.noMailbox++;
    else if (!p.calendarAccess) calendar.unchecked++;
  }
  const state = deps.teamsApps ? await teamsAppInstallState(deps) : undefined;
  return {
    catalog: state ?? ({ status: deps.teamsApps ? 'unknown' : 'not-configured' } as ProgrammeReach['catalog']),
    installs,
    calendar,
  };
}
