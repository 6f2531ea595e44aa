// Copies the chosen nodes and edges of a plan graph into a new graph, leaving the source untouched.
import type { EdgeAttributes, NodeAttributes } from "../../schema/index.ts";
import { createPlanGraph, type PlanGraph } from "../model/index.ts";

/** Decides whether an edge is kept, given its key and attributes. */
export type EdgeTest = (key: string, attrs: EdgeAttributes) => boolean;

/**
 * A new graph holding the given nodes and every edge between two of them that passes the test, in the source's order
 * (so exports of the same selection are byte-identical from run to run); attributes are shallow copies.
 */
export function subgraph(graph: PlanGraph, nodes: ReadonlySet<string>, keepEdge: EdgeTest = () => true): PlanGraph {
  const out = createPlanGraph();
  out.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((key, attrs) => {
    if (nodes.has(key)) out.addNode(key, { ...attrs } as NodeAttributes);
  });
  graph.forEachEdge((key, attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target) && keepEdge(key, attrs))
      out.addEdgeWithKey(key, source, target, { ...attrs } as EdgeAttributes);
  });
  return out;
}
