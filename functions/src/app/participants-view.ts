/**
 * The manager's participants view: everyone invited, with name, department, role, where they stand
 * (invited, opted in, trained, matched, confirmed, active, paused, left), their current pair and
 * whether Tandem reaches them in Teams. Voluntariness and the no-blame exit come first: a row says
 * what a manager must act on ("needs a new partner"), never who ended or declined a pair, or why,
 * and holds no rating, feedback or past partner (works councils treat that as behaviour monitoring).
 */
import { isLivePair, isMatchable, type Pair, type Participant, type Programme, type Role } from '../core/model';
import { toArray, type Page, type Stored } from '../ports/store';
import type { ConversationRecord } from '../ports/records';
import type { AppDeps } from './deps';
import { assertManager, type Caller } from './caller';
import { loadProgramme } from './support/access';

export const VIEW_STATUSES = [
  'invited',
  'opted-in',
  'trained',
  'matched',
  'confirmed',
  'active',
  'paused',
  'left',
] as const;
/** Where a person stands in the programme, as the participants view names it. */
export type ViewStatus = (typeof VIEW_STATUSES)[number];

/**
 * Whether Tandem reaches the person in Teams: the app is installed (the bot has a conversation with
 * them), being installed, blocked by their app policy or by themselves, removed by them, failed, or
 * not installed (yet).
 */
export const ROW_INSTALL_STATES = [
  'installed',
  'pending',
  'blocked',
  'uninstalled',
  'failed',
  'not-installed',
] as const;
export type RowInstall = (typeof ROW_INSTALL_STATES)[number];

function installOf(p: Participant, conversation: ConversationRecord | undefined): RowInstall {
  if (conversation?.unreachable) return conversation.unreachable.reason === 'uninstalled' ? 'uninstalled' : 'blocked';
  if (conversation) return 'installed';
  switch (p.appInstall?.state) {
    case 'installed':
    case 'already-installed':
      return 'installed';
    case 'pending':
      return 'pending';
    case 'blocked-by-policy':
      return 'blocked';
    case 'failed':
      return 'failed';
    default:
      return 'not-installed';
  }
}

/** One current pair of a person: the partner, and how far the pair is. */
export interface RowPair {
  pairId: string;
  partnerId: string;
  partnerName: string;
  status: 'proposed' | 'confirmed' | 'active';
}

/** One person in the participants view (nothing of their ratings, feedback or past pairs). */
export interface ParticipantRow {
  userId: string;
  displayName: string;
  department?: string;
  jobTitle?: string;
  role?: Role;
  status: ViewStatus;
  pairs: RowPair[];
  appInstall: RowInstall;
  /** Mentors in a programme with training modules: modules done of all. */
  training?: { done: number; of: number };
  /** Taking part, after publishing, without a partner: the manager can re-match them. */
  needsNewPartner: boolean;
  invitedAt: string;
}

/** The view's filters (the list and its CSV file). */
export interface ParticipantsFilter {
  status?: ViewStatus | undefined;
  role?: Role | undefined;
  /** Part of the name or department, any case. */
  search?: string | undefined;
  needsNewPartner?: boolean | undefined;
}

export interface ParticipantsViewQuery extends ParticipantsFilter {
  pageSize?: number | undefined;
  continuationToken?: string | undefined;
}

/** Store pages read for one answer at most: a page with few matches still comes back in bounded time. */
const MAX_SCANS = 20;

function viewStatus(p: Participant, pairs: RowPair[]): ViewStatus {
  if (p.status !== 'opted-in') return p.status;
  if (pairs.some((x) => x.status === 'active')) return 'active';
  if (pairs.some((x) => x.status === 'confirmed')) return 'confirmed';
  if (pairs.length) return 'matched';
  return p.role === 'mentor' && p.trainingCompletedAt ? 'trained' : 'opted-in';
}

/** A mentor's training progress (modules ticked), when the programme's training has modules. */
function trainingOf(programme: Programme, p: Participant): ParticipantRow['training'] {
  const modules = programme.trainingModules ?? [];
  if (p.role !== 'mentor' || !modules.length) return undefined;
  const done = p.trainingModulesDone ?? {};
  return { done: modules.filter((m) => done[m.id]).length, of: modules.length };
}

