// Which side of a comparison each node and edge is on (both plans, only A, only B), read by the reducers to colour the graph.
import { RELATION_TYPES } from "../../../schema/index.ts";
import type { PlanComparison } from "../../../graph/compare/index.ts";

/** In both compared plans, only in plan A, or only in plan B. */
export type Side = "both" | "a" | "b";

/** The sides of a comparison's entities and of the relations both plans state. */
export interface Membership {
  planA: string;
  planB: string;
  nodes: ReadonlyMap<string, Side>;
  /** Relations stated by both plans, as `TYPE|source|target`. */
  sharedRelations: ReadonlySet<string>;
}

/** Reads the side of every entity and shared relation from a comparison. */
export function membershipOf(comparison: PlanComparison): Membership {
  const nodes = new Map<string, Side>();
  for (const split of Object.values(comparison.entities)) {
    for (const e of split.both) nodes.set(e.key, "both");
    for (const e of split.onlyA) nodes.set(e.key, "a");
    for (const e of split.onlyB) nodes.set(e.key, "b");
  }
  const sharedRelations = new Set<string>();
  for (const type of RELATION_TYPES)
    for (const r of comparison.relations[type].both) sharedRelations.add(`${type}|${r.source}|${r.target}`);
  return { planA: comparison.a.id, planB: comparison.b.id, nodes, sharedRelations };
}

/** The side of an edge: both when the two plans state its relation, else the plan it comes from, if compared. */
export function edgeSide(
  membership: Membership,
  edge: { type: string; plan: string },
  source: string,
  target: string,
): Side | undefined {
  if (membership.sharedRelations.has(`${edge.type}|${source}|${target}`)) return "both";
  return edge.plan === membership.planA ? "a" : edge.plan === membership.planB ? "b" : undefined;
}
