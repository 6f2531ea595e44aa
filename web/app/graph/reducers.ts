// Sigma's node and edge reducers: what is shown, coloured, faded or highlighted, decided from the view state alone.
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { EdgeType, NodeLabel } from "../../../schema/index.ts";
import type { ViewState } from "../state/view-state.ts";
import type { ExplorerEdge, ExplorerGraph, ExplorerNode } from "./graph-model.ts";
import { edgeSide, type Membership } from "./membership.ts";
import { FADED, LABEL_COLORS, MEMBERSHIP_COLORS, TYPE_COLORS, sizeForDegree } from "./palette.ts";

/** What the reducers read besides the graph: the view state, the mode, and the node under the pointer. */
export interface DisplayContext {
  state: ViewState;
  /** In a Cypher result every returned element is shown, whatever the legend says. */
  mode: "view" | "cypher";
  hovered: string | null;
  /** Nodes and edges of a path to stand out, when one is shown. */
  path: { nodes: Set<string>; edges: Set<string> } | null;
  /** Draw with the cheapest programs (points and lines, no instancing): large graphs on slow or software WebGL. */
  fast: boolean;
  /** When set, nodes and edges take the colour of their side of the comparison instead of their label's or type's. */
  membership: Membership | null;
}

/** Whether the filters let a node be drawn (its label shown, not hidden by hand, degree at the floor or above). */
export function nodeVisible(graph: ExplorerGraph, key: string, ctx: DisplayContext): boolean {
  if (ctx.state.hidden.has(key)) return false;
  if (ctx.mode === "cypher") return true;
  const attrs = graph.getNodeAttributes(key);
  return ctx.state.shownLabels.has(attrs.label) && attrs.degree >= ctx.state.minDegree;
}

/** Whether the filters let an edge be drawn (its type shown and both ends drawn). */
export function edgeVisible(graph: ExplorerGraph, key: string, ctx: DisplayContext): boolean {
  const type = graph.getEdgeAttribute(key, "type") as EdgeType;
  if (ctx.mode === "view" && !ctx.state.shownTypes.has(type)) return false;
  return nodeVisible(graph, graph.source(key), ctx) && nodeVisible(graph, graph.target(key), ctx);
}

/** Builds the two reducers over a graph and a context the caller keeps up to date. */
export function makeReducers(graph: ExplorerGraph, context: () => DisplayContext) {
  let focusCache: { focus: string | null; neighbours: Set<string> } = { focus: null, neighbours: new Set() };
  const focusOf = (ctx: DisplayContext) => {
    const focus = ctx.hovered ?? ctx.state.selected;
    const current = focus && graph.hasNode(focus) ? focus : null;
    if (focusCache.focus !== current || current === null) {
      const neighbours = new Set<string>();
      if (current)
        graph.forEachEdge(current, (edge, _attrs, source, target) => {
          if (edgeVisible(graph, edge, ctx)) neighbours.add(source === current ? target : source);
        });
      focusCache = { focus: current, neighbours };
    }
    return focusCache;
  };

  const nodeReducer = (key: string, data: ExplorerNode): Partial<NodeDisplayData> => {
    const ctx = context();
    const out: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.name,
      color: ctx.membership
        ? MEMBERSHIP_COLORS[ctx.membership.nodes.get(key) ?? "neither"]
        : (LABEL_COLORS[data.label as NodeLabel] ?? "#666666"),
      size: sizeForDegree(data.degree, ctx.fast),
      type: ctx.fast ? "point" : "circle",
    };
    if (!nodeVisible(graph, key, ctx)) return { ...out, hidden: true };
    const { focus, neighbours } = focusOf(ctx);
    if (ctx.path?.nodes.has(key)) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
    if (focus === null) return ctx.path ? { ...out, color: FADED, label: null, zIndex: 0 } : out;
    if (key === focus) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
    if (neighbours.has(key)) return { ...out, forceLabel: true, zIndex: 1 };
    return { ...out, color: FADED, label: null, zIndex: 0 };
  };

  const edgeReducer = (key: string, data: ExplorerEdge): Partial<EdgeDisplayData> => {
    const ctx = context();
    const out: Partial<EdgeDisplayData> = {
      color: ctx.membership
        ? MEMBERSHIP_COLORS[edgeSide(ctx.membership, data, graph.source(key), graph.target(key)) ?? "neither"]
        : (TYPE_COLORS[data.type as EdgeType] ?? "#aaaaaa"),
      size: 1,
      type: ctx.fast ? "line" : "arrow",
    };
    if (!edgeVisible(graph, key, ctx)) return { ...out, hidden: true };
    if (ctx.path) return ctx.path.edges.has(key) ? { ...out, size: 3, zIndex: 2 } : { ...out, color: FADED, zIndex: 0 };
    const { focus } = focusOf(ctx);
    if (focus === null) return out;
    const touches = graph.source(key) === focus || graph.target(key) === focus;
    return touches ? { ...out, size: 2, zIndex: 1 } : { ...out, color: FADED, zIndex: 0 };
  };

  return { nodeReducer, edgeReducer };
}
