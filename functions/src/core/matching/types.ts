import type { RowPool } from './row-pool';

/**
 * The matching engine's own plain input and output. The use-case layer maps the domain model
 * (participants, org users, programme) onto MatchInput; the CLI reads the same shape from JSON.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const TIMES_OF_DAY = ['morning', 'midday', 'afternoon'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** One side of a pair. Lists are compared case-insensitively; missing lists count as empty. */
export interface MatchPerson {
  /** Unique across mentors and mentees. */
  id: string;
  /** Mentor: topics they can teach. Mentee: topics they want to learn. */
  topics?: string[];
  interests?: string[];
  /** Hard constraint: a pair needs at least one common language. */
  languages: string[];
  /** IANA zone ("Europe/Berlin") or a fixed offset ("UTC+02:00"); missing = unknown (no score). */
  timezone?: string;
  /** Preferred meeting days; missing or empty = flexible (any day). */
  weekdays?: string[];
  /** Preferred times of day on those days; missing or empty = any time. */
  times?: string[];
  department?: string;
  /** Directory job level, higher = more senior. Never age. */
  jobLevel?: number;
  /** ISO date (YYYY-MM-DD); used for seniority only when job levels are missing. Never a birth date. */
  hireDate?: string;
  /** Opted in themselves (default true). */
  optedIn?: boolean;
  /** Not paused or left (default true). */
  active?: boolean;
}

export interface MatchMentor extends MatchPerson {
  /** Mentees this mentor may take: 1 (default) or 2, capped by the programme. */
  capacity?: number;
  /** Finished the mentor training (required only when the programme says so). */
  trained?: boolean;
}

export type MatchMentee = MatchPerson;

/** Points per fit component (the best pair on a component earns all its points). */
export interface MatchWeights {
  topics: number;
  interests: number;
  availability: number;
  timezone: number;
  crossDepartment: number;
  seniority: number;
}

export interface MatchProgramme {
  /** Mentors must be trained before they can be matched. Default false. */
  trainingRequired?: boolean;
  /** Upper limit on mentor capacity in this programme: 1 or 2. Default 2. */
  maxMenteesPerMentor?: number;
}

/** A matching instance. Pairs in `exclude` and `lock` name one mentor and one mentee, either order. */
export interface MatchInput {
  mentors: MatchMentor[];
  mentees: MatchMentee[];
  /** Person → direct manager; may include people outside the programme. */
  managerOf?: Readonly<Record<string, string | null>>;
  /** Pairs that must never be made (declined before or excluded by the programme manager). */
  exclude?: [string, string][];
  /** Pairs kept exactly as they are. */
  lock?: [string, string][];
  /** Optional mentors × mentees matrix (input order) replacing the fit score; null = forbidden pair. */
  scores?: (number | null)[][] | null;
  weights?: Partial<MatchWeights>;
  programme?: MatchProgramme;
}

/** A message key with its parameters; `formatReason` turns it into German or English text. */
export interface Reason {
  key: string;
  params: Record<string, string | number | string[]>;
}

/** Points per component of the built-in fit score (or `custom` when a scores matrix was given). */
export type ScoreBreakdown = Partial<Record<keyof MatchWeights | 'custom', number>>;

export interface MatchedPair {
  mentor: string;
  mentee: string;
  /** Fit score: 0–100 points for the built-in score, the matrix value for custom scores. */
  score: number;
  locked: boolean;
  breakdown: ScoreBreakdown;
  /** The strongest reasons first (at most 3). */
  reasons: Reason[];
}

export interface UnmatchedPerson {
  id: string;
  role: 'mentor' | 'mentee';
  reason: Reason;
}

export interface MatchWarning {
  code: string;
  message: string;
  ids?: string[];
}

export interface MatchStats {
  /** Wall time in ms when a clock was injected, else 0. */
  ms: number;
  phases: Record<string, number>;
  /** Edges in the sparse candidate graph at the end. */
  candidateEdges: number;
  /** Solve + dual-check rounds (1 when the first sparse solve was already optimal). */
  rounds: number;
  /** Pairs that violated the dual check and were added, over all rounds. */
  addedEdges: number;
  /** Pairs examined by the dual checks (the first check covers all pairs). */
  checkedPairs: number;
  /** Same-chain pairs among the people matched. */
  forbiddenByHierarchy: number;
}

export interface MatchResult {
  pairs: MatchedPair[];
  pairCount: number;
  totalScore: number;
  unmatched: UnmatchedPerson[];
  /** True only when the dual check over all pairs proved the result optimal. */
  optimal: boolean;
  warnings: MatchWarning[];
  stats: MatchStats;
}

/** Tuning and injection points; the defaults suit production. */
export interface MatchOptions {
  /** Best partners kept per mentee in the sparse candidate graph (mentors keep twice as many per place; default 8). */
  candidatesPerPerson?: number;
  /** Largest mentors × mentees matrix kept in memory for the dual check (default 160 million cells). */
  maxCachedCells?: number;
  /** Injected clock (e.g. performance.now) for stats; core reads no clock by itself. */
  clock?: () => number;
  /** Receives one line per solve round (for the bench and diagnostics). */
  trace?: (line: string) => void;
  /**
   * Helper threads for the passes over all pairs (scoring and the dual check); core has no threads,
   * so they are injected (see adapters/parallel-matching). The result is the same with or without.
   */
  pool?: RowPool;
}

/** Which people a re-match may move. */
export interface RematchScope {
  /** Pairs that stay exactly as they are (confirmed or untouched), [mentor, mentee]. */
  fixedPairs: [string, string][];
  /** People who need a (new) partner; every new pair contains at least one of them. */
  affectedIds: string[];
}
