import { MatchInputError } from './errors';
import { timezoneOffsetMinutes } from './timezone';
import { TIMES_OF_DAY, WEEKDAYS, type MatchInput } from './types';

/**
 * Checks a MatchInput (typically parsed JSON) and throws MatchInputError listing every problem with
 * its path ("mentors[2].capacity must be 1 or 2"). Runs before any work, so bad input loses nothing.
 */
export function validateMatchInput(raw: unknown): asserts raw is MatchInput {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < 50) problems.push(p);
  };
  if (!isObject(raw)) throw new MatchInputError(['input must be a JSON object with "mentors" and "mentees"']);
  const ids = new Map<string, string>();
  const roles = new Map<string, 'mentor' | 'mentee'>();
  for (const role of ['mentor', 'mentee'] as const) {
    const list = raw[`${role}s`];
    if (!Array.isArray(list)) {
      add(`"${role}s" must be an array`);
      continue;
    }
    list.forEach((person: unknown, i) => {
      const at = `${role}s[${i}]`; // one short string per person; field paths are built on error only
      if (!isObject(person)) return add(`${at} must be an object`);
      const id = person.id;
      if (typeof id !== 'string' || id.length === 0) add(`${at}.id must be a non-empty string`);
      else if (ids.has(id)) add(`duplicate id "${id}" (${ids.get(id)} and ${at})`);
      else {
        ids.set(id, at);
        roles.set(id, role);
      }
      checkPerson(person, at, role, add);
    });
  }
  checkManagerOf(raw.managerOf, add);
  checkPairs(raw.exclude, 'exclude', roles, false, add);
  checkPairs(raw.lock, 'lock', roles, true, add);
  checkScores(raw.scores, raw, add);
  checkWeights(raw.weights, add);
  checkProgramme(raw.programme, add);
  if (problems.length > 0) throw new MatchInputError(problems);
}

type Add = (problem: string) => void;

const MENTEE_FLAGS = ['optedIn', 'active'];
const MENTOR_FLAGS = ['optedIn', 'active', 'trained'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// NOTE: called for every list of every person (20,000 people at scale): no allocation unless wrong.
function checkStrings(value: unknown, at: string, field: string, add: Add, allowed?: readonly string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return add(`${at}.${field} must be an array of strings`);
  let badValue = false;
  for (const v of value) {
    if (typeof v !== 'string') return add(`${at}.${field} must be an array of strings`);
    if (allowed && !allowed.includes(v) && !allowed.includes(v.trim().toLowerCase())) badValue = true;
  }
  if (badValue && allowed) {
    const bad = value.filter((v: string) => !allowed.includes(v.trim().toLowerCase()));
    add(`${at}.${field} has unknown value(s) ${bad.join(', ')} (allowed: ${allowed.join(', ')})`);
  }
}

function checkPerson(p: Record<string, unknown>, at: string, role: 'mentor' | 'mentee', add: Add): void {
  checkStrings(p.topics, at, 'topics', add);
  checkStrings(p.interests, at, 'interests', add);
  if (!Array.isArray(p.languages) || p.languages.length === 0) add(`${at}.languages must name at least one language`);
  else checkStrings(p.languages, at, 'languages', add);
  checkStrings(p.weekdays, at, 'weekdays', add, WEEKDAYS);
  checkStrings(p.times, at, 'times', add, TIMES_OF_DAY);
  if (p.timezone !== undefined) {
    if (typeof p.timezone !== 'string') add(`${at}.timezone must be a string`);
    else if (timezoneOffsetMinutes(p.timezone) === null) add(`${at}.timezone "${p.timezone}" is not a known time zone`);
  }
  if (p.department !== undefined && typeof p.department !== 'string') add(`${at}.department must be a string`);
  if (p.jobLevel !== undefined && (typeof p.jobLevel !== 'number' || !Number.isFinite(p.jobLevel))) {
    add(`${at}.jobLevel must be a number`);
  }
  if (p.hireDate !== undefined && (typeof p.hireDate !== 'string' || !ISO_DATE.test(p.hireDate))) {
    add(`${at}.hireDate must be an ISO date (YYYY-MM-DD)`);
  }
  for (const flag of role === 'mentor' ? MENTOR_FLAGS : MENTEE_FLAGS) {
    if (p[flag] !== undefined && typeof p[flag] !== 'boolean') add(`${at}.${flag} must be true or false`);
  }
  if (role === 'mentor' && p.capacity !== undefined && p.capacity !== 1 && p.capacity !== 2) {
    add(`${at}.capacity must be 1 or 2`);
  }
}

function checkManagerOf(value: unknown, add: Add): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) return add('"managerOf" must be an object mapping person id to manager id');
  for (const person in value) {
    const manager = value[person];
    if (manager !== null && typeof manager !== 'string') add(`managerOf["${person}"] must be a manager id or null`);
  }
}

