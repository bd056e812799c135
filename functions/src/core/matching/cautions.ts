/**
 * Cautions on a proposal, for the programme manager's review only: what makes a pair weak even
 * though the engine found nothing better. Never a participant's reason (the proposal they see
 * carries the explanation, not these).
 */
import { timezoneOffsetMinutes } from './timezone';

/** Time zones this many hours apart or more get a caution. */
export const CAUTION_TIMEZONE_HOURS = 3;
/** A fit score below this (of 100) gets a caution; the review shows the threshold with it. */
export const CAUTION_FIT_BELOW = 40;

export type CautionCode = 'noCommonTopic' | 'timezoneGap' | 'lowFit';

export interface Caution {
  code: CautionCode;
  params: Record<string, number>;
}

/** What a caution is computed from: both people's topics and time zones, and the pair's score. */
export interface CautionInput {
  mentorTopics: readonly string[];
  menteeTopics: readonly string[];
  mentorTimeZone?: string;
  menteeTimeZone?: string;
  score: number;
  /** False for a custom score matrix, whose scale is not 0–100: no fit caution then. */
  builtInScore: boolean;
}

export function pairCautions(input: CautionInput, fitBelow: number = CAUTION_FIT_BELOW): Caution[] {
  const out: Caution[] = [];
  const teach = new Set(input.mentorTopics);
  if (!input.menteeTopics.some((t) => teach.has(t))) out.push({ code: 'noCommonTopic', params: {} });
  const a = input.mentorTimeZone ? timezoneOffsetMinutes(input.mentorTimeZone) : null;
  const b = input.menteeTimeZone ? timezoneOffsetMinutes(input.menteeTimeZone) : null;
  if (a !== null && b !== null) {
    const hours = Math.round((Math.abs(a - b) / 60) * 10) / 10;
    if (hours >= CAUTION_TIMEZONE_HOURS) out.push({ code: 'timezoneGap', params: { hours } });
  }
  if (input.builtInScore && input.score < fitBelow)
    out.push({ code: 'lowFit', params: { score: Math.round(input.score * 10) / 10, threshold: fitBelow } });
  return out;
}
