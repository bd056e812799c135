/** The choices of the profile form, and turning the form into the API's profile (and back). */
import type { Participant, Role, TimeOfDay, Weekday } from '../../api/types';

export const WEEKDAY_CHOICES: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const TIME_CHOICES: TimeOfDay[] = ['morning', 'midday', 'afternoon'];
export const LANGUAGE_CHOICES = ['de', 'en', 'fr', 'es', 'it', 'pl', 'tr'];
export const TIME_ZONES = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/London',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Warsaw',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Singapore',
  'Asia/Kolkata',
  'UTC',
];

export interface ProfileDraft {
  role: Role | '';
  teachTopics: string[];
  learnTopics: string[];
  interests: string;
  languages: string[];
  timeZone: string;
  weekdays: Weekday[];
  times: TimeOfDay[];
  testimonial: string;
  /** A consent of its own: the testimonial may be quoted with the person's name. */
  testimonialConsent: boolean;
}

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Berlin';
  } catch {
    return 'Europe/Berlin';
  }
}

/** The form's values: the stored profile, else defaults (the time zone: the mailbox's, else the browser's). */
export function draftOf(p: Partial<Participant> | undefined, lang: string, defaultZone?: string): ProfileDraft {
  return {
    role: p?.role ?? '',
    teachTopics: p?.teachTopics ?? [],
    learnTopics: p?.learnTopics ?? [],
    interests: (p?.interests ?? []).join(', '),
    languages: p?.languages?.length ? p.languages : [lang],
    timeZone: p?.timeZone ?? defaultZone ?? browserZone(),
    weekdays: p?.weekdays ?? [],
    times: p?.times ?? [],
    testimonial: p?.testimonial ?? '',
    testimonialConsent: Boolean(p?.testimonial && p.testimonialConsentAt),
  };
}

export type DraftErrors = Partial<Record<keyof ProfileDraft | 'consent', string>>;

/** The checks the API makes too, so a person sees them before sending. */
export function draftErrors(d: ProfileDraft): DraftErrors {
  const e: DraftErrors = {};
  if (!d.role) e.role = 'profile.error.role';
  if (d.role === 'mentor' && d.teachTopics.length === 0) e.teachTopics = 'profile.error.teach';
  if (d.role === 'mentee' && d.learnTopics.length === 0) e.learnTopics = 'profile.error.learn';
  if (d.languages.length === 0) e.languages = 'profile.error.languages';
  if (d.weekdays.length === 0) e.weekdays = 'profile.error.weekdays';
  if (d.testimonial.length > 280) e.testimonial = 'profile.error.testimonial';
  if (interestsOf(d).some((i) => i.length > 40)) e.interests = 'profile.error.interests';
  return e;
}

export function interestsOf(d: Pick<ProfileDraft, 'interests'>): string[] {
  return [
    ...new Set(
      d.interests
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

/** The profile as the API takes it: a mentor's learn topics and a mentee's teach topics are left empty. */
export function profileOf(d: ProfileDraft) {
  const role = d.role as Role;
  return {
    role,
    teachTopics: role === 'mentor' ? d.teachTopics : [],
    learnTopics: role === 'mentee' ? d.learnTopics : [],
    interests: interestsOf(d),
    languages: d.languages,
    timeZone: d.timeZone,
    weekdays: d.weekdays,
    times: d.times,
    ...(d.testimonial.trim() ? { testimonial: d.testimonial.trim(), testimonialConsent: d.testimonialConsent } : {}),
  };
}

export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}
