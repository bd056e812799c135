import type { Reason } from './types';
import { lookupMessage, renderMessage } from '../i18n/translate';

/** Languages the explanations are written in. */
export type MessageLanguage = 'de' | 'en';

/** Reason texts per key; {name} is replaced by the parameter of that name. */
export const MESSAGES: Readonly<Record<MessageLanguage, Readonly<Record<string, string>>>> = {
  en: {
    'reason.topics': 'Covers {covered} of {wished} wished topics: {topics}',
    'reason.interests': 'Shared interests: {interests}',
    'reason.availability': 'Both available on {days}',
    'reason.timezone.same': 'Same time zone',
    'reason.timezone.close': 'Time zones only {hours} h apart',
    'reason.crossDepartment': 'Connects {mentorDepartment} and {menteeDepartment}',
    'reason.seniority.level': 'The mentee is more senior by job level, so learning flows in the intended direction',
    'reason.seniority.tenure': 'The mentee has the longer tenure, so learning flows in the intended direction',
    'reason.language': 'Common language: {languages}',
    'reason.customScore': 'Custom score {score}',
    'reason.locked': 'Kept as fixed by the programme manager',
    'unmatched.ineligible.notOptedIn': 'Has not opted in to this programme',
    'unmatched.ineligible.inactive': 'Paused or left the programme',
    'unmatched.ineligible.untrained': 'Has not finished the mentor training this programme requires',
    'unmatched.noPartnersAvailable': 'Nobody on the other side has a free place',
    'unmatched.changed':
      'Their situation changed while the run went on; they are matched again as soon as a partner is free',
    'unmatched.noFeasiblePartner.language':
      'No feasible partner among {checked} people; the main obstacle: no common language ({language} of them)',
    'unmatched.noFeasiblePartner.hierarchy':
      'No feasible partner among {checked} people; the main obstacle: the same management chain ({hierarchy} of them)',
    'unmatched.noFeasiblePartner.excluded':
      'No feasible partner among {checked} people; the main obstacle: pairs excluded before ({excluded} of them)',
    'unmatched.noFeasiblePartner.customScore':
      'No feasible partner among {checked} people; the main obstacle: the custom scores forbid the pair ({customScore} of them)',
    'unmatched.noFeasiblePartner.scope':
      'No feasible partner among {checked} people; the main obstacle: they are not part of this re-match ({scope} of them)',
    'unmatched.capacity.mentee':
      'All {partners} compatible mentors are fully booked: {places} mentor places for {people} mentees',
    'unmatched.capacity.mentor':
      'All {partners} compatible mentees already have a mentor: {people} mentees for {places} mentor places',
    'unmatched.betterForGroup.mentee':
      'Each of the {partners} compatible mentors is paired with someone else; pairing them with you would mean fewer pairs or a lower overall fit',
    'unmatched.betterForGroup.mentor':
      'Each of the {partners} compatible mentees is paired with someone else; pairing them with you would mean fewer pairs or a lower overall fit',
    'unmatched.capacity.mentee.one':
      'The one compatible mentor is fully booked: {places} mentor places for {people} mentees',
    'unmatched.capacity.mentor.one':
      'The one compatible mentee already has a mentor: {people} mentees for {places} mentor places',
    'unmatched.betterForGroup.mentee.one':
      'The one compatible mentor is paired with someone else; pairing them with you would mean fewer pairs or a lower overall fit',
    'unmatched.betterForGroup.mentor.one':
      'The one compatible mentee is paired with someone else; pairing them with you would mean fewer pairs or a lower overall fit',
  },
  de: {
    'reason.topics': 'Deckt {covered} von {wished} gewünschten Themen ab: {topics}',
    'reason.interests': 'Gemeinsame Interessen: {interests}',
    'reason.availability': 'Beide haben Zeit am {days}',
    'reason.timezone.same': 'Gleiche Zeitzone',
    'reason.timezone.close': 'Zeitzonen nur {hours} Std. auseinander',
    'reason.crossDepartment': 'Verbindet {mentorDepartment} und {menteeDepartment}',
    'reason.seniority.level':
      'Die Mentee-Person ist nach Karrierestufe erfahrener, das Lernen läuft in die gewollte Richtung',
    'reason.seniority.tenure': 'Die Mentee-Person ist länger im Unternehmen, das Lernen läuft in die gewollte Richtung',
    'reason.language': 'Gemeinsame Sprache: {languages}',
    'reason.customScore': 'Eigener Score {score}',
    'reason.locked': 'Von der Programmleitung festgelegt',
    'unmatched.ineligible.notOptedIn': 'Hat sich für dieses Programm nicht angemeldet',
    'unmatched.ineligible.inactive': 'Pausiert oder hat das Programm verlassen',
    'unmatched.ineligible.untrained': 'Hat das für dieses Programm nötige Mentoren-Training noch nicht abgeschlossen',
    'unmatched.noPartnersAvailable': 'Auf der anderen Seite hat niemand einen freien Platz',
    'unmatched.changed':
      'Ihre Lage hat sich während des Laufs geändert; sie werden neu zugeordnet, sobald jemand frei ist',
    'unmatched.noFeasiblePartner.language':
      'Keine mögliche Partnerperson unter {checked} Personen; Haupthindernis: keine gemeinsame Sprache ({language} davon)',
    'unmatched.noFeasiblePartner.hierarchy':
      'Keine mögliche Partnerperson unter {checked} Personen; Haupthindernis: dieselbe Führungslinie ({hierarchy} davon)',
    'unmatched.noFeasiblePartner.excluded':
      'Keine mögliche Partnerperson unter {checked} Personen; Haupthindernis: früher ausgeschlossene Paare ({excluded} davon)',
    'unmatched.noFeasiblePartner.customScore':
      'Keine mögliche Partnerperson unter {checked} Personen; Haupthindernis: der eigene Score verbietet das Paar ({customScore} davon)',
    'unmatched.noFeasiblePartner.scope':
      'Keine mögliche Partnerperson unter {checked} Personen; Haupthindernis: nicht Teil dieser Neuzuordnung ({scope} davon)',
    'unmatched.capacity.mentee':
      'Alle {partners} passenden Mentorinnen und Mentoren sind ausgebucht: {places} Plätze für {people} Mentees',
    'unmatched.capacity.mentor':
      'Alle {partners} passenden Mentees haben schon ein Gegenüber: {people} Mentees für {places} Plätze',
    'unmatched.betterForGroup.mentee':
      'Alle {partners} passenden Mentorinnen und Mentoren sind anders vergeben; ein Paar mit Ihnen ergäbe weniger Paare oder eine geringere Gesamtpassung',
    'unmatched.betterForGroup.mentor':
      'Alle {partners} passenden Mentees sind anders vergeben; ein Paar mit Ihnen ergäbe weniger Paare oder eine geringere Gesamtpassung',
    'unmatched.capacity.mentee.one':
      'Die einzige passende Mentorin oder der einzige passende Mentor ist ausgebucht: {places} Plätze für {people} Mentees',
    'unmatched.capacity.mentor.one':
      'Die einzige passende Mentee-Person hat schon ein Gegenüber: {people} Mentees für {places} Plätze',
    'unmatched.betterForGroup.mentee.one':
      'Die einzige passende Mentorin oder der einzige passende Mentor ist anders vergeben; ein Paar mit Ihnen ergäbe weniger Paare oder eine geringere Gesamtpassung',
    'unmatched.betterForGroup.mentor.one':
      'Die einzige passende Mentee-Person ist anders vergeben; ein Paar mit Ihnen ergäbe weniger Paare oder eine geringere Gesamtpassung',
  },
};