function checkPairs(value: unknown, name: string, roles: Map<string, string>, strict: boolean, add: Add): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return add(`"${name}" must be an array of [mentorId, menteeId] pairs`);
  const seen = new Map<string, number>();
  value.forEach((pair: unknown, i) => {
    const at = `${name}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2 || pair.some((x) => typeof x !== 'string')) {
      return add(`${at} must be a pair of two ids`);
    }
    const [a, b] = pair as [string, string];
    if (!strict) return; // unknown ids in exclude are harmless (people who left); reported as warnings
    const unknown = [a, b].filter((id) => !roles.has(id));
    if (unknown.length > 0) return add(`${at} names unknown id(s) ${unknown.map((u) => `"${u}"`).join(', ')}`);
    if (roles.get(a) === roles.get(b)) return add(`${at} must name one mentor and one mentee`);
    const mentee = roles.get(a) === 'mentee' ? a : b;
    const before = seen.get(mentee);
    if (before !== undefined) add(`${at}: mentee "${mentee}" is already locked in ${name}[${before}]`);
    else seen.set(mentee, i);
  });
}

function checkScores(value: unknown, raw: Record<string, unknown>, add: Add): void {
  if (value === undefined || value === null) return;
  const rows = Array.isArray(raw.mentors) ? raw.mentors.length : 0;
  const cols = Array.isArray(raw.mentees) ? raw.mentees.length : 0;
  if (!Array.isArray(value)) return add(`"scores" must be a ${rows} × ${cols} matrix (mentors × mentees)`);
  if (value.length !== rows) return add(`"scores" has ${value.length} rows but there are ${rows} mentors`);
  let bad = 0;
  value.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      bad++;
      if (bad <= 5) add(`scores[${i}] must have ${cols} entries (one per mentee), got ${describeRow(row)}`);
      return;
    }
    row.forEach((x: unknown, j) => {
      if (x === null) return;
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
        bad++;
        if (bad <= 5) add(`scores[${i}][${j}] must be a non-negative number or null, got ${JSON.stringify(x)}`);
      } else if (x > 1e9) {
        bad++;
        if (bad <= 5) add(`scores[${i}][${j}] is larger than 1e9`);
      }
    });
  });
}

function describeRow(row: unknown): string {
  return Array.isArray(row) ? `${row.length}` : JSON.stringify(row);
}

function checkWeights(value: unknown, add: Add): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) return add('"weights" must be an object');
  const known = ['topics', 'interests', 'availability', 'timezone', 'crossDepartment', 'seniority'];
  for (const [k, w] of Object.entries(value)) {
    if (!known.includes(k)) add(`weights.${k} is not a weight (known: ${known.join(', ')})`);
    else if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1000) {
      add(`weights.${k} must be a number from 0 to 1000`);
    }
  }
}

function checkProgramme(value: unknown, add: Add): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) return add('"programme" must be an object');
  if (value.trainingRequired !== undefined && typeof value.trainingRequired !== 'boolean') {
    add('programme.trainingRequired must be true or false');
  }
  const max = value.maxMenteesPerMentor;
  if (max !== undefined && max !== 1 && max !== 2) add('programme.maxMenteesPerMentor must be 1 or 2');
}
