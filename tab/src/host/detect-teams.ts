/**
 * Are we inside Teams? teams-js answers badly outside it: `app.initialize()` rejects at once in a
 * top-level window but hangs for about 60 s in a foreign iframe. So: a top-level window without the
 * Teams mobile bridge is standalone without loading teams-js at all. In a frame, who frames us decides
 * how long to wait: a Microsoft 365 host (Teams, Outlook, the Microsoft 365 app, by the frame's
 * ancestor origins or referrer) or the mobile bridge gets all the time it needs (a cold start on a
 * phone can take well over 3 s); a frame known to be something else gets a few seconds; a frame
 * whose parent cannot be told gets a long while.
 */
import type * as TeamsJs from '@microsoft/teams-js';
import type * as TeamsSdk from './teams-sdk';
import { loadTeamsJs } from '../app/chunks';

export type TeamsModule = typeof TeamsSdk;

export type Detection =
  | { inTeams: false; reason: 'top-level' | 'timeout' | 'failed' }
  | { inTeams: true; teams: TeamsModule; context: TeamsJs.app.Context };

/** How long a frame known not to be a Microsoft 365 host may take to answer before we decide it is not Teams. */
export const TEAMS_TIMEOUT_MS = 3000;
/** How long a frame whose parent we cannot tell (no ancestor origins, no referrer) may take. */
export const UNKNOWN_FRAME_TIMEOUT_MS = 30_000;

/** The hosts that run Teams apps (the tab's frame-ancestors, http/tab-static.ts). */
const MICROSOFT_HOSTS = [
  /^teams\.microsoft\.com$/,
  /\.teams\.microsoft\.com$/,
  /^teams\.live\.com$/,
  /(^|\.)cloud\.microsoft$/,
  /(^|\.)microsoft365\.com$/,
  /(^|\.)office\.com$/,
  /(^|\.)office365\.com$/,
];

export function isMicrosoftHost(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && MICROSOFT_HOSTS.some((re) => re.test(url.hostname));
  } catch {
    return false;
  }
}

/** Who frames the page: a Microsoft 365 host, something else, or unknown (the browser does not say). */
export function frameHost(win: Window): 'microsoft' | 'foreign' | 'unknown' {
  const origins: string[] = [];
  try {
    const ancestors = win.location?.ancestorOrigins;
    for (let i = 0; ancestors && i < ancestors.length; i++) origins.push(ancestors[i] ?? '');
  } catch {
    // no ancestor origins (Firefox): the referrer may still tell
  }
  if (!origins.length) {
    try {
      const referrer = win.document?.referrer;
      if (referrer) origins.push(new URL(referrer).origin);
    } catch {
      // no referrer either
    }
  }
  if (!origins.length) return 'unknown';
  return origins.some(isMicrosoftHost) ? 'microsoft' : 'foreign';
}

export interface DetectOptions {
  win?: Window;
  timeoutMs?: number;
  /** Loads teams-js (a separate chunk, fetched only when the tab may be inside Teams). */
  load?: () => Promise<TeamsModule>;
}

function framed(win: Window): boolean {
  try {
    return win.parent !== win || win.top !== win;
  } catch {
    return true; // a cross-origin parent that hides itself is still a parent
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export async function detectTeams(options: DetectOptions = {}): Promise<Detection> {
  const win = options.win ?? window;
  const mobileBridge = 'nativeInterface' in win;
  if (!framed(win) && !mobileBridge) return { inTeams: false, reason: 'top-level' };
  const load = options.load ?? loadTeamsJs;
  const host = mobileBridge ? 'microsoft' : frameHost(win);
  // NOTE: inside a Microsoft 365 host nothing cuts initialisation short; `timeoutMs` is for the others.
  const timeoutMs =
    host === 'microsoft'
      ? undefined
      : (options.timeoutMs ?? (host === 'foreign' ? TEAMS_TIMEOUT_MS : UNKNOWN_FRAME_TIMEOUT_MS));
  let teams: TeamsModule;
  try {
    teams = await load();
  } catch {
    return { inTeams: false, reason: 'failed' };
  }
  try {
    await withTimeout(teams.app.initialize(), timeoutMs);
    const context = await withTimeout(teams.app.getContext(), timeoutMs);
    return { inTeams: true, teams, context };
  } catch (err) {
    return { inTeams: false, reason: err instanceof Error && err.message === 'timeout' ? 'timeout' : 'failed' };
  }
}
