/** What the programme workspace works on: the programme, its people and its pairs, reloaded after each change. */
import { createContext, useContext } from 'react';
import type { Api } from '../../api/endpoints';
import type { PairView, Participant, Programme, WithEtag, WithTrainingProgress } from '../../api/types';

export interface WorkspaceData {
  programme: WithEtag<Programme>;
  participants: WithEtag<Participant & WithTrainingProgress>[];
  pairs: PairView[];
}

export async function loadWorkspace(api: Api, id: string): Promise<WorkspaceData> {
  const [programme, participants, pairs] = await Promise.all([api.programme(id), api.participants(id), api.pairs(id)]);
  return { programme, participants, pairs };
}

export interface Workspace extends WorkspaceData {
  /** Display name by user id (the participants' names). */
  name(userId: string): string;
  reload(): Promise<void>;
  setProgramme(p: WithEtag<Programme>): void;
}

const WorkspaceContext = createContext<Workspace | undefined>(undefined);
export const WorkspaceProvider = WorkspaceContext.Provider;

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside WorkspaceProvider');
  return w;
}

/** Proposals the manager is still reviewing (not yet shown to the people). */
export function unpublishedProposals(pairs: readonly PairView[]): PairView[] {
  return pairs.filter((p) => p.status === 'proposed' && !p.publishedAt);
}
