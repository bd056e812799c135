/**
 * Card submissions arrive two ways: an Action.Execute invoke (`value.action.verb` + `value.action.data`)
 * or, from clients without Universal Actions, the Action.Submit fallback as a message whose `value`
 * holds the data with the verb inside. Both become one payload; inputs come as card strings
 * ("a,b" for multi-selects, "true"/"false" for toggles) and are converted here, then validated by
 * the same zod schemas the HTTP API uses.
 */
import { z } from 'zod';
import { idSchema, parseInput } from '@tandem/app';
import { REFRESHABLE, VERBS, type RefreshableCard, type Verb } from './verbs';

export interface ActionPayload {
  verb: string;
  fields: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The verb and fields of a card submission, or undefined when the value is not one of ours. */
export function actionPayload(value: unknown): ActionPayload | undefined {
  if (!isRecord(value)) return undefined;
  const action = value.action;
  if (isRecord(action) && action.type === 'Action.Execute' && typeof action.verb === 'string') {
    return { verb: action.verb, fields: isRecord(action.data) ? action.data : {} };
  }
  if (typeof value.verb === 'string') {
    const { msteams: _ignored, ...fields } = value;
    return { verb: value.verb, fields };
  }
  return undefined;
}

/** The ids every action may carry; anything else in the payload is card input. */
const envelopeSchema = z.object({
  verb: z.enum(VERBS),
  programmeId: idSchema.optional(),
  pairId: idSchema.optional(),
  occurrenceIndex: z.coerce.number().int().min(0).max(51).optional(),
  kind: z.enum(['start', 'end']).optional(),
  card: z.enum(REFRESHABLE).optional(),
  consentTextVersion: z.string().max(40).optional(),
  announcementId: idSchema.optional(),
});

export interface Envelope {
  verb: Verb;
  programmeId?: string;
  pairId?: string;
  occurrenceIndex?: number;
  kind?: 'start' | 'end';
  card?: RefreshableCard;
  consentTextVersion?: string;
  announcementId?: string;
}

/** Validates the action's verb and ids (throws InvalidError naming the bad fields). */
export function envelopeOf(payload: ActionPayload): Envelope {
  return parseInput(envelopeSchema, { ...payload.fields, verb: payload.verb }) as Envelope;
}

/** A multi-select or comma-separated text as a list of trimmed, non-empty strings. */
export function listInput(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A toggle's value: only "true" (or true) is on. */
export function toggleInput(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A text input: trimmed, undefined when empty (so optional fields stay absent). */
export function textInputValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** A number from a choice set ("4"); anything else is passed on as it is, for the schema to reject. */
export function numberInput(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return value;
}
