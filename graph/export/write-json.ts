// Writer for graphology JSON: the graph file's own format, produced node by node instead of as one string.
import { GRAPH_OPTIONS } from "../../schema/index.ts";
import { graphJsonChunks, type PlanGraph } from "../model/index.ts";
import { TEXT_PROPERTY } from "./columns.ts";

function withoutText(attrs: Record<string, unknown>): Record<string, unknown> {
  if (attrs.label !== "Plan" || !(TEXT_PROPERTY in attrs)) return attrs;
  const rest = { ...attrs };
  delete rest[TEXT_PROPERTY];
  return rest;
}

/** Yields the graph as graphology JSON (`Graph.from(JSON.parse(…))` reads it back); Plan text only when asked for. */
export function jsonChunks(graph: PlanGraph, { includeText }: { includeText: boolean }): Generator<string> {
  return graphJsonChunks({
    attributes: graph.getAttributes(),
    options: GRAPH_OPTIONS,
    nodes: (function* () {
      for (const { node, attributes } of graph.nodeEntries())
        yield { key: node, attributes: (includeText ? attributes : withoutText(attributes)) as typeof attributes };
    })(),
    edges: (function* () {
      for (const { edge, attributes, source, target } of graph.edgeEntries())
        yield { key: edge, source, target, attributes };
    })(),
  });
}
