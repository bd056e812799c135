/** The domain model: plain types and pure functions with their invariants. */
export * from './common';
export * from './transitions';
export * from './programme';
export * from './participant';
export * from './pair';
export * from './pairing';
export * from './lease';
export * from './meeting';
export * from './outlook-read-back';
export * from './feedback';
export * from './org-user';
export * from './audit';
export * from './interest';
export * from './training';
export * from './outcomes';
