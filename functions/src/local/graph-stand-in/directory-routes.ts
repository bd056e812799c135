import type { User } from '@microsoft/microsoft-graph-types';
import type { Answer, StandInRequest } from './odata';
import { badRequest, notFound, ok, odataError } from './odata';
import { decodeToken, encodeToken, type DirectoryState, type StandInUser } from './directory-state';
import { toWindowsZone } from '../../adapters/graph/windows-zones';
import type { CalendarState } from './calendar-state';

const MAX_TOP = 999;
const EXPAND_TOP = 100;

function selectOf(q: URLSearchParams): string[] {
  return (q.get('$select') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `$filter` basics: `prop eq 'x'`, `prop eq true`, `startswith(prop,'x')`, joined by `and`. */
function parseFilter(filter: string): ((u: Record<string, unknown>) => boolean) | undefined {
  const tests: ((u: Record<string, unknown>) => boolean)[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    let m = /^\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(clause);
    if (m) {
      const [, prop, value] = m as unknown as [string, string, string];
      tests.push((u) => String(u[prop] ?? '').toLowerCase() === value.replace(/''/g, "'").toLowerCase());
      continue;
    }
    m = /^\s*(\w+)\s+eq\s+(true|false)\s*$/i.exec(clause);
    if (m) {
      const [, prop, value] = m as unknown as [string, string, string];
      tests.push((u) => u[prop] === (value.toLowerCase() === 'true'));
      continue;
    }
    m = /^\s*startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i.exec(clause);
    if (m) {
      const [, prop, value] = m as unknown as [string, string, string];
      tests.push((u) =>
        String(u[prop] ?? '')
          .toLowerCase()
          .startsWith(value.replace(/''/g, "'").toLowerCase()),
      );
      continue;
    }
    return undefined;
  }
  return (u) => tests.every((t) => t(u));
}

/** Graph's advanced query parameters: the `ConsistencyLevel: eventual` header and `$count=true`. */
function isAdvancedQuery(req: StandInRequest): boolean {
  return req.headers?.consistencylevel?.toLowerCase() === 'eventual' && req.query.get('$count') === 'true';
}

function offsetToken(q: URLSearchParams): number {
  const t = q.get('$skiptoken');
  if (!t) return 0;
  const n = Number(Buffer.from(t, 'base64url').toString('utf8'));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function directoryRoutes(baseUrl: string, dir: DirectoryState, calendar: CalendarState) {
  const link = (path: string, q: URLSearchParams, offset: number) => {
    const next = new URLSearchParams(q);
    next.set('$skiptoken', Buffer.from(String(offset)).toString('base64url'));
    return `${baseUrl}/v1.0${path}?${[...next.entries()].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  };

  const listUsers = (req: StandInRequest): Answer => {
    const q = req.query;
    const expand = q.get('$expand');
    if (expand && expand !== 'manager') return badRequest(`Unsupported $expand: ${expand}`);
    const top = Number(q.get('$top') ?? 100);
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
      return badRequest(`Invalid page size specified: '${q.get('$top')}'. Must be between 1 and ${MAX_TOP} inclusive.`);
    const size = expand ? Math.min(top, EXPAND_TOP) : top;
    const filterText = q.get('$filter');
    const filter = filterText ? parseFilter(filterText) : () => true;
    if (!filter) return badRequest(`Unsupported or invalid query filter clause: ${filterText}`);
    const select = selectOf(q);
    // $filter names properties at run time: it reads the typed resource by name.
    const all = [...dir.users.values()].filter((u) => filter(dir.resource(u, []) as Record<string, unknown>));
    const offset = offsetToken(q);
    const value = all.slice(offset, offset + size).map((u) => {
      const row = dir.resource(u, select);
      if (expand) {
        const m = u.managerId ? dir.users.get(u.managerId) : undefined;
        const manager: (User & { '@odata.type': string }) | null = m
          ? { '@odata.type': '#microsoft.graph.user', id: m.id, displayName: m.displayName }
          : null;
        row.manager = manager;
      }
      return row;
    });
    return ok({
      '@odata.context': `${baseUrl}/v1.0/$metadata#users`,
      value,
      ...(offset + size < all.length ? { '@odata.nextLink': link('/users', q, offset + size) } : {}),
    });
  };

  const delta = (req: StandInRequest): Answer => {
    const skip = req.query.get('$skiptoken');
    const deltaToken = req.query.get('$deltatoken');
    let token;
    if (skip) token = decodeToken(skip);
    else if (deltaToken) {
      const t = decodeToken(deltaToken);
      token = t && { ...t, kind: 'delta' as const, since: t.upto, upto: dir.version, offset: 0 };
    } else
      token = {
        kind: 'full' as const,
        since: 0,
        upto: dir.version,
        offset: 0,
        select: selectOf(req.query),
        epoch: dir.syncEpoch,
      };
    if (!token)
      return odataError(
        400,
        'Directory_ExpiredPageToken',
        'The specified page token value has expired and can no longer be included in your request.',
      );
    if (dir.isGone(token)) {
      // Graph: 410 with a Location header holding the initial query (empty $deltaToken): start over.
      const select = token.select.length ? `$select=${token.select.join(',')}&` : '';
      return odataError(
        410,
        'syncStateNotFound',
        'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
        { Location: `${baseUrl}/v1.0/users/delta?${select}$deltatoken=` },
      );
    }
    const page = dir.deltaPage(token);
    const body: Record<string, unknown> = { '@odata.context': `${baseUrl}/v1.0/$metadata#users`, value: page.items };
    if (page.next) body['@odata.nextLink'] = `${baseUrl}/v1.0/users/delta?$skiptoken=${encodeToken(page.next)}`;
    else
      body['@odata.deltaLink'] =
        `${baseUrl}/v1.0/users/delta?$deltatoken=${encodeToken({ ...token, upto: page.deltaVersion ?? dir.version, offset: 0 })}`;
    return ok(body);
  };

  const groups = () => {
    const names = [...new Set([...dir.users.values()].map((u) => u.department))].sort();
    return names.map((name) => ({ id: `group-${slug(name)}`, displayName: name }));
  };

  return (req: StandInRequest, parts: string[]): Answer | undefined => {
    const [root, id, sub] = parts;
    if (root === 'users') {
      if (parts.length === 1 && req.method === 'GET') return listUsers(req);
      if ((id === 'delta' || id === 'microsoft.graph.delta') && parts.length === 2 && req.method === 'GET')
        return delta(req);
      if (!id) return undefined;
      const user: StandInUser | undefined = dir.findByIdOrMail(decodeURIComponent(id));
      if (!user) return notFound(id);
      if (parts.length === 2 && req.method === 'GET') return ok(dir.resource(user, selectOf(req.query)));
      if (sub === 'manager' && parts.length === 3 && req.method === 'GET') {
        const m = user.managerId ? dir.users.get(user.managerId) : undefined;
        return m
          ? ok({ '@odata.type': '#microsoft.graph.user', ...dir.resource(m, selectOf(req.query)) })
          : notFound('manager');
      }
      if (sub === 'mailboxSettings' && parts.length === 3 && req.method === 'GET') {
        const zone = toWindowsZone(user.timeZone);
        return ok({
          timeZone: zone,
          language: { locale: user.preferredLanguage },
          workingHours: calendar.workingHours(user, zone),
        });
      }
      return undefined;
    }
    if (root === 'groups') {
      if (parts.length === 1 && req.method === 'GET') return ok({ value: groups() });
      const group = groups().find((g) => g.id === id);
      if (!group) return notFound(id ?? 'group');
      if (sub === 'transitiveMembers' && req.method === 'GET') {
        const cast = parts[3];
        if (parts.length > 4 || (cast && cast !== 'microsoft.graph.user'))
          return badRequest(`Resource not found for the segment '${parts[parts.length - 1] ?? ''}'.`);
        const advanced = isAdvancedQuery(req);
        // Graph: an OData cast on transitiveMembers is an advanced query (ConsistencyLevel + $count).
        if (cast && !advanced)
          return odataError(
            400,
            'Request_UnsupportedQuery',
            `OData cast '${cast}' is not supported because the required parameters might be missing. ` +
              'Try adding $count=true query parameter and ConsistencyLevel:eventual header. ' +
              'Refer to https://aka.ms/graph-docs/advanced-queries for more information',
          );
        const members = [...dir.users.values()].filter((u) => u.department === group.displayName);
        const top = Math.min(Number(req.query.get('$top') ?? 100) || 100, MAX_TOP);
        const offset = offsetToken(req.query);
        return ok({
          ...(advanced ? { '@odata.count': members.length } : {}),
          value: members
            .slice(offset, offset + top)
            .map((u) => ({ '@odata.type': '#microsoft.graph.user', ...dir.resource(u, selectOf(req.query)) })),
          ...(offset + top < members.length
            ? { '@odata.nextLink': link(`/${parts.join('/')}`, req.query, offset + top) }
            : {}),
        });
      }
    }
    return undefined;
  };
}