/** Rows for a page of enrollments: their live pairs, names and departments, and install state. */
export async function rowsOf(
  deps: Pick<AppDeps, 'store' | 'directory'>,
  programme: Stored<Programme>,
  people: Participant[],
): Promise<ParticipantRow[]> {
  const pairIds = [...new Set(people.flatMap((p) => (p.claims ?? []).map((c) => c.pairId)))];
  const partnerIds = people.flatMap((p) => (p.claims ?? []).map((c) => c.partnerId));
  const [pairs, users, conversations] = await Promise.all([
    pairIds.length
      ? toArray(deps.store.pairs.all(programme.id, { where: { id: pairIds } }))
      : Promise.resolve([] as Pair[]),
    deps.directory.getUsers([...new Set([...people.map((p) => p.userId), ...partnerIds])]),
    Promise.all(people.map((p) => deps.store.conversations.find(p.userId, p.userId))),
  ]);
  const pairById = new Map(pairs.filter(isLivePair).map((p) => [p.id, p]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const published = Boolean(programme.publishedAt) && ['matching', 'execution'].includes(programme.phase);
  return people.map((p, i) => {
    const rowPairs: RowPair[] = (p.claims ?? []).flatMap((c) => {
      const pair = pairById.get(c.pairId);
      if (!pair) return [];
      return [
        {
          pairId: pair.id,
          partnerId: c.partnerId,
          partnerName: userById.get(c.partnerId)?.displayName ?? c.partnerId,
          status: pair.status as RowPair['status'],
        },
      ];
    });
    const user = userById.get(p.userId);
    const training = trainingOf(programme, p);
    return {
      userId: p.userId,
      displayName: user?.displayName ?? p.displayName,
      ...(user?.department ? { department: user.department } : {}),
      ...(user?.jobTitle ? { jobTitle: user.jobTitle } : {}),
      ...(p.role ? { role: p.role } : {}),
      status: viewStatus(p, rowPairs),
      pairs: rowPairs,
      appInstall: installOf(p, conversations[i]),
      ...(training ? { training } : {}),
      needsNewPartner: published && rowPairs.length === 0 && isMatchable(p, programme.trainingRequired),
      invitedAt: p.invitedAt,
    };
  });
}

function matches(row: ParticipantRow, query: ParticipantsViewQuery): boolean {
  if (query.status && row.status !== query.status) return false;
  if (query.needsNewPartner !== undefined && row.needsNewPartner !== query.needsNewPartner) return false;
  if (query.search) {
    const needle = query.search.toLocaleLowerCase();
    const hay = `${row.displayName}\n${row.department ?? ''}`.toLocaleLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Which stored statuses can hold a row of the wanted view status (the rest is filtered per row). */
function storedStatuses(status: ViewStatus | undefined): Participant['status'][] | undefined {
  if (!status) return undefined;
  if (status === 'invited' || status === 'paused' || status === 'left') return [status];
  return ['opted-in'];
}

/**
 * One page of the participants view, in invitation order. Filters that need the pair or the
 * directory are applied to each store page, so a page may hold fewer than `pageSize` rows; keep
 * following `continuationToken` until it is absent.
 */
export async function participantsView(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  query: ParticipantsViewQuery,
): Promise<Page<ParticipantRow>> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const pageSize = query.pageSize ?? 100;
  const statuses = storedStatuses(query.status);
  const items: ParticipantRow[] = [];
  let token = query.continuationToken;
  for (let scans = 0; scans < MAX_SCANS && items.length < pageSize; scans++) {
    const page = await deps.store.participants.list(programmeId, {
      orderBy: 'invitedAt',
      where: { ...(statuses ? { status: statuses } : {}), ...(query.role ? { role: query.role } : {}) },
      pageSize: pageSize - items.length,
      ...(token ? { continuationToken: token } : {}),
    });
    const live = page.items.filter((p) => !p.erasedAt);
    items.push(...(await rowsOf(deps, programme, live)).filter((row) => matches(row, query)));
    token = page.continuationToken;
    if (!token) break;
  }
  return { items, ...(token ? { continuationToken: token } : {}) };
}

/** Every row of the view (for the CSV export), page by page. */
export async function* allParticipantRows(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  query: ParticipantsFilter,
): AsyncGenerator<ParticipantRow> {
  let token: string | undefined;
  do {
    const page = await participantsView(deps, caller, programmeId, {
      ...query,
      pageSize: 200,
      ...(token ? { continuationToken: token } : {}),
    });
    yield* page.items;
    token = page.continuationToken;
  } while (token);
}

const CSV_COLUMNS = [
  'name',
  'department',
  'role',
  'status',
  'partners',
  'pair status',
  'app in Teams',
  'training',
  'needs a new partner',
  'invited',
] as const;

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The view as a CSV file (UTF-8 with BOM, so spreadsheets read umlauts), one line per person. */
export async function participantsCsv(
  deps: AppDeps,
  caller: Caller,
  programmeId: string,
  query: ParticipantsFilter,
): Promise<{ fileName: string; content: string }> {
  assertManager(caller);
  const programme = await loadProgramme(deps, programmeId);
  const fileName = `${programme.name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || programme.id} - participants.csv`;
  const lines = [CSV_COLUMNS.join(',')];
  for await (const r of allParticipantRows(deps, caller, programmeId, query)) {
    lines.push(
      [
        r.displayName,
        r.department ?? '',
        r.role ?? '',
        r.status,
        r.pairs.map((p) => p.partnerName).join('; '),
        r.pairs.map((p) => p.status).join('; '),
        r.appInstall,
        r.training ? `${r.training.done}/${r.training.of}` : '',
        r.needsNewPartner ? 'yes' : 'no',
        r.invitedAt.slice(0, 10),
      ]
        .map(cell)
        .join(','),
    );
  }
  return { fileName, content: `\uFEFF${lines.join('\r\n')}\r\n` };
}
