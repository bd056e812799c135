/**
 * Consent as a record: a participant sees the wording they agreed to (the programme keeps every
 * consent text version word for word, de and en), and can withdraw consent. Withdrawing = leaving
 * the programme, with the person's data in it then handled as erasure handles it
 * (`pseudonymisePerson`, the code erasure and retention share), for this programme only.
 */
import { randomUUID } from 'node:crypto';
import { consentTextOf, type ConsentText } from '../../core/model';
import type { AppDeps } from '../deps';
import type { Caller } from '../caller';
import { leaveProgramme } from '../enrollment';
import { loadProgramme, requireEnrollment } from '../support/access';
import { audit } from '../support/audit';
import { pseudonymisePerson } from './pseudonymise';

type Wording = Pick<ConsentText, 'version' | 'de' | 'en'>;

export interface MyConsent {
  /** What the caller agreed to and when; `text` is null for a version recorded before wordings were kept. */
  agreed: { textVersion: string; at: string; text: Wording | null } | null;
  /** The programme's current consent text. */
  current: Wording | null;
}

const wording = (t: ConsentText | undefined): Wording | null => (t ? { version: t.version, de: t.de, en: t.en } : null);

export async function myConsent(deps: AppDeps, caller: Caller, programmeId: string): Promise<MyConsent> {
  const programme = await loadProgramme(deps, programmeId);
  const me = await requireEnrollment(deps, programmeId, caller.userId);
  return {
    agreed: me.consent
      ? {
          textVersion: me.consent.textVersion,
          at: me.consent.at,
          text: wording(consentTextOf(programme, me.consent.textVersion)),
        }
      : null,
    current: wording(consentTextOf(programme, programme.consentTextVersion)),
  };
}

export interface WithdrawalResult {
  withdrawn: true;
  anonymised: number;
  deleted: number;
}

export async function withdrawConsent(deps: AppDeps, caller: Caller, programmeId: string): Promise<WithdrawalResult> {
  await requireEnrollment(deps, programmeId, caller.userId);
  // Leaving first: the pairs end and partners are re-matched, as with any leave.
  await leaveProgramme(deps, caller, programmeId, caller.userId);
  const counts = await pseudonymisePerson(deps, caller.userId, `erased-${randomUUID()}`, programmeId);
  // For operators: that a withdrawal happened, never by whom.
  await audit(deps, programmeId, 'system:consent', 'participant.consent-withdrawn', undefined, {
    anonymised: counts.anonymised,
  });
  return { withdrawn: true, anonymised: counts.anonymised, deleted: counts.deleted };
}
