/**
 * The last page of the consent popup (`/api/tab/auth-end`, the redirect URI Entra ID returns to; the
 * tab's static route serves index.html for it): tells Teams the popup is done, so
 * `authentication.authenticate()` resolves (or rejects with Entra ID's error) in the tab that opened it.
 */
import type { TeamsModule } from '../host/detect-teams';

export function isAuthEnd(pathname: string): boolean {
  return /\/auth-end\/?$/.test(pathname);
}

export async function finishAuthentication(load: () => Promise<TeamsModule>, search: string): Promise<void> {
  const teams = await load();
  await teams.app.initialize();
  const error = new URLSearchParams(search).get('error');
  if (error) teams.authentication.notifyFailure(error);
  else teams.authentication.notifySuccess();
}
