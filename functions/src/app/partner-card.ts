/**
 * What a person in a pair sees of their partner: name, job, department, office, and the profile the
 * partner gave for matching (languages, interests, topics). Never the partner's decline reason,
 * feedback, assessments, consent, availability or testimonial; nothing of someone who was erased.
 * The one exception, asked for by the concept: a mentor sees their mentee's "next time" wish.
 */
import { isLivePair, partnerOf, roleIn, type Pair, type Participant } from '../core/model';
import type { Stored } from '../ports/store';
import type { AppDeps } from './deps';
import { menteeNextWish, type NextWish } from './next-wish';

export interface PartnerView {
  userId: string;
  displayName: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  /** ISO 639-1 codes. */
  languages?: string[];
  interests?: string[];
  /** Topic ids: what a mentor teaches, what a mentee wants to learn. */
  topics?: string[];
  /** To the mentor only: what the mentee would like to cover next time (their latest feedback). */
  nextWish?: NextWish;
}

export type PairWithPartner = Stored<Pair> & { partner?: PartnerView };

const present = <T>(xs: T[] | undefined): xs is T[] => Boolean(xs?.length);

/**
 * Adds `partner` to each of the viewer's own pairs. A live pair (proposed, confirmed, active) shows
 * the whole card; a declined or ended one only the name, since the partner may have left.
 */
export async function withPartners(
  deps: Pick<AppDeps, 'store' | 'directory'>,
  programmeId: string,
  viewerId: string,
  pairs: readonly Stored<Pair>[],
): Promise<PairWithPartner[]> {
  const ids = [...new Set(pairs.map((p) => partnerOf(p, viewerId)).filter((id): id is string => Boolean(id)))];
  if (!ids.length) return [...pairs];
  const [participants, users] = await Promise.all([
    Promise.all(ids.map((id) => deps.store.participants.find(programmeId, id))),
    deps.directory.getUsers(ids),
  ]);
  const enrollmentOf = new Map(
    participants.filter((p): p is Stored<Participant> => Boolean(p)).map((p) => [p.userId, p]),
  );
  const userOf = new Map(users.map((u) => [u.id, u]));
  return Promise.all(
    pairs.map(async (pair) => {
      const id = partnerOf(pair, viewerId);
      const enrollment = id ? enrollmentOf.get(id) : undefined;
      if (!id || !enrollment || enrollment.erasedAt) return pair;
      const user = userOf.get(id);
      const partner: PartnerView = { userId: id, displayName: user?.displayName ?? enrollment.displayName };
      if (isLivePair(pair)) {
        const topics = roleIn(pair, id) === 'mentor' ? enrollment.teachTopics : enrollment.learnTopics;
        if (user?.jobTitle) partner.jobTitle = user.jobTitle;
        if (user?.department) partner.department = user.department;
        if (user?.officeLocation) partner.officeLocation = user.officeLocation;
        if (present(enrollment.languages)) partner.languages = [...enrollment.languages];
        if (present(enrollment.interests)) partner.interests = [...enrollment.interests];
        if (present(topics)) partner.topics = [...topics];
        if (roleIn(pair, viewerId) === 'mentor') {
          const wish = await menteeNextWish(deps, pair);
          if (wish) partner.nextWish = wish;
        }
      }
      return { ...pair, partner };
    }),
  );
}
