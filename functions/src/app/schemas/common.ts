/** Building blocks shared by the input schemas of the API and the bot's card submissions. */
import { z } from 'zod';
import { LOCAL_TIME, WEEKDAYS, TIMES_OF_DAY } from '../../core/model';

/** Ids of our documents and Entra object ids: letters, digits and . _ : - (no slashes, no spaces). */
export const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export const idSchema = z.string().regex(ID, 'must be an id (letters, digits, . _ : -; at most 100)');

/** A topic id inside a programme, e.g. "ai" or "teams-loop". */
export const topicIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lower-case topic id');

export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const localTimeSchema = z.string().regex(LOCAL_TIME, 'must be HH:MM');

export const weekdaySchema = z.enum(WEEKDAYS);

export const timeOfDaySchema = z.enum(TIMES_OF_DAY);

/** One line of text a person typed: trimmed, no control characters except line breaks. */
export function textSchema(max: number, min = 0) {
  return z
    .string()
    .trim()
    .min(min, min > 0 ? 'must not be empty' : undefined)
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !hasControlCharacters(s), 'must not contain control characters');
}

export const pageQuerySchema = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  continuationToken: z.string().min(1).max(4000).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const emptySchema = z.strictObject({});

/** Route parameters of anything inside a programme. */
export const programmeParamsSchema = z.strictObject({ id: idSchema });

/** Control characters other than tab and line breaks: invisible, and a classic way to smuggle text. */
function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}
