// Selection by plan: what one or more plans say, i.e. their documents, the entities they mention and their statements.
import { planNodeId } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { subgraph } from "./subgraph.ts";

/**
 * The part of the graph the given plans (ids, as graph/store/resolve-plan.ts resolves them) state: every edge whose `plan` is one of them (relations, MENTIONED_IN,
 * PART_OF, ISSUED_BY) with its two ends, which brings in the Plan and Section nodes and every entity they mention.
 */
export function selectPlans(graph: PlanGraph, plans: readonly string[]): PlanGraph {
  const ids = new Set(plans);
  const nodes = new Set<string>();
  for (const id of ids) if (graph.hasNode(planNodeId(id))) nodes.add(planNodeId(id));
  graph.forEachEdge((_key, attrs, source, target) => {
    if (ids.has(attrs.plan)) nodes.add(source).add(target);
  });
  return subgraph(graph, nodes, (_key, attrs) => ids.has(attrs.plan));
}
