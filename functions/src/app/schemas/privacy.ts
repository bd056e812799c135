/** Input of the privacy routes: erasure is confirmed by a fixed phrase, never by an empty body. */
import { z } from 'zod';

/** What the body of an erasure request must say, word for word. */
export const ERASURE_CONFIRMATION = 'erase-my-data';

export const erasureSchema = z.strictObject({
  confirm: z.literal(ERASURE_CONFIRMATION, { message: `must be "${ERASURE_CONFIRMATION}"` }),
});

/** What the body of a consent withdrawal must say, word for word (it leaves and erases). */
export const WITHDRAWAL_CONFIRMATION = 'withdraw-consent';

export const withdrawConsentSchema = z.strictObject({
  confirm: z.literal(WITHDRAWAL_CONFIRMATION, { message: `must be "${WITHDRAWAL_CONFIRMATION}"` }),
});
