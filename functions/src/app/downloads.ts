/**
 * Files (my data, a programme's report or participants view as CSV) come from short-lived download links rather than
 * blobs built in the tab: Teams allows a page only some blob downloads, its mobile clients none. An
 * authenticated call checks the caller may read the file and stores a grant under a random 256-bit
 * token (in `state`, `download:<token>`); the tab opens `/api/v1/downloads/<token>` with
 * `app.openLink()` (a browser, without the tab's token). The link works once, for two minutes, and the
 * file is computed at that moment as the caller who asked for it: nobody else's data, nothing stale.
 */
import { randomBytes } from 'node:crypto';
import { coded, isDomainError, NotFoundError } from '../core/errors';
import { reportCsv } from '../core/reports/report-csv';
import { nowIso } from '../ports/clock';
import type { AppDeps } from './deps';
import { assertManager, assertReportReader, type Caller } from './caller';
import { participantsCsv, type ParticipantsFilter } from './participants-view';
import { programmeReport } from './report';
import { exportMyData } from './privacy/export';
import { loadProgramme } from './support/access';

/** How long a download link works. */
export const DOWNLOAD_TTL_MS = 2 * 60_000;

export type DownloadRequest =
  | { kind: 'my-data' }
  | { kind: 'report'; programmeId: string }
  | ({ kind: 'participants'; programmeId: string } & ParticipantsFilter);

interface DownloadGrant {
  request: DownloadRequest;
  caller: Caller;
  expiresAt: string;
}

export interface DownloadLink {
  /** Path under the API's origin; the token in it is the only credential. */
  url: string;
  expiresAt: string;
}

export interface DownloadFile {
  name: string;
  contentType: string;
  content: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const keyOf = (token: string) => `download:${token}`;

/** Checks the caller may have the file now, and issues a one-time link to it. */
export async function issueDownload(deps: AppDeps, caller: Caller, request: DownloadRequest): Promise<DownloadLink> {
  if (request.kind === 'report') {
    assertReportReader(caller);
    await loadProgramme(deps, request.programmeId);
  }
  if (request.kind === 'participants') {
    assertManager(caller);
    await loadProgramme(deps, request.programmeId);
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + DOWNLOAD_TTL_MS).toISOString();
  const grant: DownloadGrant = {
    request,
    caller: { userId: caller.userId, tenantId: caller.tenantId, roles: [...caller.roles] },
    expiresAt,
  };
  await deps.store.state.create({ id: keyOf(token), schemaVersion: 1, value: grant, updatedAt: nowIso(deps.clock) });
  return { url: `/api/v1/downloads/${token}`, expiresAt };
}

/** Redeems a link once: the file as its owner may see it now; an unknown, used or expired link is refused. */
export async function redeemDownload(deps: AppDeps, token: string): Promise<DownloadFile> {
  const expired = () =>
    coded(
      new NotFoundError('This download link has expired or was used already; start the download again.'),
      'download-expired',
    );
  if (!TOKEN.test(token)) throw expired();
  const record = await deps.store.state.find(keyOf(token), keyOf(token));
  if (!record) throw expired();
  // Only the request that deletes the grant gets the file (ETag-conditional: a second one fails).
  try {
    await deps.store.state.delete(record.id, record.id, record.etag);
  } catch (err) {
    if (isDomainError(err) && (err.kind === 'conflict' || err.kind === 'not-found')) throw expired();
    throw err;
  }
  const grant = record.value as DownloadGrant;
  if (Date.parse(grant.expiresAt) <= deps.clock.now().getTime()) throw expired();
  const day = nowIso(deps.clock).slice(0, 10);
  if (grant.request.kind === 'my-data') {
    const data = await exportMyData(deps, grant.caller);
    return {
      name: `tandem-my-data-${day}.json`,
      contentType: 'application/json; charset=utf-8',
      content: JSON.stringify(data, null, 2),
    };
  }
  if (grant.request.kind === 'participants') {
    const { kind: _kind, programmeId, ...filter } = grant.request;
    const csv = await participantsCsv(deps, grant.caller, programmeId, filter);
    return { name: csv.fileName, contentType: 'text/csv; charset=utf-8', content: csv.content };
  }
  const report = await programmeReport(deps, grant.caller, grant.request.programmeId);
  return {
    name: `tandem-report-${report.programmeId}-${day}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: reportCsv(report),
  };
}
