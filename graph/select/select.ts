// One entry point for every selection: items, plans, labels and types, then an ego network, each narrowing the last.
import type { EdgeType, NodeLabel } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
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
  return out;
}
