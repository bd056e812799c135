/** Input of invitations and of a participant's own enrollment (the bot's opt-in card submits the same). */
import { z } from 'zod';
import { PROFILE_LIMITS, ROLES } from '../../core/model';
import { idSchema, textSchema, timeOfDaySchema, topicIdSchema, weekdaySchema } from './common';

const list = <T extends z.ZodType>(item: T) => z.array(item).max(PROFILE_LIMITS.listItems);

const profileFields = {
  role: z.enum(ROLES),
  teachTopics: list(topicIdSchema),
  learnTopics: list(topicIdSchema),
  interests: list(textSchema(40, 1)),
  languages: list(z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "de"')).min(
    1,
    'at least one language',
  ),
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as Europe/Berlin'),
  weekdays: list(weekdaySchema).min(1, 'at least one weekday'),
  times: list(timeOfDaySchema),
  testimonial: textSchema(PROFILE_LIMITS.textLength),
};

export const profileSchema = z.strictObject({
  ...profileFields,
  teachTopics: profileFields.teachTopics.default([]),
  learnTopics: profileFields.learnTopics.default([]),
  interests: profileFields.interests.default([]),
  times: profileFields.times.default([]),
  testimonial: profileFields.testimonial.optional(),
  /** Separate consent that the testimonial may be quoted with the person's name (recorded with its time). */
  testimonialConsent: z.boolean().optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const optInSchema = z.strictObject({
  profile: profileSchema,
  /** The consent text version shown to the person; must be the programme's current one. */
  consentTextVersion: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'must be a short version label'),
});
export type OptInInput = z.infer<typeof optInSchema>;

/** A profile change: any subset of the profile's fields. */
export const updateProfileSchema = z.strictObject({
  role: profileFields.role.optional(),
  teachTopics: profileFields.teachTopics.optional(),
  learnTopics: profileFields.learnTopics.optional(),
  interests: profileFields.interests.optional(),
  languages: profileFields.languages.optional(),
  timeZone: profileFields.timeZone.optional(),
  weekdays: profileFields.weekdays.optional(),
  times: profileFields.times.optional(),
  /** `null` removes the testimonial. */
  testimonial: profileFields.testimonial.nullable().optional(),
  /** `true` agrees that the testimonial may be quoted, `false` withdraws that; a changed text needs it again. */
  testimonialConsent: z.boolean().optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const inviteSchema = z
  .strictObject({
    userIds: z.array(idSchema).min(1).max(500).optional(),
    department: textSchema(120, 1).optional(),
    groupId: idSchema.optional(),
  })
  .refine(
    (v) => [v.userIds, v.department, v.groupId].filter((x) => x !== undefined).length === 1,
    'give exactly one of userIds, department or groupId',
  );
export type InviteInput = z.infer<typeof inviteSchema>;

export const participantsQuerySchema = z.strictObject({
  status: z.enum(['invited', 'opted-in', 'paused', 'left']).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  continuationToken: z.string().min(1).max(4000).optional(),
});

/** Whether Node knows the IANA zone (and it is spelled as a zone name, not an offset). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz);
  } catch {
    return false;
  }
}
