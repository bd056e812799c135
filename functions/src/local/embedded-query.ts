import Items from '@vercel/cosmosdb-server/lib/account/items';

/**
 * Makes the embedded server's queries linear. @zeit/cosmosdb-query (under @vercel/cosmosdb-server)
 * compiles `FROM c` (and each JOIN) to `coll.reduce(($, c) => [...$, { c }], [])`: every document
 * copies the accumulator, so one query over n documents costs O(n²) — 0.4 s at 13,000 documents,
 * seconds at 50,000, once per page. The rewrite appends in place (`($.push({ c }), $)`), which is the
 * same result because the accumulator is the reduce's own fresh `[]`. Cosmos DB itself uses its
 * index; this only keeps the local store and bench:api from measuring the stand-in's own cost.
 */
const SPREAD_ACCUMULATOR = '[...$, ';

/** Index of the bracket closing the one opened at `open`, skipping string literals. */
function closing(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < code.length && code[i] !== ch; i++) if (code[i] === '\\') i++;
      continue;
    }
    if (ch === '[' || ch === '(' || ch === '{') depth++;
    else if (ch === ']' || ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The generated query code with every `[...$, X]` accumulator step as `($.push(X), $)`. */
export function linearAccumulators(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const ch = code[i] as string;
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      for (; j < code.length && code[j] !== ch; j++) if (code[j] === '\\') j++;
      out += code.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (code.startsWith(SPREAD_ACCUMULATOR, i)) {
      const end = closing(code, i);
      if (end < 0) return code;
      out += `($.push(${linearAccumulators(code.slice(i + SPREAD_ACCUMULATOR.length, end))}), $)`;
      i = end + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

interface CompiledQuery {
  readonly code: string;
  _code: string | null;
  linear?: boolean;
}

interface ItemsPrototype {
  _getQuery(this: unknown, sql: string): CompiledQuery;
  linearQueries?: boolean;
}

/** Patches the embedded server's query cache once per process (idempotent). */
export function installLinearQueries(): void {
  const proto = Items.prototype as unknown as ItemsPrototype;
  if (proto.linearQueries) return;
  const compile = proto._getQuery;
  proto._getQuery = function (sql: string): CompiledQuery {
    const query = compile.call(this, sql);
    if (!query.linear) {
      query._code = linearAccumulators(query.code);
      query.linear = true;
    }
    return query;
  };
  proto.linearQueries = true;
}
