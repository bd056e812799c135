/**
 * Graph change and lifecycle notifications on programme mailboxes. The webhook only checks and queues
 * (`acceptNotifications`: a store read per subscription, a job write per notification; no Graph call),
 * so it answers 202 well within Graph's time limit; the `outlookChanges` timer works the queue
 * (`drainOutlookQueue`), re-reading the events from Graph and trusting nothing in a notification but
 * its ids. An unknown subscription id or a wrong clientState is dropped without a trace in the data.
 */
import { createHash } from 'node:crypto';
import { ConflictError } from '../../core/errors';
import type { MeetingSeries } from '../../core/model';
import type { JobRecord } from '../../ports/records';
import { toArray, type Stored } from '../../ports/store';
import { nowIso } from '../../ports/clock';
import type { AppDeps } from '../deps';
import { takeLease } from '../support/lease';
import { forEachLimited, WRITE_CONCURRENCY } from '../support/batch';
import { update } from '../support/update';
import { readBackAll, readBackSeries } from './read-back';
import { clientStateMatches, findSubscription, replaceSubscription, ensureSubscriptions } from './subscriptions';

/** The jobs partition of the Outlook queue (jobs are otherwise partitioned by programme). */
export const OUTLOOK_QUEUE = 'outlook-notifications';
export const OUTLOOK_JOB = 'outlook-change';
/** How long one worker may hold a queued notification. */
const LEASE_MS = 2 * 60_000;
/** Attempts before a notification is given up (the scheduled read-back still covers it). */
export const MAX_ATTEMPTS = 5;

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** One item of a notification collection, as the webhook's schema let it through. */
export interface IncomingNotification {
  subscriptionId: string;
  clientState?: string | undefined;
  changeType?: string | undefined;
  lifecycleEvent?: LifecycleEvent | undefined;
  /** The event's id (resourceData.id); nothing else of the resource is used. */
  eventId?: string | undefined;
}

/** What a queued notification asks the worker to do. */
export interface OutlookJobInput {
  subscriptionId: string;
  eventId?: string;
  lifecycleEvent?: LifecycleEvent;
  attempts?: number;
}

