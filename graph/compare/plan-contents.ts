// What one plan says: the entities it mentions (with how often) and the relations it states, read from provenance edges.
import { isEntityLabel, isRelationType, type EntityLabel, type RelationType } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";

/** The entities a plan mentions (id → number of sentences) and the relations it states (`TYPE|source|target`). */
export interface PlanContents {
  plan: string;
  entities: Map<string, number>;
  relations: Set<string>;
}

/** Reads a plan's mentions and statements from the edges that carry its id. */
export function planContents(graph: PlanGraph, plan: string): PlanContents {
  const entities = new Map<string, number>();
  const relations = new Set<string>();
  graph.forEachEdge((_, attrs, source, target) => {
    if (attrs.plan !== plan) return;
    if (attrs.type === "MENTIONED_IN")
      entities.set(source, (entities.get(source) ?? 0) + (attrs.evidence?.length ?? 1));
    else if (isRelationType(attrs.type)) relations.add(`${attrs.type}|${source}|${target}`);
  });
  return { plan, entities, relations };
}

/** The label of an entity node, or undefined for provenance nodes. */
export function entityLabel(graph: PlanGraph, key: string): EntityLabel | undefined {
  const label = graph.getNodeAttribute(key, "label");
  return isEntityLabel(label) ? label : undefined;
}

/** Splits a relation key back into its type and ends. */
export function relationParts(key: string): { type: RelationType; source: string; target: string } {
  const [type, source, target] = key.split("|") as [RelationType, string, string];
  return { type, source, target };
}
