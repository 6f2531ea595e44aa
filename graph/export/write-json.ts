// Writer for graphology JSON: the same shape as `graph.export()`, produced node by node instead of as one string.
import type { PlanGraph } from "../../ingest/stages/build.ts";
import { TEXT_PROPERTY } from "./columns.ts";

function withoutText(attrs: Record<string, unknown>): Record<string, unknown> {
  if (attrs.label !== "Plan" || !(TEXT_PROPERTY in attrs)) return attrs;
  const rest = { ...attrs };
  delete rest[TEXT_PROPERTY];
  return rest;
}

/** Yields the graph as graphology JSON (`Graph.from(JSON.parse(…))` reads it back); Plan text only when asked for. */
export function* jsonChunks(graph: PlanGraph, { includeText }: { includeText: boolean }): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"attributes":${JSON.stringify(graph.getAttributes())},"options":${JSON.stringify(options)},"nodes":[`;
  let separator = "\n";
  for (const { node, attributes } of graph.nodeEntries()) {
    const attrs = includeText ? attributes : withoutText(attributes);
    yield `${separator}${JSON.stringify({ key: node, attributes: attrs })}`;
    separator = ",\n";
  }
  yield `],"edges":[`;
  separator = "\n";
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const entry = undirected
      ? { key: edge, source, target, attributes, undirected }
      : { key: edge, source, target, attributes };
    yield `${separator}${JSON.stringify(entry)}`;
    separator = ",\n";
  }
  yield "]}\n";
}
