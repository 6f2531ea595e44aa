// Public names of graph/select: pure selections of a plan graph, plus reading a selection from Neo4j.
export { select } from "./select.ts";
export type { Selection } from "./select.ts";
export { selectPlans, findPlan } from "./select-plans.ts";
export { selectEgo, EGO_DEPTHS } from "./select-ego.ts";
export { filterGraph, checkFilter } from "./filter-graph.ts";
export type { GraphFilter } from "./filter-graph.ts";
export { selectItems } from "./select-items.ts";
export type { ItemList } from "./select-items.ts";
export { findNode } from "./find-node.ts";
export { subgraph } from "./subgraph.ts";
export type { EdgeTest } from "./subgraph.ts";
export { graphFromQueryResult } from "./from-query-result.ts";
export type { QueryGraph } from "./from-query-result.ts";
export { readNeo4jGraph } from "./read-neo4j.ts";
export type { Neo4jReadOptions, Neo4jRead } from "./read-neo4j.ts";
export { SelectError } from "./errors.ts";
export type { SelectErrorCode } from "./errors.ts";
