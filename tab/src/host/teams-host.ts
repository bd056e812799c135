/** The host inside Teams: SSO tokens from `authentication.getAuthToken()`, the Teams theme and locale, links via `app.openLink()`. */
import type { Detection } from './detect-teams';
import { param, viewOf, type HostInfo } from './host';
import { setLinkOpener } from './links';
import { langOf } from '../i18n/translate';
import { themeNameOf } from '../theme/themes';
import { teamsTokens } from '../auth/teams-tokens';

export function teamsHost(detection: Extract<Detection, { inTeams: true }>): HostInfo {
  const { teams, context } = detection;
  const view = viewOf(param('view')) ?? viewOf(context.page.id);
  // Tell Teams the tab is up (it hides its own loading indicator when the manifest asks for one).
  void teams.app.notifySuccess().catch((error: unknown) => console.warn('Teams notifySuccess failed', error));
  // A frame's target="_blank" and downloads are unreliable in Teams (and do nothing on mobile).
  setLinkOpener((url) => teams.app.openLink(url));
  const tokens = teamsTokens(teams, {
    ...(context.user?.tenant?.id ? { tenantId: context.user.tenant.id } : {}),
    ...(context.user?.loginHint ? { loginHint: context.user.loginHint } : {}),
  });
  return {
    kind: 'teams',
    lang: langOf(context.app.locale),
    theme: themeNameOf(context.app.theme),
    ...(view ? { view } : {}),
    tokens,
    consent: () => tokens.consent(),
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((theme) => handler(themeNameOf(theme))),
  };
}
