/** HR reporting: pure computation with small-group suppression, and pair health. */
export * from './types';
export { computeReport } from './compute-report';
export { pairHealthFlags, LOW_RATING, type HealthFlag } from './pair-health';
export { suppressPartition, suppressOverlapping } from './suppress';
