/**
 * Installing Tandem in a person's personal scope (Graph `POST /users/{id}/teamwork/installedApps`),
 * so the bot receives the install event and can message someone who never opened the app.
 */

/** What one install call came to. */
export type InstallOutcome =
  | { kind: 'installed' }
  /** 409: the app is installed for the person already. */
  | { kind: 'already-installed' }
  /** 403: the app permission policy (or the org-wide app settings) does not allow Tandem for the person. */
  | { kind: 'blocked'; message: string }
  /** 404 on the app: the catalog id no longer exists (the app was removed from the org catalog). */
  | { kind: 'not-published'; message: string }
  /** Throttled or unavailable: try again later (Retry-After in ms when Graph gave one). */
  | { kind: 'transient'; message: string; retryAfterMs?: number }
  /** Anything else (the person has no Teams licence, 404 user, 400): final for this person. */
  | { kind: 'failed'; message: string };

/** Where Tandem stands in the org app catalog. */
export type CatalogLookup =
  | { kind: 'published'; catalogAppId: string }
  | { kind: 'not-published' }
  /** The catalog could not be read (no AppCatalog.Read.All, Graph down): message says why. */
  | { kind: 'unknown'; message: string };

export interface TeamsAppInstaller {
  /** The org catalog's generated id of Tandem, looked up by the manifest id (Graph: externalId). */
  lookUp(): Promise<CatalogLookup>;
  installFor(userId: string, catalogAppId: string): Promise<InstallOutcome>;
}
