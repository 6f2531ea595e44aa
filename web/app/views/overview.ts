// The legend (counts per label and type, toggles) and the status line: what the graph holds and how much of it is drawn.
import {
  DOCUMENT_LABELS,
  DOCUMENT_TYPES,
  EDGE_TYPES,
  NODE_LABELS,
  type EdgeType,
  type NodeLabel,
} from "../../../schema/index.ts";
import type { ExplorerGraph } from "../graph/graph-model.ts";
import { edgeVisible, nodeVisible } from "../graph/reducers.ts";
import { displayContext, type ExplorerState } from "../state/explorer-state.ts";
import { count } from "./dom.ts";
import { renderLegend } from "./legend.ts";
import type { Notice } from "./notice.ts";

/** Shows or hides a label (in the shown labels) or a type (in the shown types). */
export type Toggle = <T extends NodeLabel | EdgeType>(item: T, shown: Set<T>) => void;

/** Renders the legend from the graph's counts and writes the status line (nodes and edges drawn of those loaded). */
export function renderOverview(
  legend: HTMLElement,
  notice: Notice,
  graph: ExplorerGraph,
  state: ExplorerState,
  toggle: Toggle,
): void {
  const labels = new Map<NodeLabel, number | null>(NODE_LABELS.map((l) => [l, 0]));
  const types = new Map<EdgeType, number | null>(EDGE_TYPES.map((t) => [t, 0]));
  graph.forEachNode((_key, attrs) => labels.set(attrs.label, (labels.get(attrs.label) ?? 0) + 1));
  graph.forEachEdge((_key, attrs) => types.set(attrs.type as EdgeType, (types.get(attrs.type as EdgeType) ?? 0) + 1));
  if (!state.docsLoaded && state.mode === "view") {
    for (const l of DOCUMENT_LABELS) labels.set(l, null);
    for (const t of DOCUMENT_TYPES) types.set(t, null);
  }
  const cypher = state.mode === "cypher";
  const shown = displayContext(state, graph);
  renderLegend(
    legend,
    {
      labels,
      types,
      shownLabels: cypher ? new Set(NODE_LABELS) : state.view.shownLabels,
      shownTypes: cypher ? new Set(EDGE_TYPES) : state.view.shownTypes,
      disabled: cypher ? "A Cypher result shows everything the query returned." : null,
      note: shown.membership
        ? "Nodes are coloured by plan (in both, only A, only B), as the Compare view shows."
        : null,
    },
    {
      toggleLabel: (label) => toggle(label, state.view.shownLabels),
      toggleType: (type) => toggle(type, state.view.shownTypes),
    },
  );
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((key) => {
    if (nodeVisible(graph, key, shown)) nodes++;
  });
  graph.forEachEdge((key) => {
    if (edgeVisible(graph, key, shown)) edges++;
  });
  const compare = state.view.compare;
  const what = cypher ? "Cypher result: " : compare?.a && compare.b && compare.a !== compare.b ? "Plans A and B: " : "";
  notice.status(`${what}Showing ${count(nodes)} of ${count(graph.order)} nodes · ${count(edges)} edges`);
}
