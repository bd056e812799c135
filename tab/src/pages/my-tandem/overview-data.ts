/** Everything My tandem shows about one programme, loaded together; what a person may not see yet is simply empty. */
import type { Api } from '../../api/endpoints';
import type { Lang } from '../../i18n/translate';
import { topicNamesById } from '@tandem/core/model/topic-names';
import type { Assessment, Feedback, MeetingSeries, PairView, Participant, Programme, WithEtag } from '../../api/types';

export interface Overview {
  programme: WithEtag<Programme>;
  participant: WithEtag<Participant>;
  pairs: PairView[];
  meetings: WithEtag<MeetingSeries>[];
  feedback: WithEtag<Feedback>[];
  assessments: WithEtag<Assessment>[];
}

const settled = <T>(r: PromiseSettledResult<T>, empty: T): T => (r.status === 'fulfilled' ? r.value : empty);

export async function loadOverview(api: Api, programmeId: string): Promise<Overview> {
  const [programme, participant] = await Promise.all([api.programme(programmeId), api.myParticipation(programmeId)]);
  const [pairs, meetings, feedback, assessments] = await Promise.allSettled([
    api.pairs(programmeId),
    api.meetings(programmeId),
    api.feedback(programmeId),
    api.assessments(programmeId),
  ]);
  const overview: Overview = {
    programme,
    participant,
    // A programme manager who takes part gets every pair of the programme from the list: keep their own.
    pairs: settled(pairs, []).filter((p) => p.mentorId === participant.userId || p.menteeId === participant.userId),
    meetings: settled(meetings, []),
    feedback: settled(feedback, []),
    assessments: settled(assessments, []),
  };
  // The list has the partner's card for a participant; a manager's list leaves it out, the pair has it.
  const current = currentPair(overview.pairs);
  if (current && !current.partner) {
    const detailed = await api.pair(programmeId, current.id).catch(() => undefined);
    if (detailed) overview.pairs = overview.pairs.map((p) => (p.id === detailed.id ? detailed : p));
  }
  return overview;
}

/** The pair that binds the person now, else the latest one. */
export function currentPair(pairs: readonly PairView[]): PairView | undefined {
  const live = pairs.filter((p) => p.status === 'proposed' || p.status === 'confirmed' || p.status === 'active');
  const pick = live.length ? live : pairs.filter((p) => p.status === 'ended');
  return [...pick].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

export function seriesOf(
  overview: Pick<Overview, 'meetings'>,
  pairId: string | undefined,
): WithEtag<MeetingSeries> | undefined {
  return pairId ? overview.meetings.find((m) => m.kind === 'pair-series' && m.pairId === pairId) : undefined;
}

/** Topic names by id in the reader's language. */
export function topicNames(programme: Pick<Programme, 'topics'>, lang: Lang): Record<string, string> {
  return topicNamesById(programme.topics, lang);
}
