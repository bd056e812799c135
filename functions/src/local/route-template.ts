/**
 * Azure Functions route templates (`v1/programmes/{id}`, `{id:int?}`, `{*rest}`), matched the way
 * the host does: case-insensitive literals, constrained and optional parameters, one trailing
 * catch-all, and literal segments taking precedence over parameters.
 */
interface Segment {
  kind: 'literal' | 'param' | 'catch-all';
  text: string;
  optional: boolean;
  constraint?: string;
}

export interface RouteTemplate {
  template: string;
  segments: Segment[];
  /** Smaller sorts first: literals before constrained parameters before parameters before catch-alls. */
  rank: number[];
}

const PARAM = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::([^}?]+))?(\?)?\}$/;

export function parseRoute(template: string): RouteTemplate {
  const parts = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter(Boolean);
  const segments = parts.map((part, i): Segment => {
    const m = PARAM.exec(part);
    if (!m) {
      if (part.includes('{') || part.includes('}'))
        throw new Error(`Unsupported route segment "${part}" in "${template}".`);
      return { kind: 'literal', text: part.toLowerCase(), optional: false };
    }
    const [, star, name, constraint, optional] = m;
    if (star && i !== parts.length - 1) throw new Error(`A catch-all must be the last segment of "${template}".`);
    return {
      kind: star ? 'catch-all' : 'param',
      text: name as string,
      optional: Boolean(optional) || Boolean(star),
      ...(constraint ? { constraint } : {}),
    };
  });
  const rank = segments.map((s) => (s.kind === 'literal' ? 0 : s.kind === 'catch-all' ? 3 : s.constraint ? 1 : 2));
  return { template, segments, rank };
}

const CONSTRAINTS: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  bool: /^(true|false)$/i,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  alpha: /^[a-z]+$/i,
};

function satisfies(value: string, constraint: string | undefined): boolean {
  if (!constraint) return true;
  const known = CONSTRAINTS[constraint.toLowerCase()];
  return known ? known.test(value) : true;
}

/** The route parameters when `path` (without the /api prefix, decoded per segment) matches, else undefined. */
export function matchRoute(route: RouteTemplate, path: string): Record<string, string> | undefined {
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const seg = route.segments[i] as Segment;
    const part = parts[i];
    if (seg.kind === 'catch-all') {
      const rest = parts.slice(i).map(decode);
      if (rest.some((p) => p === undefined)) return undefined;
      if (rest.length) params[seg.text] = rest.join('/');
      return params;
    }
    if (part === undefined) {
      if (!seg.optional) return undefined;
      continue;
    }
    const value = decode(part);
    if (value === undefined) return undefined;
    if (seg.kind === 'literal') {
      if (value.toLowerCase() !== seg.text) return undefined;
    } else {
      if (!satisfies(value, seg.constraint)) return undefined;
      params[seg.text] = value;
    }
  }
  return parts.length <= route.segments.length ? params : undefined;
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Orders routes so that the most specific one is tried first. */
export function compareRoutes(a: RouteTemplate, b: RouteTemplate): number {
  const n = Math.max(a.rank.length, b.rank.length);
  for (let i = 0; i < n; i++) {
    const ra = a.rank[i] ?? -1;
    const rb = b.rank[i] ?? -1;
    if (ra !== rb) return ra - rb;
  }
  return a.template.localeCompare(b.template);
}
