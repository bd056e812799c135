/** Fetches a language's strings (once) before it is shown. */
import { loadMessages } from '../app/chunks';
import { hasResources, registerResources, type Lang } from './translate';

export async function loadLanguage(lang: Lang): Promise<void> {
  if (!hasResources(lang)) registerResources(lang, await loadMessages(lang));
}
