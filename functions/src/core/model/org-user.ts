import type { Doc, IsoDateTime } from './common';

export const ORG_USER_SCHEMA_VERSION = 1;

/** A person in the directory (read from Microsoft Graph). Never holds an age or birth date. */
export interface OrgUser extends Doc {
  /** Directory snapshot this record belongs to (see ports/directory): the matcher reads only complete ones. */
  tenantId: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
  managerId?: string;
  department?: string;
  jobTitle?: string;
  officeLocation?: string;
  preferredLanguage?: string;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  /** Seniority signals where the directory has them (never age). */
  jobLevel?: number;
  hireDate?: string;
  syncedAt: IsoDateTime;
}

/** Only enabled members can be invited (guests and disabled accounts cannot). */
export function isInvitable(u: Pick<OrgUser, 'accountEnabled' | 'userType'>): boolean {
  return u.accountEnabled && u.userType === 'Member';
}
