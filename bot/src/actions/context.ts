/** What a card action or a card rendering needs: the app's ports, who is asking, their language. */
import type { AppDeps } from '../../../functions/src/app/deps';
import type { Caller } from '../../../functions/src/app/caller';
import type { Translator } from '../i18n/translate';

/**
 * Use cases the bot offers on cards that the app does not have yet; each stays off (its button is
 * not shown, its verb answers "not available") until the composition supplies it.
 */
export interface OptionalUseCases {
  /** The interest list for a programme's next cohort. */
  registerInterest?(deps: AppDeps, caller: Caller, programmeId: string): Promise<unknown>;
}

export interface ActionContext {
  deps: AppDeps;
  caller: Caller;
  t: Translator;
  /** The person's IANA time zone as Teams reports it (activity.localTimezone), if known. */
  timeZone?: string;
  optional?: OptionalUseCases;
}