const WEEKDAY_NAMES: Record<MessageLanguage, Record<string, string>> = {
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  de: {
    mon: 'Montag',
    tue: 'Dienstag',
    wed: 'Mittwoch',
    thu: 'Donnerstag',
    fri: 'Freitag',
    sat: 'Samstag',
    sun: 'Sonntag',
  },
};

function formatValue(name: string, value: string | number | string[], lang: MessageLanguage): string {
  if (Array.isArray(value)) {
    const items = name === 'days' ? value.map((d) => WEEKDAY_NAMES[lang][d] ?? d) : value;
    return items.join(', ');
  }
  if (typeof value === 'number') return lang === 'de' ? String(value).replace('.', ',') : String(value);
  return value;
}

/** The reason as text; unknown keys come back as the key itself, unknown params as {name}. */
export function formatReason(key: string, params: Reason['params'], lang: MessageLanguage = 'en'): string {
  // One partner reads "the one compatible mentee", not "each of the 1 compatible mentees".
  const one = params.partners === 1 ? lookupMessage(MESSAGES, lang, `${key}.one`) : undefined;
  const template = one ?? lookupMessage(MESSAGES, lang, key) ?? key;
  return renderMessage(template, lang, params, {
    missing: 'keep',
    format: (name, value) => formatValue(name, value, lang),
  });
}
