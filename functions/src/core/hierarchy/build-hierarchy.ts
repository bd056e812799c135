/**
 * The org tree, built once from `managerOf` (person → manager) so that "same management chain" is O(1)
 * per pair: a depth-first walk gives every person an entry time `tin` and the last entry time inside
 * their subtree `tout`, so `a` is an ancestor of `b` exactly when `tin[a] < tin[b] <= tout[a]`.
 * Directory data is messy: cycles are cut (with a warning) instead of hanging, self-references and
 * references to people the directory does not know are reported, never thrown.
 */

/** A problem found in the directory data; the tree is still built. */
export interface HierarchyWarning {
  code: 'cycle' | 'self-manager' | 'missing-manager';
  /** The people concerned (cycle members in cycle order; for missing managers, the unknown manager ids). */
  ids: string[];
  message: string;
}

/** The org tree with O(1) chain queries; the typed arrays are exposed for bulk code (chain conflicts). */
export interface Hierarchy {
  /** Number of people in the tree (everyone named in managerOf, as person or manager, plus extra ids). */
  readonly size: number;
  readonly warnings: readonly HierarchyWarning[];
  /** Manager index per person (-1 at the top), after cycles were cut. */
  readonly parent: Int32Array;
  /** DFS entry time per person. */
  readonly tin: Int32Array;
  /** Largest entry time inside the person's subtree. */
  readonly tout: Int32Array;
  indexOf(id: string): number;
  idAt(index: number): string;
  /** True when one is a (direct or indirect) manager of the other, or both are the same person. */
  sameChain(a: string, b: string): boolean;
  /** True when `manager` is above `person` at any depth. */
  isAncestor(manager: string, person: string): boolean;
  /** The person's managers from the direct manager up to the top; empty when unknown or at the top. */
  chainOf(id: string): string[];
}

export interface BuildHierarchyOptions {
  /** Everyone the directory knows; a manager id outside this set gives a `missing-manager` warning. */
  knownIds?: Iterable<string>;
  /** People to place in the tree even when managerOf does not mention them (they become roots). */
  extraIds?: Iterable<string>;
}

type ManagerMap = Readonly<Record<string, string | null | undefined>> | ReadonlyMap<string, string | null | undefined>;

/** People and their managers as two parallel lists (Object.keys once: cheapest for 100,000 keys). */
function entries(managerOf: ManagerMap): { people: string[]; managers: (string | null | undefined)[] } {
  if (managerOf instanceof Map) return { people: [...managerOf.keys()], managers: [...managerOf.values()] };
  const record = managerOf as Readonly<Record<string, string | null | undefined>>;
  const people = Object.keys(record);
  const managers = new Array<string | null | undefined>(people.length);
  for (let i = 0; i < people.length; i++) managers[i] = record[people[i] as string];
  return { people, managers };
}

/** Builds the tree in O(n); never recurses, so a 100,000-deep chain is fine. */
export function buildHierarchy(managerOf: ManagerMap, options: BuildHierarchyOptions = {}): Hierarchy {
  const { people, managers } = entries(managerOf);
  // People with an entry get indices 0..n-1 in entry order (keys are unique); managers without an
  // entry of their own are added after them.
  const ids: string[] = people.slice();
  const index = new Map<string, number>();
  for (let i = 0; i < people.length; i++) index.set(people[i] as string, i);
  const intern = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const managerIndex = new Int32Array(people.length).fill(-1);
  const warnings: HierarchyWarning[] = [];
  const selfManaged: string[] = [];
  for (let p = 0; p < people.length; p++) {
    const manager = managers[p];
    if (manager === null || manager === undefined || manager === '') continue;
    if (manager === people[p]) selfManaged.push(manager);
    else managerIndex[p] = intern(manager);
  }
  if (options.extraIds) for (const id of options.extraIds) intern(id);

  const n = ids.length;
  const parent = new Int32Array(n).fill(-1);
  parent.set(managerIndex);

  if (selfManaged.length > 0) {
    selfManaged.sort();
    warnings.push({
      code: 'self-manager',
      ids: selfManaged,
      message: `${selfManaged.length} person(s) named as their own manager, treated as top of their chain: ${preview(selfManaged)}`,
    });
  }
  if (options.knownIds) {
    const known = new Set(options.knownIds);
    const missing = new Set<string>();
    for (let p = 0; p < people.length; p++) {
      const m = managerIndex[p] as number;
      if (m >= 0 && !known.has(ids[m] as string)) missing.add(ids[m] as string);
    }
    if (missing.size > 0) {
      const list = [...missing].sort();
      warnings.push({
        code: 'missing-manager',
        ids: list,
        message: `${list.length} manager id(s) not in the directory; their reports keep them as an unknown top: ${preview(list)}`,
      });
    }
  }
  cutCycles(parent, ids, warnings);
  const { tin, tout } = eulerTimes(parent);

  const at = (id: string): number => index.get(id) ?? -1;
  const above = (a: number, b: number): boolean =>
    (tin[a] as number) < (tin[b] as number) && (tin[b] as number) <= (tout[a] as number);
  return {
    size: n,
    warnings,
    parent,
    tin,
    tout,
    indexOf: at,
    idAt: (i) => ids[i] as string,
    sameChain(a, b) {
      if (a === b) return true;
      const i = at(a);
      const j = at(b);
      return i >= 0 && j >= 0 && (above(i, j) || above(j, i));
    },
    isAncestor(manager, person) {
      const i = at(manager);
      const j = at(person);
      return i >= 0 && j >= 0 && above(i, j);
    },
    chainOf(id) {
      const chain: string[] = [];
      for (let x = parent[at(id)] ?? -1; x >= 0; x = parent[x] as number) chain.push(ids[x] as string);
      return chain;
    },
  };
}

