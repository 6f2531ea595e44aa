// Defaults and limits of store requests, and the filter with every default filled in.
import { ENTITY_LABELS, RELATION_TYPES, type EdgeType, type NodeLabel } from "../../schema/index.ts";
import type { GraphFilter } from "./types.ts";

/** Nodes a graph slice returns unless asked for fewer or more: enough for a plan, a readable share of the corpus. */
export const DEFAULT_GRAPH_LIMIT = 5_000;
/** The most nodes any graph slice may return. */
export const MAX_GRAPH_LIMIT = 50_000;
/** Neighbours an expansion returns unless asked otherwise. */
export const DEFAULT_NEIGHBOURHOOD_LIMIT = 100;
/** The most neighbours an expansion may return. */
export const MAX_NEIGHBOURHOOD_LIMIT = 2_000;
/** Search hits returned unless asked otherwise. */
export const DEFAULT_SEARCH_LIMIT = 10;
/** Relationships per type and provenance sentences a node's details list before saying how many more there are. */
export const DETAIL_LIMIT = 200;
/** Longest path a shortest-path search looks for unless asked otherwise, in edges. */
export const DEFAULT_PATH_LENGTH = 6;

/** A graph filter with every default applied. */
export interface ResolvedFilter {
  plans: string[] | undefined;
  labels: readonly NodeLabel[];
  types: readonly EdgeType[];
  minDegree: number;
  limit: number;
}

/** Fills in a graph filter's defaults: entity labels, relation types, every plan, no degree floor, the default cap. */
export function resolveFilter(filter: GraphFilter = {}): ResolvedFilter {
  return {
    plans: filter.plans && filter.plans.length > 0 ? [...new Set(filter.plans)] : undefined,
    labels: filter.labels && filter.labels.length > 0 ? [...new Set(filter.labels)] : ENTITY_LABELS,
    types: filter.types && filter.types.length > 0 ? [...new Set(filter.types)] : RELATION_TYPES,
    minDegree: Math.max(0, filter.minDegree ?? 0),
    limit: Math.min(MAX_GRAPH_LIMIT, Math.max(1, filter.limit ?? DEFAULT_GRAPH_LIMIT)),
  };
}

/** Orders strings by code point, the same everywhere (unlike localeCompare), so both stores sort alike. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
