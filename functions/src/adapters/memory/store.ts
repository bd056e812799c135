/**
 * The app's Store held in this process: the same port and contract as the Cosmos adapter (the store
 * contract suite in test/integration/store runs against both), for use-case tests that need a store
 * but not a server. Nothing is kept when the process ends.
 */
import type { Doc } from '../../core/model';
import { CONTAINERS, type ContainerKey, type ContainerSpec } from '../../ports/containers';
import type { StateRecord } from '../../ports/records';
import { changeStampId, type Collection, type Store } from '../../ports/store';
import { MemoryCollection } from './collection';

/** Opens an empty in-memory store: one Collection per container of ports/containers.ts. */
export function openMemoryStore(): Store {
  const state = new MemoryCollection<StateRecord>(CONTAINERS.state);
  // The programme's change stamp after each acknowledged write, as the Cosmos adapter writes it.
  const stamp = async (programmeId: string): Promise<void> => {
    const id = changeStampId(programmeId);
    await state.upsert({ id, schemaVersion: 1, value: null, updatedAt: new Date().toISOString() });
  };
  const collection = <T extends Doc>(key: ContainerKey): Collection<T> => {
    const spec: ContainerSpec = CONTAINERS[key];
    return new MemoryCollection<T>(spec, ...(spec.stampsChanges ? [stamp] : []));
  };
  return {
    programmes: collection('programmes'),
    participants: collection('participants'),
    pairs: collection('pairs'),
    meetings: collection('meetings'),
    feedback: collection('feedback'),
    assessments: collection('assessments'),
    audit: collection('audit'),
    directory: collection('directory'),
    state,
    idempotency: collection('idempotency'),
    conversations: collection('conversations'),
    jobs: collection('jobs'),
    outbox: collection('outbox'),
    interest: collection('interest'),
    async ping() {},
  };
}
