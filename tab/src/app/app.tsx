/** The tab's root: Fluent theme (following Teams), language, and the signed-in session. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { I18nProvider } from '../i18n/i18n-context';
import { ApiClient } from '../api/client';
import { createApi } from '../api/endpoints';
import { loadTheme, type ThemeName } from '../theme/themes';
import type { HostInfo } from '../host/host';
import { remember, type DemoSession } from '../host/standalone-host';
import type { Lang } from '../i18n/translate';
import type { Me } from '../api/types';
import { loadLanguage } from '../i18n/load-language';
import { Shell } from './shell';
import { ThemeNameContext } from '../theme/theme-name-context';

export interface Boot {
  host: HostInfo;
  theme: Theme;
  session?: DemoSession;
  signInError?: unknown;
  /** `GET /me`, already on its way for the first account (started during boot). */
  firstMe?: Promise<Me>;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    display: 'flex',
    flexDirection: 'column',
  },
});

export function App({ boot }: { boot: Boot }) {
  const s = useStyles();
  const [themeName, setThemeName] = useState<ThemeName>(boot.host.theme);
  const [theme, setTheme] = useState<Theme>(boot.theme);
  const [lang, setLang] = useState<Lang>(boot.host.lang);
  const [accountId, setAccountId] = useState(boot.session?.current.userId);
  // The boot's early `GET /me` belongs to the first account, and serves its first load only.
  const firstMe = useRef(boot.firstMe);
  const takeFirstMe = useCallback(() => {
    const me = firstMe.current;
    firstMe.current = undefined;
    return me;
  }, []);

  useEffect(() => boot.host.onThemeChange?.(setThemeName), [boot.host]);
  useEffect(() => {
    let live = true;
    void loadTheme(themeName).then((t) => live && setTheme(t));
    return () => {
      live = false;
    };
  }, [themeName]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    // The page behind the provider (overscroll, short pages) takes the theme's background too.
    document.body.style.backgroundColor = theme.colorNeutralBackground3;
    document.documentElement.style.colorScheme = themeName === 'default' ? 'light' : 'dark';
  }, [theme, themeName]);

  // A new account means a new client (its tokens) and a fresh page state.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- accountId is the reason to rebuild, not an input
  const api = useMemo(() => createApi(new ApiClient(boot.host.tokens)), [boot.host.tokens, accountId]);

  const standalone =
    boot.host.kind === 'standalone'
      ? {
          session: boot.session,
          signInError: boot.signInError,
          themeName,
          setThemeName: (name: ThemeName) => {
            remember('theme', name);
            setThemeName(name);
          },
          setLang: (next: Lang) => {
            remember('lang', next);
            void loadLanguage(next).then(() => setLang(next));
          },
          switchAccount: (userId: string) => setAccountId(boot.session?.select(userId).userId),
        }
      : undefined;

  return (
    <FluentProvider theme={theme} className={s.root} applyStylesToPortals>
      <ThemeNameContext.Provider value={themeName}>
        <I18nProvider lang={lang}>
          <Shell
            key={accountId ?? 'teams'}
            api={api}
            host={boot.host}
            standalone={standalone}
            takeFirstMe={takeFirstMe}
          />
        </I18nProvider>
      </ThemeNameContext.Provider>
    </FluentProvider>
  );
}
