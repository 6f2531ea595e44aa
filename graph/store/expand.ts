// Neighbourhood expansion and shortest paths for both stores, over one primitive: the edges that touch a set of nodes.
import { byCodePoint, DEFAULT_NEIGHBOURHOOD_LIMIT, DEFAULT_PATH_LENGTH, MAX_NEIGHBOURHOOD_LIMIT } from "./defaults.ts";
import type { GraphSlice, NodeRef, PathResult, ViewEdge, ViewNode } from "./types.ts";
import type { NodeLabel } from "../../schema/index.ts";

/** An edge together with both of its end nodes. */
export interface IncidentEdge extends ViewEdge {
  sourceNode: NodeRef;
  targetNode: NodeRef;
}

/** Returns every edge of the store's chosen types that touches one of the given nodes (in either direction). */
export type IncidentEdges = (keys: readonly string[]) => Promise<IncidentEdge[]>;

function otherEnd(edge: IncidentEdge, key: string): NodeRef {
  return edge.source === key ? edge.targetNode : edge.sourceNode;
}

/** Collects the nodes within `depth` hops of a centre and the edges among them; keeps the nearest, best-connected ones. */
export async function expandNeighbourhood(
  center: NodeRef,
  incident: IncidentEdges,
  options: { depth?: 1 | 2; limit?: number; labels: readonly NodeLabel[] },
): Promise<GraphSlice> {
  const allowed = new Set(options.labels);
  const limit = Math.min(MAX_NEIGHBOURHOOD_LIMIT, Math.max(0, options.limit ?? DEFAULT_NEIGHBOURHOOD_LIMIT));
  const distance = new Map<string, number>([[center.key, 0]]);
  const refs = new Map<string, NodeRef>([[center.key, center]]);
  let frontier = [center.key];
  for (let d = 1; d <= (options.depth ?? 1) && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const edge of await incident(frontier)) {
      for (const end of [edge.sourceNode, edge.targetNode]) {
        if (distance.has(end.key) || !allowed.has(end.label)) continue;
        distance.set(end.key, d);
        refs.set(end.key, end);
        next.push(end.key);
      }
    }
    frontier = next;
  }
  const degree = new Map<string, number>();
  const among = new Map<string, IncidentEdge>();
  const counted = new Set<string>();
  for (const edge of await incident([...distance.keys()])) {
    for (const key of [edge.source, edge.target]) {
      if (!distance.has(key) || counted.has(`${edge.key}|${key}`)) continue;
      counted.add(`${edge.key}|${key}`);
      if (key === center.key || allowed.has(otherEnd(edge, key).label)) degree.set(key, (degree.get(key) ?? 0) + 1);
    }
    if (distance.has(edge.source) && distance.has(edge.target)) among.set(edge.key, edge);
  }
  const neighbours = [...distance.keys()]
    .filter((k) => k !== center.key)
    .sort(
      (a, b) =>
        (distance.get(a) ?? 0) - (distance.get(b) ?? 0) ||
        (degree.get(b) ?? 0) - (degree.get(a) ?? 0) ||
        byCodePoint(a, b),
    );
  const kept = new Set([center.key, ...neighbours.slice(0, limit)]);
  const view = (key: string): ViewNode => {
    const ref = refs.get(key) as NodeRef;
    return { key, label: ref.label, name: ref.name, degree: degree.get(key) ?? 0 };
  };
  const edges = [...among.values()]
    .filter((e) => kept.has(e.source) && kept.has(e.target))
    .map(({ key, source, target, type, plan }) => ({ key, source, target, type, plan }))
    .sort((a, b) => byCodePoint(a.key, b.key));
  return {
    nodes: [center.key, ...neighbours.slice(0, limit)].map(view),
    edges,
    total: { nodes: distance.size, edges: among.size },
    omitted: { nodes: distance.size - kept.size, edges: among.size - edges.length },
  };
}

/** Finds a shortest path by breadth-first search in either direction, taking the lowest edge key at ties so every store agrees. */
export async function findShortestPath(
  from: NodeRef,
  to: NodeRef,
  incident: IncidentEdges,
  options: { maxLength?: number } = {},
): Promise<PathResult | null> {
  const maxLength = Math.max(0, options.maxLength ?? DEFAULT_PATH_LENGTH);
  const parent = new Map<string, { edge: IncidentEdge; previous: string } | null>([[from.key, null]]);
  const refs = new Map<string, NodeRef>([[from.key, from]]);
  let frontier = [from.key];
  for (let d = 1; d <= maxLength && frontier.length > 0 && !parent.has(to.key); d++) {
    const current = new Set(frontier);
    const edges = (await incident(frontier)).sort((a, b) => byCodePoint(a.key, b.key));
    const next: string[] = [];
    for (const edge of edges) {
      for (const [here, there] of [
        [edge.source, edge.targetNode],
        [edge.target, edge.sourceNode],
      ] as const) {
        if (!current.has(here) || parent.has(there.key)) continue;
        parent.set(there.key, { edge, previous: here });
        refs.set(there.key, there);
        next.push(there.key);
      }
    }
    frontier = next;
  }
  if (!parent.has(to.key)) return null;
  const nodes: NodeRef[] = [];
  const edges: ViewEdge[] = [];
  for (let key: string | undefined = to.key; key !== undefined;) {
    const ref = refs.get(key) as NodeRef;
    nodes.unshift({ key: ref.key, label: ref.label, name: ref.name });
    const step = parent.get(key);
    if (step) {
      const { key: k, source, target, type, plan } = step.edge;
      edges.unshift({ key: k, source, target, type, plan });
    }
    key = step?.previous;
  }
  return { nodes, edges };
}
