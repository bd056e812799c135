/** What a card action or a card rendering needs: the app's ports, who is asking, their language. */
import type { AppDeps, Caller } from '@tandem/app';
import type { Translator } from '../i18n/translate';

export interface ActionContext {
  deps: AppDeps;
  caller: Caller;
  t: Translator;
  /** The person's IANA time zone as Teams reports it (activity.localTimezone), if known. */
  timeZone?: string;
}
