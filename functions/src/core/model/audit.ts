import type { Doc, IsoDateTime } from './common';

export const AUDIT_SCHEMA_VERSION = 1;

/** Who did what to a programme, for the programme manager's audit log. Holds ids, not free text. */
export interface AuditEntry extends Doc {
  programmeId: string;
  at: IsoDateTime;
  /** User id of the actor, or "system" / "timer:<name>". */
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, string | number | boolean>;
}