function jobIdOf(input: OutlookJobInput): string {
  const key = `${input.subscriptionId}\n${input.lifecycleEvent ?? ''}\n${input.eventId ?? ''}`;
  return `outlook-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** Queues the work; a notification for the same event already waiting is the same job (coalesced). */
async function enqueue(deps: AppDeps, input: OutlookJobInput): Promise<void> {
  const id = jobIdOf(input);
  const at = nowIso(deps.clock);
  const job: JobRecord = {
    id,
    schemaVersion: 1,
    programmeId: OUTLOOK_QUEUE,
    kind: OUTLOOK_JOB,
    status: 'queued',
    requestedBy: 'graph',
    createdAt: at,
    input,
  };
  try {
    await deps.store.jobs.create(job);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    // Done or running: queue it again (a worker that is running finishes and leaves it queued).
    await update(deps.store.jobs, OUTLOOK_QUEUE, id, (j): JobRecord =>
      j.status === 'queued' ? j : { ...j, status: 'queued', createdAt: at, input: { ...input, attempts: 0 } },
    );
  }
}

export interface AcceptReport {
  queued: number;
  dropped: number;
}

/**
 * Checks each notification against the subscription Tandem created (known id, matching clientState)
 * and queues the valid ones; everything else is dropped. Never calls Graph.
 */
export async function acceptNotifications(
  deps: AppDeps,
  items: readonly IncomingNotification[],
): Promise<AcceptReport> {
  const report: AcceptReport = { queued: 0, dropped: 0 };
  const known = new Map<string, ReturnType<typeof findSubscription>>();
  await forEachLimited(items, WRITE_CONCURRENCY, async (item) => {
    let lookup = known.get(item.subscriptionId);
    if (!lookup) {
      lookup = findSubscription(deps, item.subscriptionId);
      known.set(item.subscriptionId, lookup);
    }
    const record = await lookup;
    const usable = item.lifecycleEvent || item.eventId;
    if (!record || !usable || !clientStateMatches(record, item.clientState)) {
      report.dropped++;
      return;
    }
    await enqueue(deps, {
      subscriptionId: item.subscriptionId,
      ...(item.lifecycleEvent ? { lifecycleEvent: item.lifecycleEvent } : { eventId: item.eventId as string }),
    });
    report.queued++;
  });
  return report;
}

/** Tandem's booked series organised by this mailbox. */
async function seriesOfMailbox(deps: AppDeps, mailbox: string): Promise<Stored<MeetingSeries>[]> {
  return toArray(
    deps.store.meetings.all(undefined, { where: { kind: 'pair-series', status: 'booked', organizer: mailbox } }),
  );
}

/** Works one queued notification; idempotent (a repeated run reads the same events again). */
async function work(deps: AppDeps, input: OutlookJobInput): Promise<string> {
  const record = await findSubscription(deps, input.subscriptionId);
  if (!record || !deps.outlook) return 'subscription gone';
  const mailbox = record.mailbox;
  if (input.lifecycleEvent === 'reauthorizationRequired') {
    await ensureSubscriptions(deps, mailbox);
    return 'renewed';
  }
  if (input.lifecycleEvent === 'subscriptionRemoved') {
    await replaceSubscription(deps, record);
    const r = await readBackAll(deps, 60_000, (s) => s.organizer === mailbox);
    return `resubscribed; read back ${r.read}`;
  }
  if (input.lifecycleEvent === 'missed') {
    const r = await readBackAll(deps, 60_000, (s) => s.organizer === mailbox);
    return `read back ${r.read}`;
  }
  const eventId = input.eventId;
  if (!eventId) return 'nothing to do';
  const series = await seriesOfMailbox(deps, mailbox);
  // The id names the series master, or one of its occurrences Tandem knows: no Graph call to find it.
  let target = series.find((s) => s.graphEventId === eventId || s.occurrences.some((o) => o.graphId === eventId));
  if (!target) {
    const event = await deps.outlook.watch.readEvent(mailbox, eventId);
    const masterId = event?.seriesMasterId ?? event?.id;
    target = masterId ? series.find((s) => s.graphEventId === masterId) : undefined;
  }
  if (!target) return 'not a Tandem event';
  return (await readBackSeries(deps, target)) ? 'changed' : 'unchanged';
}

async function deleteIfDone(deps: AppDeps, id: string, owner: string): Promise<boolean> {
  const current = await deps.store.jobs.find(OUTLOOK_QUEUE, id);
  if (!current || current.lease?.owner !== owner || current.status !== 'running') return false;
  try {
    await deps.store.jobs.delete(OUTLOOK_QUEUE, id, current.etag);
    return true;
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
}

export interface DrainReport {
  done: number;
  failed: number;
  left: number;
}

/** Works the queue until it is empty or `budgetMs` is used up (the timer runs every minute). */
export async function drainOutlookQueue(deps: AppDeps, budgetMs = 45_000): Promise<DrainReport> {
  const report: DrainReport = { done: 0, failed: 0, left: 0 };
  const deadline = Date.now() + budgetMs;
  const queued = await toArray(
    deps.store.jobs.all(OUTLOOK_QUEUE, { where: { kind: OUTLOOK_JOB, status: ['queued', 'running'] } }),
  );
  for (const job of queued) {
    if (Date.now() > deadline) {
      report.left++;
      continue;
    }
    const claim = await takeLease(
      deps.store.jobs,
      OUTLOOK_QUEUE,
      job.id,
      deps.clock,
      LEASE_MS,
      (j) => j.status === 'queued' || j.status === 'running',
      (j): JobRecord => ({ ...j, status: 'running', startedAt: nowIso(deps.clock) }),
    );
    if (!claim) continue;
    const input = (claim.doc.input as OutlookJobInput | undefined) ?? { subscriptionId: '' };
    let outcome: string | undefined;
    let error: string | undefined;
    try {
      outcome = await work(deps, input);
      report.done++;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      report.failed++;
    }
    // Done and not queued again meanwhile: the job is deleted (the queue holds only work to do and
    // what failed), in a write conditional on the version read, so a notification arriving now is kept.
    if (!error && (await deleteIfDone(deps, job.id, claim.owner))) continue;
    await update(deps.store.jobs, OUTLOOK_QUEUE, job.id, (j): JobRecord => {
      if (j.lease?.owner !== claim.owner) return j;
      const { lease: _lease, ...rest } = j;
      // Queued again while it ran: leave it queued for the next run.
      if (rest.status === 'queued') return rest;
      const attempts = ((j.input as OutlookJobInput | undefined)?.attempts ?? 0) + 1;
      if (error && attempts < MAX_ATTEMPTS) return { ...rest, status: 'queued', error, input: { ...input, attempts } };
      return {
        ...rest,
        status: error ? 'failed' : 'succeeded',
        finishedAt: nowIso(deps.clock),
        result: outcome ?? null,
        ...(error ? { error } : {}),
      };
    });
  }
  return report;
}