function preview(list: readonly string[]): string {
  return list.length <= 10 ? list.join(', ') : `${list.slice(0, 10).join(', ')} …`;
}

/**
 * Finds every cycle by walking up from each person once (O(n) overall) and cuts it at the member
 * with the smallest id, who becomes the top: the cycle becomes a path, so its members stay in one
 * chain. People hanging below any member move below the path's bottom, so that (as in the raw data)
 * every member of the cycle is above them.
 */
function cutCycles(parent: Int32Array, ids: readonly string[], warnings: HierarchyWarning[]): void {
  const n = parent.length;
  const walk = new Int32Array(n).fill(-1); // which start visited the node; -1 = not yet
  const bottomOf = new Int32Array(n).fill(-1); // per cycle member: the bottom of its cut cycle
  const found: HierarchyWarning[] = [];
  let cycles = 0;
  for (let start = 0; start < n; start++) {
    if (walk[start] !== -1) continue;
    let x = start;
    while (x >= 0 && walk[x] === -1) {
      walk[x] = start;
      x = parent[x] as number;
    }
    if (x < 0 || walk[x] !== start) continue; // reached the top or an earlier, finished walk
    const members: number[] = [];
    let y = x;
    do {
      members.push(y);
      y = parent[y] as number;
    } while (y !== x);
    let cut = members[0] as number;
    for (const m of members) if ((ids[m] as string) < (ids[cut] as string)) cut = m;
    const names: string[] = []; // from the cut member up the (former) cycle: independent of input order
    for (let z = cut, k = 0; k < members.length; k++, z = parent[z] as number) names.push(ids[z] as string);
    const bottom = parent[cut] as number;
    parent[cut] = -1;
    for (const m of members) bottomOf[m] = bottom;
    cycles++;
    found.push({
      code: 'cycle',
      ids: names,
      message: `management cycle ${names.join(' → ')} → ${names[0]}; cut above ${ids[cut]}, all of them stay in one chain`,
    });
  }
  found.sort((a, b) => ((a.ids[0] as string) < (b.ids[0] as string) ? -1 : 1));
  warnings.push(...found);
  if (cycles === 0) return;
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p >= 0 && bottomOf[i] === -1 && bottomOf[p] !== -1 && bottomOf[p] !== i) parent[i] = bottomOf[p] as number;
  }
}

/** Iterative DFS over a children index (CSR) giving entry times and subtree ends. */
function eulerTimes(parent: Int32Array): { tin: Int32Array; tout: Int32Array } {
  const n = parent.length;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p >= 0) childStart[p + 1] = (childStart[p + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) childStart[i + 1] = (childStart[i + 1] as number) + (childStart[i] as number);
  const fill = childStart.slice(0, n);
  const children = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p >= 0) {
      const at = fill[p] as number;
      children[at] = i;
      fill[p] = at + 1;
    }
  }
  const tin = new Int32Array(n);
  const tout = new Int32Array(n);
  const stack = new Int32Array(n);
  const next = new Int32Array(n); // next child position per node on the stack
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    tin[root] = time++;
    next[root] = childStart[root] as number;
    while (top >= 0) {
      const x = stack[top] as number;
      const c = next[x] as number;
      if (c < (childStart[x + 1] as number)) {
        next[x] = c + 1;
        const child = children[c] as number;
        tin[child] = time++;
        next[child] = childStart[child] as number;
        stack[++top] = child;
      } else {
        tout[x] = time - 1;
        top--;
      }
    }
  }
  return { tin, tout };
}
