/** The host inside Teams: SSO tokens from `authentication.getAuthToken()`, the Teams theme and locale. */
import type { Detection } from './detect-teams';
import { param, viewOf, type HostInfo } from './host';
import { langOf } from '../i18n/translate';
import { themeNameOf } from '../theme/themes';

export function teamsHost(detection: Extract<Detection, { inTeams: true }>): HostInfo {
  const { teams, context } = detection;
  const view = viewOf(param('view')) ?? viewOf(context.page.id);
  // Tell Teams the tab is up (it hides its own loading indicator when the manifest asks for one).
  teams.app.notifySuccess();
  return {
    kind: 'teams',
    lang: langOf(context.app.locale),
    theme: themeNameOf(context.app.theme),
    ...(view ? { view } : {}),
    tokens: {
      // Teams caches and renews the token itself; asking again after a 401 gets a fresh one.
      getToken: () => teams.authentication.getAuthToken(),
    },
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((theme) => handler(themeNameOf(theme))),
  };
}
