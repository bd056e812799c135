/** HR reporting: pure computation with small-group suppression, and pair health. */
export * from './types';
export { computeReport } from './compute-report';
export {
  hasSessionsLeft,
  pairHealth,
  programmePairHealth,
  LOW_RATING,
  type HealthFlag,
  type HealthFrame,
  type PairHealth,
  type PairHealthItem,
} from './pair-health';
export { suppressPartition, suppressOverlapping } from './suppress';
export { applyRelease, nextRelease, ratingParts, type RatingRelease } from './release';
