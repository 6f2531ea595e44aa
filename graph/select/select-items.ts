// Selection by id list: the explorer's current view, or the nodes and relationships a Cypher query returned.
import type { PlanGraph } from "../model/index.ts";
import { SelectError } from "./errors.ts";
import { subgraph } from "./subgraph.ts";

/** Node ids and edge keys to keep; with `edges` left out, every edge between two listed nodes is kept. */
export interface ItemList {
  nodes?: readonly string[];
  edges?: readonly string[];
}

const SHOWN = 5;

function missing(kind: string, keys: string[]): SelectError {
  const shown = keys.slice(0, SHOWN).join(", ") + (keys.length > SHOWN ? `, … ${keys.length - SHOWN} more` : "");
  return new SelectError(
    "select/unknown-item",
    `${keys.length} ${kind} not in this graph: ${shown}`,
    keys.slice(0, SHOWN),
  );
}

/**
 * The listed nodes and edges, plus the ends of every listed edge so no edge dangles; throws a SelectError naming ids the
 * graph does not hold (a stale view, or a query run against a different database than the file).
 */
export function selectItems(graph: PlanGraph, items: ItemList): PlanGraph {
  const nodes = new Set(items.nodes ?? []);
  const unknownNodes = [...nodes].filter((key) => !graph.hasNode(key));
  if (unknownNodes.length > 0) throw missing("node id(s)", unknownNodes);
  if (!items.edges) return subgraph(graph, nodes);
  const edges = new Set(items.edges);
  const unknownEdges = [...edges].filter((key) => !graph.hasEdge(key));
  if (unknownEdges.length > 0) throw missing("edge key(s)", unknownEdges);
  for (const key of edges) nodes.add(graph.source(key)).add(graph.target(key));
  return subgraph(graph, nodes, (key) => edges.has(key));
}
