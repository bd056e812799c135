/** The org hierarchy: built once from `managerOf`, answers same-chain questions in O(1). */
export { buildHierarchy } from './build-hierarchy';
export type { BuildHierarchyOptions, Hierarchy, HierarchyWarning } from './build-hierarchy';
export { chainConflicts } from './chain-conflicts';
export type { ChainConflicts } from './chain-conflicts';
