/**
 * Are we inside Teams? teams-js answers badly outside it: `app.initialize()` rejects at once in a
 * top-level window but hangs for about 60 s in a foreign iframe. So: a top-level window without the
 * Teams mobile bridge is standalone without loading teams-js at all; in a frame, initialisation gets a
 * few seconds and a timeout means standalone.
 */
import type * as TeamsJs from '@microsoft/teams-js';
import type * as TeamsSdk from './teams-sdk';
import { loadTeamsJs } from '../app/chunks';

export type TeamsModule = typeof TeamsSdk;

export type Detection =
  | { inTeams: false; reason: 'top-level' | 'timeout' | 'failed' }
  | { inTeams: true; teams: TeamsModule; context: TeamsJs.app.Context };

/** How long a frame may take to answer before we decide it is not Teams. */
export const TEAMS_TIMEOUT_MS = 3000;

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
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
  const timeoutMs = options.timeoutMs ?? TEAMS_TIMEOUT_MS;
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
