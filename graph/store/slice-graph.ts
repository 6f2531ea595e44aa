// Turns the nodes and edges a filter matched into a drawable slice: degrees, degree floor, cap by degree, counts.
import { byCodePoint, type ResolvedFilter } from "./defaults.ts";
import type { GraphSlice, NodeRef, ViewEdge, ViewNode } from "./types.ts";

/** Keeps the edges between matched nodes, drops nodes under the degree floor, then keeps the best-connected nodes up to the cap. */
export function sliceGraph(
  nodes: readonly NodeRef[],
  edges: readonly ViewEdge[],
  filter: Pick<ResolvedFilter, "minDegree" | "limit">,
): GraphSlice {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const degree = new Map<string, number>();
  const seen = new Set<string>();
  const matchedEdges: ViewEdge[] = [];
  for (const edge of edges) {
    if (seen.has(edge.key) || !byKey.has(edge.source) || !byKey.has(edge.target)) continue;
    seen.add(edge.key);
    matchedEdges.push(edge);
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const matched: ViewNode[] = [];
  for (const node of byKey.values()) {
    const d = degree.get(node.key) ?? 0;
    if (d >= filter.minDegree) matched.push({ key: node.key, label: node.label, name: node.name, degree: d });
  }
  const matchedKeys = new Set(matched.map((n) => n.key));
  const totalEdges = matchedEdges.filter((e) => matchedKeys.has(e.source) && matchedKeys.has(e.target));
  matched.sort((a, b) => b.degree - a.degree || byCodePoint(a.key, b.key));
  const kept = matched.slice(0, filter.limit);
  const keptKeys = new Set(kept.map((n) => n.key));
  const keptEdges = totalEdges
    .filter((e) => keptKeys.has(e.source) && keptKeys.has(e.target))
    .sort((a, b) => byCodePoint(a.key, b.key));
  return {
    nodes: kept,
    edges: keptEdges,
    total: { nodes: matched.length, edges: totalEdges.length },
    omitted: { nodes: matched.length - kept.length, edges: totalEdges.length - keptEdges.length },
  };
}
