/** Input of the manager's steps after publishing, the participants view, co-managers and the next cohort. */
import { z } from 'zod';
import { ROLES } from '../../core/model';
import { VIEW_STATUSES } from '../participants-view';
import { idSchema, textSchema } from './common';

/** Filters of the participants view (and its CSV export). */
export const participantsViewFilterSchema = z.strictObject({
  status: z.enum(VIEW_STATUSES).optional(),
  role: z.enum(ROLES).optional(),
  search: textSchema(100).optional(),
  needsNewPartner: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const participantsViewQuerySchema = participantsViewFilterSchema.extend({
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  continuationToken: z.string().min(1).max(4000).optional(),
});
export type ParticipantsViewQueryInput = z.infer<typeof participantsViewQuerySchema>;

/** A message card from the managers to the two people of a pair, or to one person. */
export const messageSchema = z
  .strictObject({
    pairId: idSchema.optional(),
    userId: idSchema.optional(),
    title: textSchema(120, 1),
    text: textSchema(2000, 1),
  })
  .refine((m) => Boolean(m.pairId) !== Boolean(m.userId), {
    message: 'give either pairId or userId',
    path: ['pairId'],
  });
export type MessageBody = z.infer<typeof messageSchema>;

export const coManagerSchema = z.strictObject({ userId: idSchema });

export const coManagerParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

export const rematchPersonSchema = z.strictObject({ userId: idSchema });

export const cloneProgrammeSchema = z.strictObject({
  name: textSchema(120, 1).optional(),
  /** Also invite everyone on this programme's interest list into the new one (it moves to preparation). */
  inviteInterested: z.boolean().optional(),
});
