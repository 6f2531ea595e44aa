// Public names of graph/select: pure selections of a plan graph, the engine behind every store's subgraph.
export { select } from "./select.ts";
export type { Selection } from "./select.ts";
export { selectPlans } from "./select-plans.ts";
export { selectEgo, EGO_DEPTHS } from "./select-ego.ts";
export { filterGraph, checkFilter } from "./filter-graph.ts";
export type { GraphFilter } from "./filter-graph.ts";
export { selectItems } from "./select-items.ts";
export type { ItemList } from "./select-items.ts";
export { findNode } from "./find-node.ts";
export { subgraph } from "./subgraph.ts";
export type { EdgeTest } from "./subgraph.ts";
export { SelectError } from "./errors.ts";
export type { SelectErrorCode } from "./errors.ts";
