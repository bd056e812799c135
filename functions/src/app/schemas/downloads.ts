/** Input of `POST /v1/downloads`: which file the caller wants a link to. */
import { z } from 'zod';
import { ROLES } from '../../core/model';
import { VIEW_STATUSES } from '../participants-view';
import { idSchema, textSchema } from './common';

export const downloadRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('my-data') }),
  z.strictObject({ kind: z.literal('report'), programmeId: idSchema }),
  /** The participants view as CSV (managers), with the view's filters. */
  z.strictObject({
    kind: z.literal('participants'),
    programmeId: idSchema,
    status: z.enum(VIEW_STATUSES).optional(),
    role: z.enum(ROLES).optional(),
    search: textSchema(100).optional(),
    needsNewPartner: z.boolean().optional(),
  }),
]);

export const downloadParamsSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a download token'),
});
