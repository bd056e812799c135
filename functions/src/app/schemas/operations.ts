import { z } from 'zod';
import { idSchema } from './common';

/** POST v1/operations/stuck/bookings/{programmeId}/{seriesId}/retry */
export const stuckBookingParamsSchema = z.strictObject({ programmeId: idSchema, seriesId: idSchema });
/** POST v1/operations/stuck/outbox/{batchId}/{messageId}/retry */
export const stuckMessageParamsSchema = z.strictObject({ batchId: idSchema, messageId: idSchema });
