/** A domain error's stable code (core/errors.ts ERROR_CODES) in the reader's language, if the bot has words for it. */
import type { DomainError } from '@tandem/core/errors';
import { isMessageKey, type Translator } from './translate';

export function codedErrorText(t: Translator, err: Pick<DomainError, 'code'>): string | undefined {
  const key = err.code ? `errorCode.${err.code}` : undefined;
  return key && isMessageKey(key) ? t.t(key) : undefined;
}
