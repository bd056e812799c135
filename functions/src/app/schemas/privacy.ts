/** Input of the privacy routes: erasure is confirmed by a fixed phrase, never by an empty body. */
import { z } from 'zod';

/** What the body of an erasure request must say, word for word. */
export const ERASURE_CONFIRMATION = 'erase-my-data';

export const erasureSchema = z.strictObject({
  confirm: z.literal(ERASURE_CONFIRMATION, { message: `must be "${ERASURE_CONFIRMATION}"` }),
});
