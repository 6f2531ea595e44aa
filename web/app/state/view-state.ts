// The explorer's view state (plan, shown labels and types, degree floor, cap, selection, hidden and expanded nodes, compared plans) and its URL form.
import {
  EDGE_TYPES,
  ENTITY_LABELS,
  NODE_LABELS,
  RELATION_TYPES,
  isEdgeType,
  isNodeLabel,
  type EdgeType,
  type NodeLabel,
} from "../../../schema/index.ts";

/** Nodes drawn at most unless the user raises the cap; a plan fits, the corpus is cut to its best-connected part. */
export const DEFAULT_LIMIT = 2_000;
/** The caps the user may choose from. */
export const LIMITS = [500, 2_000, 5_000, 10_000] as const;

/** Everything that decides what the graph view shows; the URL holds all of it, so a view can be shared. */
export interface ViewState {
  /** The plan shown, or null for every plan. */
  plan: string | null;
  shownLabels: Set<NodeLabel>;
  shownTypes: Set<EdgeType>;
  minDegree: number;
  limit: number;
  selected: string | null;
  hidden: Set<string>;
  expanded: { key: string; depth: 1 | 2 }[];
  /** The Compare view, open when not null, with the ids of plans A and B once chosen. */
  compare: { a: string | null; b: string | null } | null;
}

/** The state of a fresh view: entities and their relations, provenance nodes and edges hidden. */
export function defaultViewState(): ViewState {
  return {
    plan: null,
    shownLabels: new Set(ENTITY_LABELS),
    shownTypes: new Set(RELATION_TYPES),
    minDegree: 0,
    limit: DEFAULT_LIMIT,
    selected: null,
    hidden: new Set(),
    expanded: [],
    compare: null,
  };
}

function sameSet<T>(a: ReadonlySet<T>, b: readonly T[]): boolean {
  return a.size === b.length && b.every((x) => a.has(x));
}

/** Reads a view state from a URL query string, ignoring anything it does not recognise. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const state = defaultViewState();
  state.plan = params.get("plan") || null;
  const labels = params.get("labels");
  if (labels !== null) state.shownLabels = new Set(labels.split(",").filter(isNodeLabel));
  const types = params.get("types");
  if (types !== null) state.shownTypes = new Set(types.split(",").filter(isEdgeType));
  const minDegree = Number(params.get("minDegree"));
  if (Number.isInteger(minDegree) && minDegree > 0) state.minDegree = minDegree;
  const limit = Number(params.get("limit"));
  if ((LIMITS as readonly number[]).includes(limit)) state.limit = limit;
  state.selected = params.get("node") || null;
  state.hidden = new Set(params.getAll("hide"));
  state.expanded = [
    ...params.getAll("expand").map((key) => ({ key, depth: 1 as const })),
    ...params.getAll("expand2").map((key) => ({ key, depth: 2 as const })),
  ];
  if (params.has("compareA") || params.has("compareB"))
    state.compare = { a: params.get("compareA") || null, b: params.get("compareB") || null };
  return state;
}

/** Writes a view state as a URL query string, leaving out what equals the defaults. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.plan) params.set("plan", state.plan);
  if (!sameSet(state.shownLabels, ENTITY_LABELS))
    params.set("labels", NODE_LABELS.filter((l) => state.shownLabels.has(l)).join(","));
  if (!sameSet(state.shownTypes, RELATION_TYPES))
    params.set("types", EDGE_TYPES.filter((t) => state.shownTypes.has(t)).join(","));
  if (state.minDegree > 0) params.set("minDegree", String(state.minDegree));
  if (state.limit !== DEFAULT_LIMIT) params.set("limit", String(state.limit));
  if (state.selected) params.set("node", state.selected);
  for (const key of state.hidden) params.append("hide", key);
  for (const { key, depth } of state.expanded) params.append(depth === 2 ? "expand2" : "expand", key);
  if (state.compare) {
    params.set("compareA", state.compare.a ?? "");
    params.set("compareB", state.compare.b ?? "");
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
