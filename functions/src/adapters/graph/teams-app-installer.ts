/**
 * Installs Tandem in people's personal scope through Microsoft Graph (application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All). The install call needs the org catalog's generated
 * app id, which is not the manifest id: it is looked up by the manifest id (`externalId`, permission
 * AppCatalog.Read.All) and kept for an hour, so a re-upload of the app under a new catalog id is
 * picked up without a setting to change.
 */
import type { TeamsApp } from '@microsoft/microsoft-graph-types';
import type { CatalogLookup, InstallOutcome, TeamsAppInstaller } from '../../ports/teams-apps';
import type { GraphConnection } from './client';
import { graphStatus } from './errors';

const CACHE_MS = 60 * 60 * 1000;

function messageOf(err: unknown): string {
  const status = graphStatus(err);
  const code = (err as { code?: unknown }).code;
  const text = err instanceof Error ? err.message : String(err);
  return `${status ?? 'no answer'}${typeof code === 'string' && code ? ` ${code}` : ''}: ${text}`.slice(0, 300);
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { headers?: { get?: (name: string) => string | null } }).headers;
  const value = headers?.get?.('Retry-After');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

export function graphTeamsAppInstaller(
  conn: GraphConnection,
  manifestAppId: string,
  now: () => number = Date.now,
): TeamsAppInstaller {
  let cached: { catalogAppId: string; until: number } | undefined;
  return {
    async lookUp(): Promise<CatalogLookup> {
      if (cached && cached.until > now()) return { kind: 'published', catalogAppId: cached.catalogAppId };
      try {
        const page = (await conn.client
          .api('/appCatalogs/teamsApps')
          .filter(`externalId eq '${manifestAppId.replace(/'/g, "''")}'`)
          .get()) as { value?: TeamsApp[] };
        const id = page.value?.[0]?.id;
        if (!id) {
          cached = undefined;
          return { kind: 'not-published' };
        }
        cached = { catalogAppId: id, until: now() + CACHE_MS };
        return { kind: 'published', catalogAppId: id };
      } catch (err) {
        return { kind: 'unknown', message: messageOf(err) };
      }
    },

    async installFor(userId: string, catalogAppId: string): Promise<InstallOutcome> {
      try {
        await conn.client.api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`).post({
          'teamsApp@odata.bind': `${conn.baseUrl}/v1.0/appCatalogs/teamsApps/${catalogAppId}`,
        });
        return { kind: 'installed' };
      } catch (err) {
        const status = graphStatus(err);
        const message = messageOf(err);
        if (status === 409) return { kind: 'already-installed' };
        if (status === 403) return { kind: 'blocked', message };
        if (status === 404 && /app/i.test(message) && !/user/i.test(message)) {
          cached = undefined;
          return { kind: 'not-published', message };
        }
        if (status === undefined || status === 429 || status >= 500) {
          const after = retryAfterMs(err);
          return { kind: 'transient', message, ...(after !== undefined ? { retryAfterMs: after } : {}) };
        }
        return { kind: 'failed', message };
      }
    },
  };
}
