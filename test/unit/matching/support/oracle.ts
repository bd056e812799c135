/**
 * An independent reference for the matching engine, written the slow and obvious way: feasibility by
 * walking manager chains, and the optimum by dynamic programming over every assignment of mentees
 * to mentors' remaining places (≤ 8 per side, so at most 3^8 capacity states).
 */
import type { MatchInput, MatchMentor, MatchResult } from '../../../../functions/src/core/matching';

const lower = (list: readonly string[] | undefined) => new Set((list ?? []).map((x) => x.trim().toLowerCase()));

/** Managers above a person (walks up, stops at a repeat so cycles terminate). */
export function managersAbove(managerOf: MatchInput['managerOf'], id: string): Set<string> {
  const above = new Set<string>();
  let x = managerOf?.[id] ?? null;
  while (x !== null && x !== undefined && x !== '' && !above.has(x)) {
    above.add(x);
    x = managerOf?.[x] ?? null;
  }
  return above;
}

/** Same chain by the naive definition: one is above the other (a cycle puts its members above each other). */
export function naiveSameChain(managerOf: MatchInput['managerOf'], a: string, b: string): boolean {
  return managersAbove(managerOf, a).has(b) || managersAbove(managerOf, b).has(a);
}

export function eligible(input: MatchInput, person: MatchMentor, mentor: boolean): boolean {
  if (person.optedIn === false || person.active === false) return false;
  return !(mentor && input.programme?.trainingRequired === true && person.trained !== true);
}

/** Hard constraints of a pair, in input indices (i = mentor, j = mentee). */
export function feasible(input: MatchInput, i: number, j: number): boolean {
  const m = input.mentors[i] as MatchMentor;
  const e = input.mentees[j] as MatchMentor;
  if (!eligible(input, m, true) || !eligible(input, e, false)) return false;
  const ml = lower(m.languages);
  if (![...lower(e.languages)].some((l) => ml.has(l))) return false;
  if (naiveSameChain(input.managerOf, m.id, e.id)) return false;
  if ((input.exclude ?? []).some(([a, b]) => (a === m.id && b === e.id) || (a === e.id && b === m.id))) return false;
  if (input.scores && input.scores[i]?.[j] === null) return false;
  return true;
}

export function capacityOf(input: MatchInput, m: MatchMentor): number {
  return Math.min(m.capacity ?? 1, input.programme?.maxMenteesPerMentor ?? 2);
}

/** Most pairs, then highest total score (score(i, j) in input indices), locks kept. */
export function bruteForce(
  input: MatchInput,
  score: (i: number, j: number) => number,
): { pairs: number; total: number } {
  const nM = input.mentors.length;
  const idxM = new Map(input.mentors.map((m, i) => [m.id, i]));
  const idxE = new Map(input.mentees.map((e, j) => [e.id, j]));
  const cap = input.mentors.map((m) => capacityOf(input, m));
  const locked = new Set<number>();
  let basePairs = 0;
  let baseTotal = 0;
  for (const [a, b] of input.lock ?? []) {
    const i = idxM.get(a) ?? (idxM.get(b) as number);
    const j = idxE.get(a) ?? (idxE.get(b) as number);
    cap[i] = (cap[i] as number) - 1;
    locked.add(j);
    basePairs++;
    baseTotal += score(i, j);
  }
  const free = input.mentees.map((_, j) => j).filter((j) => !locked.has(j));
  const ok = input.mentors.map((_, i) => input.mentees.map((_, j) => feasible(input, i, j)));
  const points = input.mentors.map((_, i) => input.mentees.map((_, j) => (ok[i]?.[j] ? score(i, j) : 0)));
  const memo = new Map<string, [number, number]>();
  const best = (k: number, caps: number[]): [number, number] => {
    if (k === free.length) return [0, 0];
    const key = `${k}|${caps.join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let result = best(k + 1, caps);
    const j = free[k] as number;
    for (let i = 0; i < nM; i++) {
      if ((caps[i] as number) <= 0 || !ok[i]?.[j]) continue;
      caps[i] = (caps[i] as number) - 1;
      const [p, t] = best(k + 1, caps);
      caps[i] = (caps[i] as number) + 1;
      const candidate: [number, number] = [p + 1, t + (points[i]?.[j] as number)];
      if (candidate[0] > result[0] || (candidate[0] === result[0] && candidate[1] > result[1] + 1e-9))
        result = candidate;
    }
    memo.set(key, result);
    return result;
  };
  const [pairs, total] = best(0, cap);
  return { pairs: pairs + basePairs, total: total + baseTotal };
}

/** Throws when a result breaks a hard constraint, a capacity, a lock or lists someone twice. */
export function assertValid(input: MatchInput, result: MatchResult): void {
  const idxM = new Map(input.mentors.map((m, i) => [m.id, i]));
  const idxE = new Map(input.mentees.map((e, j) => [e.id, j]));
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of result.pairs) {
    const i = idxM.get(p.mentor);
    const j = idxE.get(p.mentee);
    if (i === undefined || j === undefined) throw new Error(`pair names unknown people ${p.mentor}/${p.mentee}`);
    if (!feasible(input, i, j)) throw new Error(`infeasible pair ${p.mentor}–${p.mentee}`);
    if (seen.has(p.mentee)) throw new Error(`mentee ${p.mentee} paired twice`);
    seen.add(p.mentee);
    load.set(p.mentor, (load.get(p.mentor) ?? 0) + 1);
    if ((load.get(p.mentor) as number) > capacityOf(input, input.mentors[i] as MatchMentor)) {
      throw new Error(`mentor ${p.mentor} over capacity`);
    }
  }
  for (const [a, b] of input.lock ?? []) {
    if (!result.pairs.some((p) => (p.mentor === a && p.mentee === b) || (p.mentor === b && p.mentee === a))) {
      throw new Error(`lock ${a}–${b} not kept`);
    }
  }
  const paired = new Set(result.pairs.flatMap((p) => [p.mentor, p.mentee]));
  const listed = new Set(result.unmatched.map((u) => u.id));
  for (const person of [...input.mentors, ...input.mentees]) {
    if (paired.has(person.id) === listed.has(person.id)) {
      throw new Error(`${person.id} must be either paired or listed as unmatched`);
    }
  }
}
