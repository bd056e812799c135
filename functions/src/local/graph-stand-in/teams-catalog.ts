/**
 * The Teams app catalog and per-user app installations, as Graph serves them: `GET
 * /appCatalogs/teamsApps?$filter=externalId eq '…'` (the catalog id differs from the manifest id,
 * which Graph calls externalId), `GET` and `POST /users/{id}/teamwork/installedApps`. Tests unpublish
 * Tandem or block a person's installs (an app permission policy) to see `tandem doctor` name it.
 */
import { randomUUID } from 'node:crypto';
import type { DirectoryState } from './directory-state';
import { badRequest, odataError, ok, type Answer, type StandInRequest } from './odata';

/** The manifest id of the Tandem app the stand-in's org catalog holds (locally there is no upload). */
export const LOCAL_TEAMS_APP_ID = '3f6c3c9e-6a77-4d0e-9a43-7d5a1b2c0f11';

export interface CatalogApp {
  id: string;
  externalId: string;
  displayName: string;
  distributionMethod: 'organization' | 'store' | 'sideloaded';
}

export class TeamsCatalogState {
  readonly apps = new Map<string, CatalogApp>();
  /** user id → catalog ids installed for them. */
  readonly installed = new Map<string, Set<string>>();
  /** People whose app permission policy does not allow Tandem. */
  readonly blocked = new Set<string>();
  /**
   * Told after each install in a personal scope, as Teams then sends the bot its install event
   * (install-events.ts posts it to the bot endpoint).
   */
  readonly onInstalled: Array<(userId: string, app: CatalogApp, locale?: string) => void> = [];

  constructor() {
    this.publish(LOCAL_TEAMS_APP_ID, 'Tandem');
  }

  publish(externalId: string, displayName: string): CatalogApp {
    const app: CatalogApp = { id: randomUUID(), externalId, displayName, distributionMethod: 'organization' };
    this.apps.set(app.id, app);
    return app;
  }

  unpublish(externalId: string): void {
    for (const [id, app] of this.apps) if (app.externalId === externalId) this.apps.delete(id);
  }
}

/** `a eq 'x' and b/c eq 'y'` → { a: 'x', 'b/c': 'y' }; undefined for anything else. */
function equalities(filter: string | null): Record<string, string> | undefined {
  if (!filter) return {};
  const out: Record<string, string> = {};
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([\w/]+)\s+eq\s+'([^']*)'\s*$/.exec(clause);
    if (!m?.[1]) return undefined;
    out[m[1]] = m[2] ?? '';
  }
  return out;
}

export function teamsCatalogRoutes(baseUrl: string, dir: DirectoryState, catalog: TeamsCatalogState) {
  const resource = (app: CatalogApp) => ({ ...app });
  return (req: StandInRequest, parts: string[]): Answer | undefined => {
    if (parts[0] === 'appCatalogs' && parts[1] === 'teamsApps' && parts.length === 2 && req.method === 'GET') {
      const eq = equalities(req.query.get('$filter'));
      if (!eq) return badRequest(`Invalid filter clause: ${req.query.get('$filter') ?? ''}`);
      const value = [...catalog.apps.values()].filter((a) =>
        Object.entries(eq).every(([k, v]) => (a as unknown as Record<string, string>)[k] === v),
      );
      return ok({ '@odata.context': `${baseUrl}/v1.0/$metadata#appCatalogs/teamsApps`, value: value.map(resource) });
    }
    if (parts[0] !== 'users' || parts[2] !== 'teamwork' || parts[3] !== 'installedApps' || parts.length !== 4)
      return undefined;
    const userId = decodeURIComponent(parts[1] ?? '');
    const user = dir.findByIdOrMail(userId);
    if (!user) return odataError(404, 'NotFound', `User ${userId} was not found.`);
    const mine = catalog.installed.get(user.id) ?? new Set<string>();
    if (req.method === 'GET') {
      const eq = equalities(req.query.get('$filter'));
      if (!eq) return badRequest(`Invalid filter clause: ${req.query.get('$filter') ?? ''}`);
      const value = [...mine]
        .map((id) => catalog.apps.get(id))
        .filter((a): a is CatalogApp => Boolean(a))
        .filter((a) => !eq['teamsApp/externalId'] || a.externalId === eq['teamsApp/externalId'])
        .map((a) => ({ id: `${user.id}:${a.id}`, teamsApp: resource(a) }));
      return ok({ value });
    }
    if (req.method === 'POST') {
      const bind = String((req.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'] ?? '');
      const appId = /\/appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1];
      const app = appId ? catalog.apps.get(appId) : undefined;
      if (!app) return odataError(404, 'NotFound', `The app ${appId ?? bind} is not in the app catalog.`);
      if (catalog.blocked.has(user.id))
        return odataError(403, 'Forbidden', 'The app is blocked by the app permission policy of the user.');
      if (mine.has(app.id)) return odataError(409, 'Conflict', 'The app is already installed for the user.');
      catalog.installed.set(user.id, mine.add(app.id));
      for (const listener of catalog.onInstalled) listener(user.id, app, user.preferredLanguage);
      return ok(undefined, 201);
    }
    return undefined;
  };
}
