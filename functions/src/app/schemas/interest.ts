/** Input of the interest list for a programme's next cohort. */
import { z } from 'zod';
import { idSchema, pageQuerySchema } from './common';

export const interestQuerySchema = pageQuerySchema;
export type InterestQuery = z.infer<typeof interestQuerySchema>;

/** Invites people from a programme's interest list into a (new) programme, through the invite use case. */
export const inviteInterestedSchema = z.strictObject({
  /** The programme to invite them to (in preparation or matching). */
  to: idSchema,
  userIds: z.array(idSchema).min(1).max(500),
});
export type InviteInterestedInput = z.infer<typeof inviteInterestedSchema>;
