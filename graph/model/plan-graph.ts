// The plan graph: graphology's directed multigraph typed with the schema's attributes, and its serialised form.
import Graph from "graphology";
import {
  GRAPH_OPTIONS,
  type EdgeAttributes,
  type NodeAttributes,
  type SerializedPlanGraph,
} from "../../schema/index.ts";

/** The graph-level attributes a plan graph carries (generator, extractor fingerprint, …). */
export type GraphAttributes = SerializedPlanGraph["attributes"];

/** A plan graph: graphology's directed multigraph typed with the schema's attributes. */
export type PlanGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Creates an empty plan graph with the schema's options. */
export function createPlanGraph(): PlanGraph {
  return new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>(GRAPH_OPTIONS);
}

/**
 * The graph in the interchange format (the shape `graph.export()` writes). The attribute objects are the graph's own,
 * not copies (a whole corpus copied costs seconds): treat the result as read-only, or merge it (merge copies nodes).
 */
export function toSerialized(graph: PlanGraph): SerializedPlanGraph {
  return {
    attributes: { ...graph.getAttributes() },
    options: { ...GRAPH_OPTIONS },
    nodes: graph.mapNodes((key, attributes) => ({ key, attributes })),
    edges: graph.mapEdges((key, attributes, source, target) => ({ key, source, target, attributes })),
  };
}

/** A plan graph holding serialised data (validate untrusted data with the schema's validateGraph first). */
export function fromSerialized(data: SerializedPlanGraph): PlanGraph {
  const graph = createPlanGraph();
  graph.import(data);
  return graph;
}
