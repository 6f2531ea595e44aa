// One entry point for every selection: items, plans, labels and types, then an ego network, each narrowing the last; derived relations only when asked.
import { DERIVED_TYPES, type EdgeType, type NodeLabel } from "../../schema/index.ts";
import { createPlanGraph, type PlanGraph } from "../model/index.ts";
import { filterGraph } from "./filter-graph.ts";
import { selectEgo } from "./select-ego.ts";
import { selectItems, type ItemList } from "./select-items.ts";
import { selectPlans } from "./select-plans.ts";

/** What to export; every field narrows the selection, and an empty object selects the whole graph. */
export interface Selection {
  /** Node ids and edge keys, e.g. the explorer's current view or the elements a Cypher query returned. */
  items?: ItemList;
  /** Plan ids (resolve what a person typed with graph/store/resolve-plan.ts); keeps what those plans state. */
  plans?: readonly string[];
  /** Node labels to keep. */
  labels?: readonly NodeLabel[];
  /** Relationship types to keep; nodes left without a kept relationship are dropped. */
  types?: readonly EdgeType[];
  /** An ego network: the node (id, name or alias) and how many relation steps around it (1–3, default 1). */
  ego?: { node: string; depth?: number };
  /** Keep the derived relations (DEVELOPS, PURSUES); left out unless asked for, or unless `types` names them. */
  derived?: boolean;
}

/**
 * Applies a selection to a graph; throws a SelectError when the selection names something the graph lacks. The input is
 * never changed; when nothing narrows it, the input itself is returned (a copy of a whole corpus costs seconds and
 * hundreds of MB), so treat the result as read-only or copy it.
 */
export function select(graph: PlanGraph, selection: Selection = {}): PlanGraph {
  let out = selection.items ? selectItems(graph, selection.items) : graph;
  if (selection.plans && selection.plans.length > 0) out = selectPlans(out, selection.plans);
  if (selection.labels || selection.types) {
    out = filterGraph(out, {
      ...(selection.labels ? { labels: selection.labels } : {}),
      ...(selection.types ? { types: selection.types } : {}),
    });
  }
  if (selection.ego) out = selectEgo(out, selection.ego.node, selection.ego.depth ?? 1);
  const asked = selection.derived || selection.types?.some((t) => (DERIVED_TYPES as readonly string[]).includes(t));
  return asked ? out : withoutDerived(out);
}

/** The graph without its derived relations, sharing the attribute objects (only the structure is new); the graph itself when it has none. */
function withoutDerived(graph: PlanGraph): PlanGraph {
  const derived = new Set<string>(DERIVED_TYPES);
  if (!graph.someEdge((_e, a) => derived.has(a.type))) return graph;
  const out = createPlanGraph();
  graph.forEachNode((key, attributes) => out.addNode(key, attributes));
  graph.forEachEdge((key, attributes, source, target) => {
    if (!derived.has(attributes.type)) out.addEdgeWithKey(key, source, target, attributes);
  });
  return out;
}
