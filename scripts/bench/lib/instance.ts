/**
 * Seeded, realistic matching instances: an org tree (span 3–9, so chains are 6–8 deep), senior
 * mentees from the upper levels and junior mentors from the lower ones (so many mentees manage
 * mentors: real same-chain conflicts), departments from the org tree, popular topics and interests
 * (Zipf), a German-first company (languages, time zones), weekday/time preferences, job levels and
 * hire dates, a few exclusions.
 */
import type { MatchInput, MatchMentee, MatchMentor } from '../../../functions/src/core/matching';
import { distinct, mulberry32, zipf } from './prng';

export const TOPICS = [
  'teams',
  'copilot',
  'ai-assistants',
  'social-media',
  'excel-automation',
  'power-bi',
  'sharepoint',
  'loop',
  'genai-prompting',
  'linkedin',
  'tiktok',
  'cybersecurity',
  'python',
  'low-code',
  'data-literacy',
  'viva',
];
const INTERESTS = Array.from({ length: 40 }, (_, i) => `interest-${i}`);
const LANGUAGES: [string, number][] = [
  ['de', 0.75],
  ['en', 0.85],
  ['fr', 0.08],
  ['es', 0.06],
  ['it', 0.04],
  ['pl', 0.04],
  ['tr', 0.03],
  ['nl', 0.03],
];
const ZONES: [string, number][] = [
  ['Europe/Berlin', 0.6],
  ['Europe/London', 0.1],
  ['America/New_York', 0.1],
  ['Europe/Paris', 0.05],
  ['Asia/Singapore', 0.05],
  ['Asia/Kolkata', 0.05],
  ['America/Chicago', 0.05],
];
const DAYS = ['tue', 'wed', 'thu', 'mon', 'fri'];
const TIMES = ['morning', 'afternoon', 'midday'];

export interface Org {
  managerOf: Record<string, string>;
  ids: string[];
  depth: Int32Array;
  /** Index of the depth-2 ancestor (department head) per person, -1 above that level. */
  department: Int32Array;
}

/** An org of `size` people, breadth-first with spans of 3–9. */
export function generateOrg(size: number, seed: number): Org {
  const rand = mulberry32(seed);
  const ids = Array.from({ length: size }, (_, i) => `p${String(i).padStart(6, '0')}`);
  const parent = new Int32Array(size).fill(-1);
  const depth = new Int32Array(size);
  let next = 1;
  for (let m = 0; m < size && next < size; m++) {
    const span = 3 + Math.floor(rand() * 7);
    for (let c = 0; c < span && next < size; c++, next++) {
      parent[next] = m;
      depth[next] = (depth[m] as number) + 1;
    }
  }
  const department = new Int32Array(size).fill(-1);
  const managerOf: Record<string, string> = {};
  for (let i = 1; i < size; i++) {
    const p = parent[i] as number;
    managerOf[ids[i] as string] = ids[p] as string;
    department[i] = depth[i] === 2 ? i : (department[p] as number);
  }
  return { managerOf, ids, depth, department };
}

function pickWeighted(rand: () => number, table: [string, number][]): string {
  let x = rand() * table.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of table) if ((x -= w) <= 0) return v;
  return (table[table.length - 1] as [string, number])[0];
}

export interface InstanceOptions {
  mentees: number;
  mentors: number;
  seed: number;
  /** Share of mentors with capacity 2 (default 0). */
  capacityTwoShare?: number;
  /** Org size (default 4 × participants, at least 1,000). */
  orgSize?: number;
}

export function generateInstance(o: InstanceOptions): MatchInput {
  const rand = mulberry32(o.seed ^ 0x9e3779b9);
  const org = generateOrg(o.orgSize ?? Math.max(1000, 4 * (o.mentees + o.mentors)), o.seed);
  const order = Array.from(org.ids.keys()).sort((a, b) => (org.depth[a] as number) - (org.depth[b] as number) || a - b);
  // Mentees: random senior people from the upper third; mentors: random juniors from the lower half.
  const upper = order.slice(1, Math.max(o.mentees * 2, Math.floor(order.length / 3)));
  const lower = order.slice(Math.floor(order.length / 2));
  const menteeIdx = shuffle(upper, rand).slice(0, o.mentees);
  const mentorIdx = shuffle(lower, rand).slice(0, o.mentors);
  const topic = zipf(rand, TOPICS.length, 0.8);
  const interest = zipf(rand, INTERESTS.length, 0.9);
  const dayPick = zipf(rand, DAYS.length, 0.7);
  const zoneOfDivision = new Map<number, string>();
  const person = (i: number, mentor: boolean): MatchMentee => {
    const division = org.department[i] ?? -1;
    if (!zoneOfDivision.has(division)) zoneOfDivision.set(division, pickWeighted(rand, ZONES));
    const languages = LANGUAGES.filter(([, p]) => rand() < p).map(([l]) => l);
    if (languages.length === 0) languages.push('en');
    const times = distinct(() => Math.floor(rand() * 3), Math.floor(rand() * 3), 3).map((t) => TIMES[t] as string);
    return {
      id: org.ids[i] as string,
      topics: distinct(topic, mentor ? 2 + Math.floor(rand() * 4) : 1 + Math.floor(rand() * 3), TOPICS.length).map(
        (t) => TOPICS[t] as string,
      ),
      interests: distinct(interest, 2 + Math.floor(rand() * 4), INTERESTS.length).map((t) => INTERESTS[t] as string),
      languages,
      timezone: rand() < 0.85 ? (zoneOfDivision.get(division) as string) : pickWeighted(rand, ZONES),
      weekdays: distinct(dayPick, 1 + Math.floor(rand() * 3), DAYS.length).map((d) => DAYS[d] as string),
      ...(times.length > 0 ? { times } : {}),
      department: division >= 0 ? `dept-${division}` : 'board',
      jobLevel: mentor ? 1 + Math.floor(rand() * 4) : Math.max(4, 12 - (org.depth[i] as number)),
      hireDate: `${mentor ? 2014 + Math.floor(rand() * 11) : 1995 + Math.floor(rand() * 25)}-0${1 + Math.floor(rand() * 9)}-15`,
    };
  };
  const mentees = menteeIdx.map((i) => person(i, false));
  const mentors: MatchMentor[] = mentorIdx.map((i) => ({
    ...person(i, true),
    capacity: rand() < (o.capacityTwoShare ?? 0) ? 2 : 1,
    trained: true,
  }));
  const exclude: [string, string][] = [];
  for (const e of mentees) {
    if (rand() < 0.01) exclude.push([(mentors[Math.floor(rand() * mentors.length)] as MatchMentor).id, e.id]);
  }
  return { mentors, mentees, managerOf: org.managerOf, exclude, lock: [], programme: { trainingRequired: true } };
}

function shuffle<T>(list: readonly T[], rand: () => number): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
