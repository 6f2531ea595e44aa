// Selection by plan: what one or more plans say, i.e. their documents, the entities they mention and their statements.
import { planNodeId } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { SelectError } from "./errors.ts";
import { subgraph } from "./subgraph.ts";

const SHOWN = 8;

/** Resolves a plan as a person names it (its id, its node key, its title, or the last part of its id) to its plan id. */
export function findPlan(graph: PlanGraph, query: string): string {
  const text = query.trim();
  const plans: { id: string; key: string; name: string }[] = [];
  graph.forEachNode((key, attrs) => {
    if (attrs.label === "Plan") plans.push({ id: key.replace(/^plan:/, ""), key, name: attrs.name });
  });
  const tiers = [
    plans.filter((p) => p.id === text || p.key === text),
    plans.filter((p) => p.name === text || p.id.endsWith(`/${text}`)),
    plans.filter((p) => p.id.includes(text) || p.name.includes(text)),
  ];
  for (const tier of tiers) {
    if (tier.length === 1) return (tier[0] as { id: string }).id;
    if (tier.length > 1)
      throw new SelectError(
        "select/ambiguous-plan",
        `'${text}' matches ${tier.length} plans: ${tier
          .slice(0, SHOWN)
          .map((p) => p.id)
          .join(", ")}${tier.length > SHOWN ? ", …" : ""}; pass a full plan id`,
        tier.slice(0, SHOWN).map((p) => p.id),
      );
  }
  const known = plans.slice(0, SHOWN).map((p) => p.id);
  throw new SelectError(
    "select/unknown-plan",
    `no plan is named '${text}'${known.length > 0 ? ` (plans here include ${known.join(", ")})` : " (the graph has no Plan nodes)"}`,
    known,
  );
}

/**
 * The part of the graph the given plans state: every edge whose `plan` is one of them (relations, MENTIONED_IN,
 * PART_OF, ISSUED_BY) with its two ends, which brings in the Plan and Section nodes and every entity they mention.
 */
export function selectPlans(graph: PlanGraph, plans: readonly string[]): PlanGraph {
  const ids = new Set(plans.map((p) => findPlan(graph, p)));
  const nodes = new Set<string>();
  for (const id of ids) if (graph.hasNode(planNodeId(id))) nodes.add(planNodeId(id));
  graph.forEachEdge((_key, attrs, source, target) => {
    if (ids.has(attrs.plan)) nodes.add(source).add(target);
  });
  return subgraph(graph, nodes, (_key, attrs) => ids.has(attrs.plan));
}
