/** The translator of the current language for every component (`useT()`). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createTranslator, type Lang, type Translator } from './translate';

const I18nContext = createContext<Translator>(createTranslator('en'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const translator = useMemo(() => createTranslator(lang), [lang]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useT(): Translator {
  return useContext(I18nContext);
}
