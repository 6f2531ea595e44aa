// Merging plan graphs into one: an entity shared between plans becomes one node, each plan's statements stay its own.
import {
  GRAPH_OPTIONS,
  type NodeAttributes,
  type SerializedNode,
  type SerializedEdge,
  type SerializedPlanGraph,
} from "../../schema/index.ts";
import { fromSerialized, toSerialized, type PlanGraph } from "./plan-graph.ts";

/** Merges serialised plan graphs: nodes by key with the union of their aliases and rules (first plan's other attributes win), edges by key. */
export function merge(
  graphs: SerializedPlanGraph[],
  attributes: SerializedPlanGraph["attributes"] = {},
): SerializedPlanGraph {
  const nodes = new Map<string, SerializedNode>();
  const edges = new Map<string, SerializedEdge>();
  for (const g of graphs) {
    for (const n of g.nodes) {
      const existing = nodes.get(n.key);
      if (!existing) {
        const attributes = { ...n.attributes, aliases: [...n.attributes.aliases] } as NodeAttributes;
        const rules = (n.attributes as { rules?: string[] }).rules;
        if (rules) (attributes as { rules?: string[] }).rules = [...rules];
        nodes.set(n.key, { key: n.key, attributes });
        continue;
      }
      const aliases = existing.attributes.aliases;
      for (const a of n.attributes.aliases) if (a !== existing.attributes.name && !aliases.includes(a)) aliases.push(a);
      if (n.attributes.name !== existing.attributes.name && !aliases.includes(n.attributes.name))
        aliases.push(n.attributes.name);
      const rules = (existing.attributes as { rules?: string[] }).rules;
      for (const r of (n.attributes as { rules?: string[] }).rules ?? [])
        if (rules && !rules.includes(r)) rules.push(r);
      for (const [k, v] of Object.entries(n.attributes))
        if (!(k in existing.attributes)) (existing.attributes as Record<string, unknown>)[k] = v;
    }
    for (const e of g.edges) if (!edges.has(e.key)) edges.set(e.key, e);
  }
  return { attributes, options: { ...GRAPH_OPTIONS }, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Merges plan graphs into one graphology graph (see `merge` for the rules); for callers that hold graphs rather than JSON. */
export function combine(graphs: PlanGraph[]): PlanGraph {
  return fromSerialized(merge(graphs.map(toSerialized)));
}
