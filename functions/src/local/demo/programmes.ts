/** The demo programmes: one in each phase, sized like a real first cohort. */
import { DEFAULT_CADENCE, type Phase, type Topic, type TrainingModule } from '../../core/model';

export interface ProgrammePlan {
  id: string;
  name: string;
  description: string;
  phase: Phase;
  topics: Topic[];
  kickoff: Date;
  closing: Date;
  mentees: number;
  mentors: number;
  /** People invited who have not answered yet. */
  invitedOnly: number;
  /** Share of mentors who completed the training. */
  trained: number;
  /** Pairs confirmed and meeting (execution / steering). */
  withPairs: boolean;
  /** Start and end self-assessments present. */
  assessments: 'none' | 'start' | 'both';
  /** Its first pair's people become the demo's mentee and mentor accounts. */
  showcase?: boolean;
  /** People on the interest list for the next cohort. */
  interested?: number;
  /** Management levels to draw mentees and mentors from (default 1–4 and 5 or deeper; benches use others). */
  levels?: { mentees: [number, number]; mentors: [number, number] };
  /** Sessions per pair's series (default the demo cadence's). */
  sessions?: number;
}

const DAY = 24 * 3600 * 1000;

const TOPICS: Record<string, Topic> = {
  teams: {
    id: 'teams',
    name: 'Microsoft Teams & Loop',
    names: { en: 'Microsoft Teams & Loop', de: 'Microsoft Teams & Loop' },
    guide: {
      en: 'Set up a channel for a real project together; try a Loop component in a meeting chat; agree on one habit to keep.',
      de: 'Gemeinsam einen Kanal für ein echtes Projekt einrichten; eine Loop-Komponente im Besprechungschat ausprobieren; eine Gewohnheit vereinbaren.',
    },
  },
  ai: {
    id: 'ai',
    name: 'AI assistants',
    names: { en: 'AI assistants', de: 'KI-Assistenten' },
    guide: {
      en: 'Draft an e-mail and summarise a meeting with Copilot; discuss what not to share with an AI tool.',
      de: 'Mit Copilot eine E-Mail entwerfen und eine Besprechung zusammenfassen; besprechen, was man einem KI-Werkzeug nicht anvertraut.',
    },
  },
  social: {
    id: 'social',
    name: 'Social media & LinkedIn',
    names: { en: 'Social media & LinkedIn', de: 'Social Media & LinkedIn' },
    guide: {
      en: 'Review the mentee’s LinkedIn profile; plan one post about the team’s work.',
      de: 'Das LinkedIn-Profil des Mentees durchsehen; einen Beitrag über die Arbeit des Teams planen.',
    },
  },
  agile: {
    id: 'agile',
    name: 'Agile ways of working',
    names: { en: 'Agile ways of working', de: 'Agiles Arbeiten' },
    guide: {
      en: 'Walk through a sprint board; try a 15-minute stand-up format for the mentee’s team.',
      de: 'Ein Sprint-Board durchgehen; ein 15-Minuten-Stand-up für das Team des Mentees ausprobieren.',
    },
  },
  data: {
    id: 'data',
    name: 'Data & dashboards (Power BI)',
    names: { en: 'Data & dashboards (Power BI)', de: 'Daten & Dashboards (Power BI)' },
  },
};

export function demoProgrammes(now: Date): ProgrammePlan[] {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  return [
    {
      id: 'demo-digital-leadership',
      name: 'Digital Leadership 2026',
      description: 'Our first company-wide cohort: juniors show leaders the tools we now work with every day.',
      phase: 'execution',
      topics: [TOPICS.teams as Topic, TOPICS.ai as Topic, TOPICS.social as Topic],
      kickoff: at(-49),
      closing: at(70),
      mentees: 24,
      mentors: 27,
      invitedOnly: 0,
      trained: 1,
      withPairs: true,
      assessments: 'start',
      showcase: true,
    },
    {
      id: 'demo-ai-pilot',
      name: 'AI Assistants Pilot',
      description: 'A focused pilot on AI assistants for the leadership circle of Finance and Legal.',
      phase: 'matching',
      topics: [TOPICS.ai as Topic, TOPICS.data as Topic],
      kickoff: at(14),
      closing: at(120),
      mentees: 14,
      mentors: 16,
      invitedOnly: 4,
      trained: 0.8,
      withPairs: false,
      assessments: 'none',
    },
    {
      id: 'demo-social-media',
      name: 'Social Media Basics',
      description: 'LinkedIn and social media for managers who represent the company in public.',
      phase: 'preparation',
      topics: [TOPICS.social as Topic, TOPICS.teams as Topic],
      kickoff: at(35),
      closing: at(160),
      mentees: 5,
      mentors: 4,
      invitedOnly: 22,
      trained: 0.25,
      withPairs: false,
      assessments: 'none',
    },
    {
      id: 'demo-agile-2025',
      name: 'New Ways of Working 2025',
      description: 'Last year’s cohort, now in its steering phase: results secured, stories told.',
      phase: 'steering',
      topics: [TOPICS.agile as Topic, TOPICS.teams as Topic],
      kickoff: at(-200),
      closing: at(-20),
      mentees: 12,
      mentors: 12,
      invitedOnly: 0,
      trained: 1,
      withPairs: true,
      assessments: 'both',
      interested: 7,
    },
    {
      id: 'demo-draft',
      name: 'Reverse Mentoring 2027',
      description: 'Next year’s cohort, being drafted.',
      phase: 'draft',
      topics: [TOPICS.ai as Topic],
      kickoff: at(200),
      closing: at(330),
      mentees: 0,
      mentors: 0,
      invitedOnly: 0,
      trained: 0,
      withPairs: false,
      assessments: 'none',
    },
  ];
}

export const DEMO_CADENCE = { ...DEFAULT_CADENCE, weekday: 'tue' as const, window: { start: '09:00', end: '17:00' } };

/** The demo's mentor training: three modules with text and links (every demo programme uses them). */
export const DEMO_TRAINING_MODULES: TrainingModule[] = [
  {
    id: 'principles',
    title: { en: 'Reverse mentoring on eye level', de: 'Reverse Mentoring auf Augenhöhe' },
    text: {
      en: 'Why it works, what stays confidential, and why hierarchy stays outside the room.',
      de: 'Warum es funktioniert, was vertraulich bleibt, und warum Hierarchie draußen bleibt.',
    },
    link: 'https://contoso.sharepoint.com/sites/tandem/SitePages/principles.aspx',
  },
  {
    id: 'first-session',
    title: { en: 'Your first session', de: 'Der erste Termin' },
    text: {
      en: 'Agree on goals and expectations, and pick the first topic together.',
      de: 'Ziele und Erwartungen klären und gemeinsam das erste Thema wählen.',
    },
    link: 'https://learning.microsoft.com/viva/course/tandem-first-session',
  },
  {
    id: 'feedback',
    title: { en: 'Giving feedback upwards', de: 'Feedback nach oben geben' },
    text: { en: 'A short video with three examples.', de: 'Ein kurzes Video mit drei Beispielen.' },
  },
];
