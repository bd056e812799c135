/** Input of the programme routes: create, change, move to another phase. */
import { z } from 'zod';
import { PHASES, MIN_ANONYMITY_THRESHOLD, RETENTION_MONTHS, EVENT_MINUTES, TRAINING_LIMITS } from '../../core/model';
import { isTimeZone } from './enrollment';
import { isoDateTimeSchema, localTimeSchema, textSchema, topicIdSchema, weekdaySchema } from './common';

const WEIGHT_KEYS = ['topics', 'interests', 'availability', 'timezone', 'crossDepartment', 'seniority'] as const;

export const topicSchema = z.strictObject({
  id: topicIdSchema,
  name: textSchema(80, 1),
  /** The name per language; a missing one falls back to `name`. */
  names: z.strictObject({ en: textSchema(80).optional(), de: textSchema(80).optional() }).optional(),
  guide: z.strictObject({ en: textSchema(1000), de: textSchema(1000) }).optional(),
});

/** A link a mentor opens from the training: https only (a SharePoint page, a Viva Learning course). */
const httpsLinkSchema = z
  .url({ protocol: /^https$/, message: 'must be an https link' })
  .max(TRAINING_LIMITS.link, `must be at most ${TRAINING_LIMITS.link} characters`);

export const trainingModuleSchema = z.strictObject({
  id: topicIdSchema,
  title: z.strictObject({ en: textSchema(TRAINING_LIMITS.title, 1), de: textSchema(TRAINING_LIMITS.title, 1) }),
  text: z.strictObject({ en: textSchema(TRAINING_LIMITS.text), de: textSchema(TRAINING_LIMITS.text) }),
  link: httpsLinkSchema.optional(),
});

export const cadenceSchema = z.strictObject({
  intervalWeeks: z.number().int().min(1).max(8),
  weekday: weekdaySchema,
  window: z.strictObject({ start: localTimeSchema, end: localTimeSchema }),
  sessionMinutes: z.number().int().min(15).max(240),
  sessions: z.number().int().min(1).max(52),
});

const organizerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mentee') }),
  z.strictObject({ kind: z.literal('mailbox'), address: z.email().max(254) }),
]);

/** The length of a kick-off or closing meeting. */
const eventMinutesSchema = z.number().int().min(EVENT_MINUTES.min).max(EVENT_MINUTES.max);

const fields = {
  name: textSchema(120, 1),
  description: textSchema(2000),
  topics: z.array(topicSchema).min(1, 'needs at least one topic').max(30),
  cadence: cadenceSchema,
  kickoffAt: isoDateTimeSchema,
  closingAt: isoDateTimeSchema,
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as Europe/Berlin'),
  mentorCapacity: z.union([z.literal(1), z.literal(2)]),
  trainingRequired: z.boolean(),
  trainingModules: z.array(trainingModuleSchema).max(TRAINING_LIMITS.modules),
  anonymityThreshold: z.number().int().min(MIN_ANONYMITY_THRESHOLD).max(100),
  organizer: organizerSchema,
  weights: z.partialRecord(z.enum(WEIGHT_KEYS), z.number().min(0).max(100)),
  consentTextVersion: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be a short version label'),
  pairHealthNotices: z.boolean(),
  /** The wording of `consentTextVersion` in German and English. */
  consentText: z.strictObject({ de: textSchema(4000, 1), en: textSchema(4000, 1) }),
  retentionMonths: z
    .number()
    .int()
    .min(RETENTION_MONTHS.min, `must be at least ${RETENTION_MONTHS.min} month`)
    .max(RETENTION_MONTHS.max, `must be at most ${RETENTION_MONTHS.max} months`),
};

export const createProgrammeSchema = z.strictObject({
  ...fields,
  description: fields.description.optional(),
  cadence: fields.cadence.optional(),
  kickoffAt: fields.kickoffAt.optional(),
  closingAt: fields.closingAt.optional(),
  timeZone: fields.timeZone.optional(),
  kickoffMinutes: eventMinutesSchema.optional(),
  closingMinutes: eventMinutesSchema.optional(),
  mentorCapacity: fields.mentorCapacity.optional(),
  trainingRequired: fields.trainingRequired.optional(),
  trainingModules: fields.trainingModules.optional(),
  anonymityThreshold: fields.anonymityThreshold.optional(),
  organizer: fields.organizer.optional(),
  weights: fields.weights.optional(),
  consentTextVersion: fields.consentTextVersion.optional(),
  retentionMonths: fields.retentionMonths.optional(),
  pairHealthNotices: fields.pairHealthNotices.optional(),
  consentText: fields.consentText.optional(),
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeSchema>;

/** A partial change; `null` clears an optional date. */
export const updateProgrammeSchema = z.strictObject({
  name: fields.name.optional(),
  description: fields.description.optional(),
  topics: fields.topics.optional(),
  cadence: fields.cadence.optional(),
  kickoffAt: fields.kickoffAt.nullable().optional(),
  closingAt: fields.closingAt.nullable().optional(),
  timeZone: fields.timeZone.nullable().optional(),
  kickoffMinutes: eventMinutesSchema.nullable().optional(),
  closingMinutes: eventMinutesSchema.nullable().optional(),
  mentorCapacity: fields.mentorCapacity.optional(),
  trainingRequired: fields.trainingRequired.optional(),
  trainingModules: fields.trainingModules.optional(),
  anonymityThreshold: fields.anonymityThreshold.optional(),
  organizer: fields.organizer.optional(),
  weights: fields.weights.optional(),
  consentTextVersion: fields.consentTextVersion.optional(),
  retentionMonths: fields.retentionMonths.optional(),
  pairHealthNotices: fields.pairHealthNotices.optional(),
  consentText: fields.consentText.optional(),
});
export type UpdateProgrammeInput = z.infer<typeof updateProgrammeSchema>;

export const changePhaseSchema = z.strictObject({ to: z.enum(PHASES) });
export type ChangePhaseInput = z.infer<typeof changePhaseSchema>;
