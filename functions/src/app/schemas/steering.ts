/** Input of feedback, self-assessments, meeting moves and announcements. */
import { z } from 'zod';
import { MENTOR_GAINS } from '../../core/model';
import {
  idSchema,
  isoDateTimeSchema,
  localTimeSchema,
  textSchema,
  timeOfDaySchema,
  topicIdSchema,
  weekdaySchema,
} from './common';

const rating = z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');

export const feedbackSchema = z.strictObject({
  pairId: idSchema,
  occurrenceIndex: z.number().int().min(0).max(51),
  rating,
  held: z.boolean().default(true),
  learnt: textSchema(1000).optional(),
  nextTopic: textSchema(280).optional(),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;

export const assessmentParamsSchema = z.strictObject({ id: idSchema, kind: z.enum(['start', 'end']) });

export const assessmentSchema = z.strictObject({
  ratings: z
    .record(topicIdSchema, rating)
    .refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 30, 'rate between 1 and 30 topics'),
  /** A mentor's end assessment: what taking part gave them (leadership, understanding senior colleagues' work). */
  gains: z.partialRecord(z.enum(MENTOR_GAINS), rating).optional(),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

export const moveParamsSchema = z.strictObject({
  id: idSchema,
  seriesId: idSchema,
  index: z.coerce.number().int().min(0).max(51),
});

export const moveSchema = z.strictObject({ start: isoDateTimeSchema });

/** Moving the rest of a series: every future session to this weekday and local time (organiser's zone). */
export const moveRestSchema = z.strictObject({ weekday: weekdaySchema, time: localTimeSchema });

/** Pausing one's sessions until a date (the first day back, YYYY-MM-DD). */
export const pauseUntilSchema = z.strictObject({
  until: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
});

/** "No common slot": the pair tries another weekday, optionally only at some times of day. */
export const pickDaySchema = z.strictObject({
  weekday: weekdaySchema,
  times: z.array(timeOfDaySchema).max(3).default([]),
});
export type PickDayInput = z.infer<typeof pickDaySchema>;

export const announcementSchema = z.strictObject({
  title: textSchema(120, 1),
  text: textSchema(2000, 1),
  /** Who gets it: everyone invited (default), only those taking part, or only mentors / mentees. */
  audience: z.enum(['all', 'opted-in', 'mentors', 'mentees']).default('all'),
  /**
   * The same announcement in German and/or English: each person gets it in their language (Teams'
   * locale), `title`/`text` where no translation fits.
   */
  translations: z
    .strictObject({
      de: z.strictObject({ title: textSchema(120, 1), text: textSchema(2000, 1) }).optional(),
      en: z.strictObject({ title: textSchema(120, 1), text: textSchema(2000, 1) }).optional(),
    })
    .optional(),
});
export type AnnouncementInput = z.infer<typeof announcementSchema>;
