import { z } from 'zod';
import { textSchema } from './common';

/** A Teams channel id as Teams sends it ("19:…@thread.tacv2"). */
export const channelIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:@-]{1,200}$/, 'must be a Teams channel id (19:…@thread.tacv2)');

const part = z.strictObject({ title: textSchema(120, 1), text: textSchema(2000, 1) });

/** A post to a team channel: German and/or English (both show on one card), optionally with testimonials. */
export const channelPostSchema = z
  .strictObject({
    channelId: channelIdSchema,
    de: part.optional(),
    en: part.optional(),
    /** Add the quotes of participants who agreed to be quoted with their name. */
    testimonials: z.boolean().default(false),
  })
  .refine((p) => p.de || p.en, { message: 'Write the post in German, English or both.', path: ['de'] });
export type ChannelPostInput = z.infer<typeof channelPostSchema>;
