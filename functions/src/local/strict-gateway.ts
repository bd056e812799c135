/**
 * Local-only: what the real Cosmos DB gateway refuses, refused in front of the embedded server too.
 *
 * A query without a partition key runs across partitions. The gateway serves such a query only when
 * it can stream partition after partition: with ORDER BY, TOP, OFFSET/LIMIT, DISTINCT, GROUP BY or
 * an aggregate it answers 400 with substatus 1004 ("can not be directly served by the gateway") and
 * a query plan, and the SDK runs its own pipeline, whose paging behaves differently (no continuation
 * token without `enableQueryControl`, `resources` undefined on an empty page). The embedded server
 * answers every such query itself, so without this check that path would never be seen locally.
 * Here the refusal comes without the plan, so the SDK surfaces it: any such query fails in the suite.
 */
import type { IncomingMessage } from 'node:http';

export const NOT_SERVABLE_MESSAGE =
  'The provided cross partition query can not be directly served by the gateway. This is a first chance (internal) exception that all newer clients will know how to handle gracefully. This exception is traced, but unless you see it bubble up as an exception (which only happens on older SDK clients), then you can safely ignore this message.';

const NOT_SERVABLE: [RegExp, string][] = [
  [/\bORDER\s+BY\b/i, 'ORDER BY'],
  [/\bSELECT\s+(DISTINCT\s+)?(VALUE\s+)?TOP\b/i, 'TOP'],
  [/\bOFFSET\s+\S+\s+LIMIT\b/i, 'OFFSET LIMIT'],
  [/\bDISTINCT\b/i, 'DISTINCT'],
  [/\bGROUP\s+BY\b/i, 'GROUP BY'],
  [/\b(COUNT|SUM|MIN|MAX|AVG)\s*\(/i, 'an aggregate'],
];

/** Why the gateway would not serve this query across partitions, or undefined when it would. */
export function notServableAcrossPartitions(query: string): string | undefined {
  // String literals cannot hide or fake a clause.
  const code = query.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return NOT_SERVABLE.find(([pattern]) => pattern.test(code))?.[1];
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A query on documents that names no partition key: it runs across partitions. */
export function isCrossPartitionQuery(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const isQuery =
    String(header(req, 'x-ms-documentdb-isquery')).toLowerCase() === 'true' ||
    header(req, 'content-type') === 'application/query+json';
  if (!isQuery || String(header(req, 'x-ms-cosmos-is-query-plan-request')).toLowerCase() === 'true') return false;
  if (header(req, 'x-ms-documentdb-partitionkey') !== undefined) return false;
  return /\/colls\/[^/]+\/docs\/?(\?.*)?$/.test(req.url ?? '');
}
