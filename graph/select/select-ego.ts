// Selection around one entity: everything within a few steps of it along the relations plans state.
import { RELATION_TYPES, isEntityLabel, type EdgeType } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { SelectError } from "./errors.ts";
import { findNode } from "./find-node.ts";
import { subgraph } from "./subgraph.ts";

/** The depths an ego network may have: one to three steps (beyond that it is most of the graph). */
export const EGO_DEPTHS = [1, 2, 3] as const;

/**
 * The ego network of a node given by id, name or alias: entities reachable in at most `depth` steps along LOCATED_IN,
 * SUPPORTS and TARGETS in either direction, with every such relation between them (documents are left out; each
 * relation carries its evidence sentences).
 */
export function selectEgo(graph: PlanGraph, node: string, depth = 1): PlanGraph {
  if (!(EGO_DEPTHS as readonly number[]).includes(depth))
    throw new SelectError("select/bad-depth", `an ego network has depth 1, 2 or 3, not ${depth}`);
  const center = findNode(graph, node);
  const label = graph.getNodeAttribute(center, "label");
  if (!isEntityLabel(label))
    throw new SelectError(
      "select/not-an-entity",
      `${center} is a ${label}, and ego networks follow relations between entities; select a plan by --plan instead`,
    );
  const relation = new Set<EdgeType>(RELATION_TYPES);
  const seen = new Set([center]);
  let frontier = [center];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const key of frontier) {
      graph.forEachEdge(key, (_edge, attrs, source, target) => {
        if (!relation.has(attrs.type)) return;
        const other = source === key ? target : source;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return subgraph(graph, seen, (_key, attrs) => relation.has(attrs.type));
}
