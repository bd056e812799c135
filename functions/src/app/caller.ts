/**
 * Who is asking: the authenticated person as the API, the bot or a timer hands them to a use case.
 * Plain data, so the bot can build one from an activity and call the use cases in-process.
 */
import { ForbiddenError } from '../core/errors';
import type { Caller } from '../ports/auth';

/** Entra app role of programme managers. */
export const ROLE_MANAGE = 'Programme.Manage';
/** Entra app role of HR / leadership (reports only). */
export const ROLE_REPORTS = 'Reports.Read';

/** Who is asking (defined with the auth port, which adapters/auth implements). */
export type { Caller } from '../ports/auth';

export function isManager(caller: Caller): boolean {
  return caller.roles.includes(ROLE_MANAGE);
}

/** HR reads reports; programme managers read the reports of the programmes they run. */
export function canReadReports(caller: Caller): boolean {
  return caller.roles.includes(ROLE_REPORTS) || isManager(caller);
}

export function assertManager(caller: Caller): void {
  if (!isManager(caller)) throw new ForbiddenError(`This needs the ${ROLE_MANAGE} role.`);
}

export function assertReportReader(caller: Caller): void {
  if (!canReadReports(caller)) throw new ForbiddenError(`This needs the ${ROLE_REPORTS} or ${ROLE_MANAGE} role.`);
}

/** A participant may act only on their own records; a programme manager on anyone's in their programmes. */
export function assertSelfOrManager(caller: Caller, userId: string): void {
  if (caller.userId !== userId && !isManager(caller))
    throw new ForbiddenError('You can only see and change your own records.');
}

/** The caller timers use: the audit log shows `timer:<name>` as the actor. */
export function systemCaller(name: string, tenantId = 'system'): Caller {
  return { userId: `timer:${name}`, tenantId, roles: [ROLE_MANAGE] };
}
