/** Small random matching instances (≤ 8 per side) with hierarchies, capacities, locks and exclusions. */
import type { MatchInput, MatchMentee, MatchMentor } from '../../../../functions/src/core/matching';
import { capacityOf, feasible } from './oracle';
import type { Rng } from './prng';

const LANGS = ['de', 'en', 'fr'];
const TOPICS = ['teams', 'ai', 'excel', 'social'];

export interface RandomOptions {
  maxPerSide?: number;
  customScores?: boolean;
  locks?: boolean;
  /** Add a management cycle among people outside the programme. */
  cycles?: boolean;
}

/** A random instance; ids are shuffled so input order never matches id order. */
export function randomInstance(r: Rng, o: RandomOptions = {}): MatchInput {
  const max = o.maxPerSide ?? 8;
  const nM = r.int(0, max);
  const nE = r.int(0, max);
  const person = (id: string): MatchMentee => ({
    id,
    // Sometimes spelled " EN" to exercise case- and space-insensitive matching.
    languages: r
      .shuffle(LANGS)
      .slice(0, r.int(1, 2))
      .map((l) => (r.chance(0.1) ? ` ${l.toUpperCase()}` : l)),
    topics: TOPICS.filter(() => r.chance(0.4)),
    interests: ['chess', 'running', 'cooking'].filter(() => r.chance(0.3)),
    ...(r.chance(0.8) ? { timezone: r.pick(['Europe/Berlin', 'Europe/London', 'America/New_York', 'UTC+05:30']) } : {}),
    ...(r.chance(0.7) ? { weekdays: r.shuffle(['mon', 'tue', 'wed', 'thu', 'fri']).slice(0, r.int(1, 3)) } : {}),
    ...(r.chance(0.5) ? { times: r.shuffle(['morning', 'midday', 'afternoon']).slice(0, r.int(1, 2)) } : {}),
    ...(r.chance(0.8) ? { department: r.pick(['Sales', 'Finance', 'IT']) } : {}),
    ...(r.chance(0.6) ? { jobLevel: r.int(1, 10) } : {}),
    ...(r.chance(0.6) ? { hireDate: `${r.int(1995, 2024)}-0${r.int(1, 9)}-1${r.int(0, 9)}` } : {}),
    ...(r.chance(0.08) ? { optedIn: false } : {}),
    ...(r.chance(0.05) ? { active: false } : {}),
  });
  const mentors: MatchMentor[] = Array.from({ length: nM }, (_, i) => ({
    ...person(`m${i}-${r.int(0, 99)}`),
    capacity: r.chance(0.3) ? 2 : 1,
    ...(r.chance(0.85) ? { trained: true } : {}),
  }));
  const mentees = Array.from({ length: nE }, (_, j) => person(`e${j}-${r.int(0, 99)}`));
  // Org: participants and a few outsiders, each reporting to an earlier person (a forest), shuffled.
  const outsiders = Array.from({ length: r.int(0, 4) }, (_, k) => `x${k}`);
  const everyone = r.shuffle([...outsiders, ...mentors.map((m) => m.id), ...mentees.map((e) => e.id)]);
  const managerOf: Record<string, string | null> = {};
  everyone.forEach((id, k) => {
    if (k > 0 && r.chance(0.75)) managerOf[id] = everyone[r.int(Math.max(0, k - 4), k - 1)] as string;
  });
  if (o.cycles && outsiders.length >= 2) {
    managerOf[outsiders[0] as string] = outsiders[1] as string;
    managerOf[outsiders[1] as string] = outsiders[0] as string;
  }
  const input: MatchInput = {
    mentors: r.shuffle(mentors),
    mentees: r.shuffle(mentees),
    managerOf,
    exclude: [],
    lock: [],
    programme: { trainingRequired: r.chance(0.3), ...(r.chance(0.2) ? { maxMenteesPerMentor: 1 } : {}) },
  };
  for (let k = r.int(0, 3); k > 0 && nM > 0 && nE > 0; k--) {
    const pair: [string, string] = [r.pick(input.mentors).id, r.pick(input.mentees).id];
    input.exclude?.push(r.chance(0.5) ? pair : [pair[1], pair[0]]);
  }
  if (o.customScores !== false) {
    const decimals = r.chance(0.2);
    input.scores = input.mentors.map(() =>
      input.mentees.map(() => (r.chance(0.15) ? null : decimals ? r.int(0, 200) / 10 : r.int(0, 20))),
    );
  }
  if (o.locks !== false && r.chance(0.4)) {
    const used = new Map<string, number>();
    const lockedMentees = new Set<string>();
    for (let k = r.int(1, 2); k > 0 && nM > 0 && nE > 0; k--) {
      const i = r.int(0, nM - 1);
      const j = r.int(0, nE - 1);
      const m = input.mentors[i] as MatchMentor;
      const e = input.mentees[j] as MatchMentee;
      if (!feasible(input, i, j) || lockedMentees.has(e.id) || (used.get(m.id) ?? 0) >= capacityOf(input, m)) continue;
      used.set(m.id, (used.get(m.id) ?? 0) + 1);
      lockedMentees.add(e.id);
      input.lock?.push(r.chance(0.5) ? [m.id, e.id] : [e.id, m.id]);
    }
  }
  return input;
}
