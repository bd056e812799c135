/**
 * NCRONTAB schedules as Azure Functions timers use them: six fields
 * `{second} {minute} {hour} {day} {month} {day-of-week}`, in UTC (the Functions default). Fields take
 * `*`, numbers, names (Jan, Mon), ranges `a-b`, lists `a,b` and steps `* /n`, `a-b/n`. Day and
 * day-of-week must both match, as in NCrontab.
 */
const FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    base: 1,
  },
  { name: 'day-of-week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], base: 0 },
] as const;

export interface Schedule {
  expression: string;
  sets: Set<number>[];
}

function value(text: string, field: (typeof FIELDS)[number]): number {
  const lower = text.toLowerCase();
  if ('names' in field) {
    const i = (field.names as readonly string[]).indexOf(lower.slice(0, 3));
    if (i >= 0 && /^[a-z]+$/.test(lower)) return i + field.base;
  }
  if (!/^\d+$/.test(text)) throw new Error(`"${text}" is not a valid ${field.name}`);
  const n = Number(text);
  // NOTE: 7 is Sunday too in most cron dialects.
  if (field.name === 'day-of-week' && n === 7) return 0;
  if (n < field.min || n > field.max) throw new Error(`${field.name} ${n} is outside ${field.min}-${field.max}`);
  return n;
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const set = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`"${part}" has an invalid step`);
    let from: number = field.min;
    let to: number = field.max;
    if (range !== '*') {
      const [a, b] = (range ?? '').split('-');
      from = value(a ?? '', field);
      to = b === undefined ? (stepText === undefined ? from : field.max) : value(b, field);
    }
    if (from > to) throw new Error(`"${part}" is an empty range`);
    for (let v = from; v <= to; v += step) set.add(v);
  }
  return set;
}

export function parseSchedule(expression: string): Schedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6)
    throw new Error(
      `"${expression}" is not an NCRONTAB expression (six fields: second minute hour day month day-of-week)`,
    );
  try {
    return { expression, sets: parts.map((p, i) => parseField(p, FIELDS[i] as (typeof FIELDS)[number])) };
  } catch (err) {
    throw new Error(`Invalid schedule "${expression}": ${(err as Error).message}`, { cause: err });
  }
}

/** The first time strictly after `after` that the schedule fires (UTC), or undefined if none in 5 years. */
export function nextOccurrence(schedule: Schedule, after: Date): Date | undefined {
  const [sec, min, hour, day, month, dow] = schedule.sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() <= limit) {
    if (!month.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!day.has(t.getUTCDate()) || !dow.has(t.getUTCDay())) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!hour.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!min.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    if (!sec.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
      continue;
    }
    return t;
  }
  return undefined;
}
