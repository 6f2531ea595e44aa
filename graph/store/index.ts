// Public names of the graph store: the interface, its opener and two implementations, the plan resolver, limits, errors.
export { MemoryStore, createMemoryStore, openMemoryStore } from "./memory-store.ts";
export { Neo4jStore } from "./neo4j-store.ts";
export { labelOfKey } from "./neo4j-queries.ts";
export { resolvePlan, findPlan, planCandidates, PlanReferenceError } from "./resolve-plan.ts";
export type { PlanCandidate, PlanChoice, PlanReferenceCode } from "./resolve-plan.ts";
export { openStore } from "./open-store.ts";
export type { StoreSource } from "./open-store.ts";
export type { Neo4jStoreOptions } from "./neo4j-store.ts";
export {
  DEFAULT_GRAPH_LIMIT,
  MAX_GRAPH_LIMIT,
  DEFAULT_NEIGHBOURHOOD_LIMIT,
  MAX_NEIGHBOURHOOD_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  DETAIL_LIMIT,
  DEFAULT_PATH_LENGTH,
} from "./defaults.ts";
export { StoreError } from "./errors.ts";
export type { PlanComparison, PlanMention } from "../compare/index.ts";
export type { StoreErrorCode } from "./errors.ts";
export type {
  NodeRef,
  ViewNode,
  ViewEdge,
  GraphSlice,
  GraphFilter,
  NeighbourhoodOptions,
  PathOptions,
  PathResult,
  SearchHit,
  SearchOptions,
  PlanSummary,
  EvidenceView,
  RelationView,
  Capped,
  NodeDetails,
  SectionView,
  PlanText,
  SubgraphSelection,
  GraphStore,
  StoreHealth,
} from "./types.ts";
