// The explorer's one state object: the URL's view state plus what the page shows now, with subscribers told of changes.
import type { PlanComparison } from "../../../graph/compare/index.ts";
import type { PlanSummary } from "../../../graph/store/types.ts";
import type { Health } from "../api.ts";
import type { ExplorerGraph } from "../graph/graph-model.ts";
import type { Membership } from "../graph/membership.ts";
import type { DisplayContext } from "../graph/reducers.ts";
import type { CompareModel } from "../views/compare-panel.ts";
import { parseViewState, type ViewState } from "./view-state.ts";

/** The plan menu's value for every plan of a level (`level:province`). */
export const LEVEL_PREFIX = "level:";

/** Graphs with more nodes than this are drawn as points and lines, which software WebGL draws several times faster. */
const FAST_GRAPH_NODES = 1_000;

/** Everything the explorer's views are drawn from. */
export interface ExplorerState {
  /** What the URL holds: plan, filters, selection, hidden and expanded nodes, compared plans. */
  view: ViewState;
  /** A Cypher result shows everything it returned; the plan view follows the filters. */
  mode: DisplayContext["mode"];
  hovered: string | null;
  /** The path shown, if any. */
  path: DisplayContext["path"];
  /** Whether the loaded slice holds Plan and Section nodes and their edges. */
  docsLoaded: boolean;
  /** How much the last slice matched and how much its cap left out. */
  total: { nodes: number; edges: number };
  omitted: { nodes: number; edges: number };
  health: Health;
  plans: PlanSummary[];
  comparison: PlanComparison | null;
  membership: Membership | null;
  compareStatus: CompareModel["status"];
  /** Whether the graph is coloured by side of the comparison. */
  colourByPlan: boolean;
}

/** The state object and its subscribers: views redraw after `changed()`, whoever changed what. */
export class StateStore {
  readonly current: ExplorerState;
  readonly #listeners = new Set<() => void>();

  /** Starts from the view state in the URL. */
  constructor(search: string) {
    this.current = {
      view: parseViewState(search),
      mode: "view",
      hovered: null,
      path: null,
      docsLoaded: false,
      total: { nodes: 0, edges: 0 },
      omitted: { nodes: 0, edges: 0 },
      health: { store: "memory", cypher: false, exportFormats: [] },
      plans: [],
      comparison: null,
      membership: null,
      compareStatus: null,
      colourByPlan: true,
    };
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every subscriber the state changed. */
  changed(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** What the reducers read: the state, and whether the graph is large enough for the fast programs. */
export function displayContext(state: ExplorerState, graph: ExplorerGraph): DisplayContext {
  return {
    state: state.view,
    mode: state.mode,
    hovered: state.hovered,
    path: state.path,
    fast: graph.order > FAST_GRAPH_NODES,
    membership: state.colourByPlan && state.mode === "view" ? state.membership : null,
  };
}

/** The plan part of a graph request: the two compared plans, one plan, every plan of a level, or (empty) every plan. */
export function planFilter(view: ViewState): { plans?: string[]; level?: string } {
  const compare = view.compare;
  if (compare?.a && compare.b) return { plans: [...new Set([compare.a, compare.b])].sort() };
  const plan = view.plan;
  if (!plan) return {};
  return plan.startsWith(LEVEL_PREFIX) ? { level: plan.slice(LEVEL_PREFIX.length) } : { plans: [plan] };
}

/** The one plan shown, for “Export this plan”: the chosen plan, or the only plan there is. */
export function singlePlan(state: ExplorerState): string | null {
  const plan = state.view.plan;
  if (plan && !plan.startsWith(LEVEL_PREFIX)) return plan;
  return state.plans.length === 1 ? (state.plans[0]?.id ?? null) : null;
}
