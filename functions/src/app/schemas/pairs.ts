/** Input of matching, review (lock, swap, exclude), publishing and answering a proposal. */
import { z } from 'zod';
import { idSchema, textSchema } from './common';

export const pairParamsSchema = z.strictObject({ id: idSchema, pairId: idSchema });

export const jobParamsSchema = z.strictObject({ id: idSchema, jobId: idSchema });

export const lockSchema = z.strictObject({ locked: z.boolean() });

export const swapSchema = z
  .strictObject({ pairIds: z.tuple([idSchema, idSchema]) })
  .refine((v) => v.pairIds[0] !== v.pairIds[1], 'name two different pairs');
export type SwapInput = z.infer<typeof swapSchema>;

export const declineSchema = z.strictObject({
  /** Seen by the programme manager only, never by the partner. */
  reason: textSchema(500).optional(),
});

export const pairsQuerySchema = z.strictObject({
  status: z.enum(['proposed', 'confirmed', 'declined', 'active', 'ended']).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  continuationToken: z.string().min(1).max(4000).optional(),
});
