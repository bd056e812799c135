/**
 * The Cosmos DB containers, their partition keys and the schema version each writes. The Cosmos
 * adapter creates them from this list, and infra/ declares the same (a test compares both).
 */
export interface ContainerSpec {
  name: string;
  partitionKey: string;
  schemaVersion: number;
  /** What lives there, for the README's data-store table. */
  holds: string;
  /**
   * Payload paths nobody filters or sorts on, left out of the index to save write RUs (everything
   * else is indexed). infra/cosmos-containers.json declares the same (a test compares both).
   */
  excludedPaths?: readonly string[];
  /**
   * Partitioned by programme, and read by the HR report: every write also changes the programme's
   * change stamp (ports/store.ts `changeStampId`), so the report's snapshot knows it is stale.
   */
  stampsChanges?: boolean;
}

export const CONTAINERS = {
  programmes: {
    name: 'programmes',
    partitionKey: '/id',
    schemaVersion: 1,
    stampsChanges: true,
    holds: 'Programmes: topics, phase, cadence, settings',
  },
  participants: {
    name: 'participants',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    stampsChanges: true,
    holds: 'Enrollments: profile, consent, status (id = user id)',
  },
  pairs: {
    name: 'pairs',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    stampsChanges: true,
    holds: 'Proposed and confirmed pairs with score and reasons',
  },
  meetings: {
    name: 'meetings',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    stampsChanges: true,
    holds: 'Meeting series, kick-off and closing events, Graph ids',
  },
  feedback: {
    name: 'feedback',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    stampsChanges: true,
    holds: 'Session feedback (rating, what was learnt)',
    excludedPaths: ['/learnt/?', '/nextTopic/?'],
  },
  assessments: {
    name: 'assessments',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    stampsChanges: true,
    holds: 'Start and end self-assessments per topic',
  },
  audit: { name: 'audit', partitionKey: '/programmeId', schemaVersion: 1, holds: 'Audit log of programme changes' },
  directory: {
    name: 'directory',
    partitionKey: '/tenantId',
    schemaVersion: 1,
    holds: 'Org directory synced from Graph (users, managers)',
    excludedPaths: ['/users/*'],
  },
  state: {
    name: 'state',
    partitionKey: '/id',
    schemaVersion: 1,
    holds: 'Sync cursors (delta links), timer checkpoints',
    excludedPaths: ['/value/*'],
  },
  idempotency: {
    name: 'idempotency',
    partitionKey: '/scope',
    schemaVersion: 1,
    holds: 'Idempotency-Key results of creating requests',
    excludedPaths: ['/body/*'],
  },
  conversations: {
    name: 'conversations',
    partitionKey: '/userId',
    schemaVersion: 1,
    holds: 'Bot conversation references for proactive messages',
    excludedPaths: ['/reference/*'],
  },
  jobs: {
    name: 'jobs',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    holds: 'Matching jobs and their results',
    excludedPaths: ['/result/*'],
  },
  outbox: {
    name: 'outbox',
    partitionKey: '/batchId',
    schemaVersion: 1,
    holds: 'Fan-out queue of bot messages (invitations, announcements)',
    excludedPaths: ['/payload/*'],
  },
  interest: {
    name: 'interest',
    partitionKey: '/programmeId',
    schemaVersion: 1,
    holds: 'Interest list for the next cohort of a programme (id = user id)',
  },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerKey = keyof typeof CONTAINERS;
