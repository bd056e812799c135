/**
 * The mentee's answer to "what would you like to cover next time?" (session feedback), for their
 * mentor before the next session: the one free text a partner sees, and the feedback form says so.
 */
import type { IsoDateTime, Pair } from '../core/model';
import { toArray } from '../ports/store';
import type { AppDeps } from './deps';

export interface NextWish {
  text: string;
  /** The session whose feedback carried the wish. */
  occurrenceIndex: number;
  at: IsoDateTime;
}

/** The mentee's latest "next time" wish in this pair, if any. */
export async function menteeNextWish(
  deps: Pick<AppDeps, 'store'>,
  pair: Pick<Pair, 'id' | 'programmeId' | 'menteeId'>,
): Promise<NextWish | undefined> {
  const feedback = await toArray(
    deps.store.feedback.all(pair.programmeId, { where: { pairId: pair.id, userId: pair.menteeId } }),
  );
  const latest = feedback
    .filter((f) => f.nextTopic)
    .sort((a, b) => b.occurrenceIndex - a.occurrenceIndex || b.updatedAt.localeCompare(a.updatedAt))[0];
  return latest?.nextTopic
    ? { text: latest.nextTopic, occurrenceIndex: latest.occurrenceIndex, at: latest.updatedAt }
    : undefined;
}
