// The interchange format between stages: graphology's serialisation, typed with the schema's attributes.
import type { EdgeAttributes, NodeAttributes } from "./properties.ts";

/** A node as `graph.export()` writes it. */
export interface SerializedNode {
  key: string;
  attributes: NodeAttributes;
}

/** An edge as `graph.export()` writes it. */
export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** A whole plan graph as `graph.export()` writes it: directed, multi, no self loops. */
export interface SerializedPlanGraph {
  attributes: { name?: string; generator?: string; created?: string; extractor?: string };
  options: { type: "directed"; multi: true; allowSelfLoops: false };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

/** The graphology options every plan graph is created with. */
export const GRAPH_OPTIONS = { type: "directed", multi: true, allowSelfLoops: false } as const;
