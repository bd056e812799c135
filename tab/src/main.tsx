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

async function boot(): Promise<Boot> {
  const detection = await detectTeams();
  if (detection.inTeams) {
    const host = teamsHost(detection);
    const [theme] = await Promise.all([loadTheme(host.theme), loadLanguage(host.lang)]);
    return { host, theme };
  }
  const [theme, , signIn] = await Promise.all([
    loadTheme(standaloneTheme()),
    loadLanguage(standaloneLang()),
    standaloneHost(localDevIdentity()),
  ]);
  return {
    host: signIn.host,
    theme,
    ...(signIn.session ? { session: signIn.session } : {}),
    ...(signIn.signInError ? { signInError: signIn.signInError } : {}),
  };
}

const container = document.getElementById('root');
if (container) {
  void boot().then((b) => createRoot(container).render(<App boot={b} />));
}
