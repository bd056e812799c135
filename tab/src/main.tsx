/**
 * The tab's entry: find out where it runs (inside Teams or standalone), then load the theme, the
 * language and (standalone) the demo sign-in in parallel, and render. teams-js is only fetched when
 * the page is framed (or in the Teams mobile bridge).
 */
import { createRoot } from 'react-dom/client';
import { App, type Boot } from './app/app';
import { detectTeams } from './host/detect-teams';
import { teamsHost } from './host/teams-host';
import { standaloneHost, standaloneLang, standaloneTheme } from './host/standalone-host';
import { loadTheme } from './theme/themes';
import { loadLanguage } from './i18n/load-language';
import { localDevIdentity } from './auth/local-dev-identity';
import { ApiClient, type TokenSource } from './api/client';
import { createApi } from './api/endpoints';
import type { Me } from './api/types';
import { loadConsolePage, loadReportPage, loadTeamsJs } from './app/chunks';
import { finishAuthentication, isAuthEnd } from './auth/auth-end';
import { param, viewOf, type ViewName } from './host/host';

/** Who am I, asked as soon as a token can be had: it then runs while the theme and language load. */
function prefetchMe(tokens: TokenSource): Promise<Me> {
  const me = createApi(new ApiClient(tokens)).me();
  me.catch(() => undefined); // the page asks again and shows the error
  return me;
}

/** A page opened directly (a Teams static tab, a deep link) starts fetching its chunk at once. */
function prefetchView(view: ViewName | undefined): void {
  if (view === 'programmes') loadConsolePage().catch(() => undefined);
  if (view === 'reports') loadReportPage().catch(() => undefined);
}

async function boot(): Promise<Boot> {
  const detection = await detectTeams();
  if (detection.inTeams) {
    const host = teamsHost(detection);
    prefetchView(host.view);
    const firstMe = prefetchMe(host.tokens);
    const [theme] = await Promise.all([loadTheme(host.theme), loadLanguage(host.lang)]);
    return { host, theme, firstMe };
  }
  prefetchView(viewOf(param('view')));
  const signingIn = standaloneHost(localDevIdentity()).then((signIn) => ({
    ...signIn,
    ...(signIn.session ? { firstMe: prefetchMe(signIn.session) } : {}),
  }));
  const [theme, , signIn] = await Promise.all([
    loadTheme(standaloneTheme()),
    loadLanguage(standaloneLang()),
    signingIn,
  ]);
  return {
    host: signIn.host,
    theme,
    ...(signIn.session ? { session: signIn.session } : {}),
    ...(signIn.signInError ? { signInError: signIn.signInError } : {}),
    ...(signIn.firstMe ? { firstMe: signIn.firstMe } : {}),
  };
}

const container = document.getElementById('root');
if (isAuthEnd(location.pathname)) {
  void finishAuthentication(loadTeamsJs, location.search);
} else if (container) {
  void boot().then((b) => createRoot(container).render(<App boot={b} />));
}
