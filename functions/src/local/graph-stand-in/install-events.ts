/**
 * What Teams does after Graph installs an app with a bot in someone's personal scope: it sends the
 * bot an `installationUpdate` (action `add`) in the new personal conversation. The stand-in raises
 * the same activity at the bot endpoint, so the local stack and the tests see an invitee who never
 * opened Tandem become reachable. Local use and tests only.
 */
import { randomUUID } from 'node:crypto';
import type { TeamsCatalogState } from './teams-catalog';

export interface InstallEventTarget {
  /** Delivers the activity to the bot (POST /api/messages, or the bot runtime in tests). */
  deliver(activity: Record<string, unknown>): Promise<void>;
  /** The Bot Connector the bot answers through (the local Teams channel stand-in). */
  serviceUrl: string;
  /** The bot's app id as Teams addresses it (`28:<id>`). */
  botId: string;
  tenantId: string;
}

/** The personal-scope install (or uninstall) activity Teams sends the bot for one person. */
export function installationUpdate(
  target: Pick<InstallEventTarget, 'serviceUrl' | 'botId' | 'tenantId'>,
  userId: string,
  action: 'add' | 'remove',
  locale = 'en-US',
): Record<string, unknown> {
  return {
    type: 'installationUpdate',
    action,
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: target.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${userId}`, aadObjectId: userId },
    recipient: { id: target.botId, name: 'Tandem' },
    conversation: { id: `a:conv-${userId}`, conversationType: 'personal', tenantId: target.tenantId },
    channelData: { tenant: { id: target.tenantId }, source: { name: 'message' } },
    locale,
  };
}

/**
 * Raises the install event for every install the stand-in's catalog records. Returns a promise per
 * delivery so tests can wait for them (`settled()`); a failed delivery is kept, as Teams would give up.
 */
export function raiseInstallEvents(catalog: TeamsCatalogState, target: InstallEventTarget) {
  const deliveries: Promise<void>[] = [];
  const failures: string[] = [];
  catalog.onInstalled.push((userId, _app, language) => {
    const locale = language && /^[a-z]{2}-[A-Z]{2}$/.test(language) ? language : 'en-US';
    deliveries.push(
      target.deliver(installationUpdate(target, userId, 'add', locale)).catch((err: unknown) => {
        failures.push(`${userId}: ${err instanceof Error ? err.message : String(err)}`);
      }),
    );
  });
  return {
    failures,
    /** Resolves once every install event raised so far was delivered (or failed). */
    settled: () => Promise.all(deliveries).then(() => undefined),
  };
}

/**
 * Delivery over HTTP to a bot endpoint such as http://localhost:7071/api/messages; `bearer` signs
 * each activity as the channel does (a Bot Framework token), for a bot with authentication on.
 */
export function postTo(endpoint: string, bearer?: () => Promise<string>): InstallEventTarget['deliver'] {
  return async (activity) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${await bearer()}` } : {}),
      },
      body: JSON.stringify(activity),
    });
    if (res.status >= 300) throw new Error(`the bot endpoint answered ${res.status}`);
  };
}
