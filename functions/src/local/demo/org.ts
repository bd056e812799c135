/**
 * A generated organisation for the demo, the Graph stand-in and benchmarks: a management tree of
 * any size (at least 7 levels from the CEO down for ~300 people), departments, offices in several
 * countries, German and English names, a few guests and disabled accounts. Deterministic per seed.
 */
import { seededRandom } from './random';

export interface GeneratedUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  preferredLanguage: string;
  /** Mailbox time zone (IANA) of the office. */
  timeZone: string;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  managerId?: string;
  /** 0 = CEO; larger is further down the tree. */
  level: number;
  /** Seniority signal (never age): when the person joined. */
  employeeHireDate: string;
}

export interface Office {
  name: string;
  timeZone: string;
  language: string;
  german: boolean;
}

export const OFFICES: readonly Office[] = [
  { name: 'Berlin', timeZone: 'Europe/Berlin', language: 'de-DE', german: true },
  { name: 'München', timeZone: 'Europe/Berlin', language: 'de-DE', german: true },
  { name: 'Hamburg', timeZone: 'Europe/Berlin', language: 'de-DE', german: true },
  { name: 'Wien', timeZone: 'Europe/Vienna', language: 'de-AT', german: true },
  { name: 'Zürich', timeZone: 'Europe/Zurich', language: 'de-CH', german: true },
  { name: 'London', timeZone: 'Europe/London', language: 'en-GB', german: false },
  { name: 'New York', timeZone: 'America/New_York', language: 'en-US', german: false },
];

export const DEPARTMENTS = [
  'Sales',
  'Finance',
  'IT',
  'Human Resources',
  'Marketing',
  'Operations',
  'Research & Development',
  'Legal',
] as const;

const GERMAN_FIRST = [
  'Anna',
  'Lukas',
  'Sophie',
  'Jonas',
  'Marie',
  'Leon',
  'Lena',
  'Felix',
  'Hannah',
  'Paul',
  'Julia',
  'Maximilian',
  'Laura',
  'Tobias',
  'Katharina',
  'Florian',
  'Sabine',
  'Jürgen',
  'Petra',
  'Klaus',
  'Ursula',
  'Stefan',
  'Birgit',
  'Matthias',
  'Sarah',
  'Niklas',
  'Franziska',
  'Moritz',
  'Johanna',
  'Björn',
];
const GERMAN_LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Werner',
  'Köhler',
  'Huber',
  'Maier',
  'Gruber',
  'Steiner',
  'Brunner',
];
const ENGLISH_FIRST = [
  'Oliver',
  'Emma',
  'James',
  'Olivia',
  'William',
  'Amelia',
  'Henry',
  'Isla',
  'George',
  'Ava',
  'Michael',
  'Emily',
  'David',
  'Grace',
  'Daniel',
  'Chloe',
  'Samuel',
  'Mia',
  'Thomas',
  'Ella',
  'Ethan',
  'Zoe',
  'Noah',
  'Lily',
  'Jacob',
];
const ENGLISH_LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Patel',
  'Garcia',
  'Miller',
  'Moore',
  'Lee',
];

const TITLES = [
  'Chief Executive Officer',
  'Head of {d}',
  'Director {d}',
  'Senior Manager {d}',
  'Team Lead {d}',
  'Specialist {d}',
  'Junior {d} Associate',
];

/** Reports per manager at each level: narrow at the top so even a small org is deep. */
const FAN_OUT: readonly [number, number][] = [
  [6, 8],
  [2, 2],
  [2, 2],
  [2, 2],
  [2, 3],
  [2, 4],
];
const DEEP_FAN_OUT: [number, number] = [3, 8];

const asciiCache = new Map<string, string>();
function ascii(text: string): string {
  let cached = asciiCache.get(text);
  if (cached === undefined) asciiCache.set(text, (cached = toAscii(text)));
  return cached;
}

function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export interface OrgOptions {
  size: number;
  seed?: number;
  domain?: string;
  /** Share of guests and of disabled accounts (default 1 % each); never the CEO or a manager with reports. */
  guests?: number;
  disabled?: number;
}

export function generateOrg(options: OrgOptions): GeneratedUser[] {
  const rnd = seededRandom(options.seed ?? 42);
  const domain = options.domain ?? 'contoso.example';
  const users: GeneratedUser[] = [];
  const mails = new Map<string, number>();

  const make = (
    level: number,
    manager: GeneratedUser | undefined,
    department: string,
    office: Office,
  ): GeneratedUser => {
    const german = office.german ? !rnd.chance(0.1) : rnd.chance(0.1);
    const givenName = rnd.pick(german ? GERMAN_FIRST : ENGLISH_FIRST);
    const surname = rnd.pick(german ? GERMAN_LAST : ENGLISH_LAST);
    const base = `${ascii(givenName)}.${ascii(surname)}`;
    const n = (mails.get(base) ?? 0) + 1;
    mails.set(base, n);
    const local = n === 1 ? base : `${base}${n}`;
    const title = (TITLES[Math.min(level, TITLES.length - 1)] as string).replace('{d}', department);
    const yearsIn = Math.max(0, 26 - level * 3 - rnd.int(0, 4));
    const hire = new Date(Date.UTC(2026 - yearsIn, rnd.int(0, 11), rnd.int(1, 28)));
    const user: GeneratedUser = {
      id: rnd.guid(),
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      mail: `${local}@${domain}`,
      userPrincipalName: `${local}@${domain}`,
      jobTitle: title,
      department,
      officeLocation: office.name,
      preferredLanguage: office.language,
      timeZone: office.timeZone,
      accountEnabled: true,
      userType: 'Member',
      level,
      employeeHireDate: hire.toISOString().slice(0, 10),
      ...(manager ? { managerId: manager.id } : {}),
    };
    users.push(user);
    return user;
  };

  const ceo = make(0, undefined, 'Executive Board', OFFICES[0] as Office);
  let frontier: GeneratedUser[] = [ceo];
  while (users.length < options.size && frontier.length) {
    const next: GeneratedUser[] = [];
    for (const manager of frontier) {
      const [lo, hi] = FAN_OUT[manager.level] ?? DEEP_FAN_OUT;
      const count = rnd.int(lo, hi);
      for (let i = 0; i < count && users.length < options.size; i++) {
        const department = manager.level === 0 ? (DEPARTMENTS[i % DEPARTMENTS.length] as string) : manager.department;
        const office =
          manager.level === 0 || rnd.chance(0.25)
            ? rnd.pick(OFFICES)
            : (OFFICES.find((o) => o.name === manager.officeLocation) as Office);
        next.push(make(manager.level + 1, manager, department, office));
      }
    }
    frontier = next;
  }

  const hasReports = new Set(users.map((u) => u.managerId).filter(Boolean));
  for (const user of users) {
    if (user.level === 0 || hasReports.has(user.id)) continue;
    if (rnd.chance(options.guests ?? 0.01)) {
      user.userType = 'Guest';
      user.userPrincipalName = `${user.mail.replace('@', '_')}#EXT#@${domain}`;
    } else if (rnd.chance(options.disabled ?? 0.01)) {
      user.accountEnabled = false;
    }
  }
  return users;
}
