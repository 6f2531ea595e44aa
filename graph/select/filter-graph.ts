// Selection by label and relationship type: keep some kinds of node and edge, drop the rest.
import { EDGE_TYPES, NODE_LABELS, isEdgeType, isNodeLabel, type EdgeType, type NodeLabel } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { SelectError } from "./errors.ts";
import { subgraph } from "./subgraph.ts";

/** Node labels and relationship types to keep; a list left out keeps everything of that kind. */
export interface GraphFilter {
  labels?: readonly NodeLabel[];
  types?: readonly EdgeType[];
}

/** Throws a SelectError naming the first label or type the schema does not know (for lists typed by a person). */
export function checkFilter(filter: { labels?: readonly string[]; types?: readonly string[] }): GraphFilter {
  const badLabel = filter.labels?.find((l) => !isNodeLabel(l));
  if (badLabel !== undefined)
    throw new SelectError(
      "select/unknown-label",
      `unknown node label '${badLabel}' (labels: ${NODE_LABELS.join(", ")})`,
    );
  const badType = filter.types?.find((t) => !isEdgeType(t));
  if (badType !== undefined)
    throw new SelectError(
      "select/unknown-type",
      `unknown relationship type '${badType}' (types: ${EDGE_TYPES.join(", ")})`,
    );
  return filter as GraphFilter;
}

/**
 * Keeps nodes with one of the labels and edges of one of the types between kept nodes; when types are given, nodes
 * left without any kept edge are dropped too, so `types: ["SUPPORTS"]` is the SUPPORTS network rather than every node.
 */
export function filterGraph(graph: PlanGraph, filter: GraphFilter): PlanGraph {
  const { labels, types } = checkFilter(filter);
  const labelSet = labels ? new Set<string>(labels) : undefined;
  const typeSet = types ? new Set<string>(types) : undefined;
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (!labelSet || labelSet.has(attrs.label)) nodes.add(key);
  });
  if (!typeSet) return subgraph(graph, nodes);
  const touched = new Set<string>();
  graph.forEachEdge((_key, attrs, source, target) => {
    if (typeSet.has(attrs.type) && nodes.has(source) && nodes.has(target)) touched.add(source).add(target);
  });
  return subgraph(graph, touched, (_key, attrs) => typeSet.has(attrs.type));
}
