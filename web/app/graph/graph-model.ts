// The explorer's data graph: what the API returned, merged into one graphology graph with positions for the layout.
import Graph from "graphology";
import { isNodeLabel, type EdgeType, type NodeLabel } from "../../../schema/index.ts";
import type { GraphSlice, PathResult } from "../../../graph/store/types.ts";
import type { ReadQueryResult } from "../../../graph/neo4j/read-query.ts";

/** A node as the explorer keeps it: label, name, degree in the store (for size) and a position. */
export interface ExplorerNode {
  label: NodeLabel;
  name: string;
  degree: number;
  x: number;
  y: number;
}

/** An edge as the explorer keeps it. */
export interface ExplorerEdge {
  type: EdgeType | string;
  plan: string;
}

/** The explorer's data graph (display decisions live in the reducers, never in here). */
export type ExplorerGraph = Graph<ExplorerNode, ExplorerEdge>;

/** Creates an empty data graph. */
export function createExplorerGraph(): ExplorerGraph {
  return new Graph<ExplorerNode, ExplorerEdge>({ type: "directed", multi: true, allowSelfLoops: true });
}

/** A number in [0, 1) from a string, the same on every load, so layouts start from the same place. */
function hash01(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1_000_003) / 1_000_003;
}

/** A starting position: spread over a disc, or close to an anchor node when one is given. */
function startPosition(graph: ExplorerGraph, key: string, anchor?: string): { x: number; y: number } {
  const angle = 2 * Math.PI * hash01(key, 1);
  if (anchor && graph.hasNode(anchor)) {
    const { x, y } = graph.getNodeAttributes(anchor);
    const r = 0.5 + hash01(key, 2);
    return { x: x + r * Math.cos(angle), y: y + r * Math.sin(angle) };
  }
  const r = 100 * Math.sqrt(hash01(key, 3));
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}

/** Adds a slice's nodes and edges that are not there yet; returns the keys of the nodes added. */
export function addSlice(graph: ExplorerGraph, slice: Pick<GraphSlice, "nodes" | "edges">, anchor?: string): string[] {
  const added: string[] = [];
  for (const node of slice.nodes) {
    if (graph.hasNode(node.key)) continue;
    graph.addNode(node.key, {
      label: node.label,
      name: node.name,
      degree: node.degree,
      ...startPosition(graph, node.key, anchor),
    });
    added.push(node.key);
  }
  for (const edge of slice.edges) {
    if (graph.hasEdge(edge.key) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.addEdgeWithKey(edge.key, edge.source, edge.target, { type: edge.type, plan: edge.plan });
  }
  return added;
}

/** Adds the nodes and edges of a path (their degree unknown until the store says, so counted here). */
export function addPath(graph: ExplorerGraph, path: PathResult, anchor?: string): string[] {
  return addSlice(graph, { nodes: path.nodes.map((n) => ({ ...n, degree: 1 })), edges: path.edges }, anchor);
}

/** Replaces the graph's content with the nodes and relationships a Cypher query returned. */
export function setQueryResult(graph: ExplorerGraph, result: Pick<ReadQueryResult, "nodes" | "relationships">): void {
  graph.clear();
  const degree = new Map<string, number>();
  for (const rel of result.relationships) {
    degree.set(rel.source, (degree.get(rel.source) ?? 0) + 1);
    degree.set(rel.target, (degree.get(rel.target) ?? 0) + 1);
  }
  addSlice(graph, {
    nodes: result.nodes.map((n) => ({
      key: n.id,
      label: (n.labels.find(isNodeLabel) ?? "Section") as NodeLabel,
      name: typeof n.properties.name === "string" ? n.properties.name : n.id,
      degree: degree.get(n.id) ?? 0,
    })),
    edges: result.relationships.map((r) => ({
      key: r.key,
      source: r.source,
      target: r.target,
      type: r.type as EdgeType,
      plan: typeof r.properties.plan === "string" ? r.properties.plan : "",
    })),
  });
}
