// The explorer: composes the state, the data loader, the renderer and the controllers, and redraws the views on change.
import type Sigma from "sigma";
import { DOCUMENT_LABELS, DOCUMENT_TYPES, type EdgeType, type NodeLabel } from "../../schema/index.ts";
import { api } from "./api.ts";
import { CompareController } from "./controllers/compare-controller.ts";
import { ConsoleController } from "./controllers/console-controller.ts";
import { byId, type ExplorerContext } from "./controllers/context.ts";
import { DataLoader } from "./controllers/data-loader.ts";
import { mountExports } from "./controllers/export-controller.ts";
import { PathController } from "./controllers/path-controller.ts";
import { SelectionController } from "./controllers/selection-controller.ts";
import { createExplorerGraph, type ExplorerEdge, type ExplorerGraph, type ExplorerNode } from "./graph/graph-model.ts";
import { LayoutRunner } from "./graph/layout.ts";
import { GraphRenderer } from "./graph/renderer.ts";
import { LEVEL_PREFIX, StateStore, displayContext } from "./state/explorer-state.ts";
import { defaultViewState, formatViewState } from "./state/view-state.ts";
import { mountFilters } from "./views/filters.ts";
import { Notice } from "./views/notice.ts";
import { renderOverview } from "./views/overview.ts";
import { mountPlanMenu } from "./views/plan-menu.ts";
import { mountSearchBox } from "./views/search-box.ts";

/** Timings and probes the benchmark and browser tests read (what is drawn is checked on screen, not here). */
export interface ExplorerProbe {
  firstRenderMs: number | null;
  /** True while the explorer loads data or the layout moves nodes: what is drawn is not final yet. */
  busy(): boolean;
  sigma: Sigma<ExplorerNode, ExplorerEdge> | null;
}

declare global {
  interface Window {
    __plangraph?: ExplorerProbe;
  }
}

/** The explorer: one per page. */
export class Explorer {
  readonly graph: ExplorerGraph = createExplorerGraph();
  readonly store = new StateStore(location.search);
  readonly #layout = new LayoutRunner();
  readonly #data = new DataLoader();
  readonly probe: ExplorerProbe = {
    firstRenderMs: null,
    busy: () => this.#data.busy || this.#layout.running,
    sigma: null,
  };
  #renderer: GraphRenderer | null = null;
  readonly #notice = new Notice(byId("status"), byId("notice"));
  readonly #ctx: ExplorerContext = {
    graph: this.graph,
    store: this.store,
    layout: this.#layout,
    notice: this.#notice,
    panels: {
      details: byId("details"),
      planText: byId("plan-text"),
      compare: byId("compare"),
      console: byId("console"),
    },
    renderer: () => this.#renderer,
    busyWhile: (task) => this.#data.busyWhile(task),
    loadBase: () => this.#data.loadBase(),
    select: (key, options) => this.#selection.select(key, options),
    closePanels: () => {
      this.#ctx.panels.details.hidden = true;
      this.#ctx.panels.planText.hidden = true;
    },
  };
  readonly #paths = new PathController(this.#ctx);
  readonly #selection = new SelectionController(this.#ctx, this.#data, this.#paths);
  #updateFilters: ((model: { minDegree: number; limit: number }) => void) | null = null;

  /** Loads plans and the first graph, draws everything, and wires the controls. */
  async start(): Promise<void> {
    window.__plangraph = this.probe;
    const state = this.store.current;
    [state.health, state.plans] = await Promise.all([api.health(), api.plans()]);
    const isPlan = (id: string | null) => state.plans.some((p) => p.id === id);
    const isLevel = (value: string) => state.plans.some((p) => `${LEVEL_PREFIX}${p.level ?? ""}` === value);
    if (state.view.plan && !isPlan(state.view.plan) && !isLevel(state.view.plan)) state.view.plan = null;
    const compare = state.view.compare;
    if (compare && !isPlan(compare.a)) compare.a = null;
    if (compare && !isPlan(compare.b)) compare.b = null;
    this.#data.attach(this.#ctx);
    this.#data.onFirstRender = () => (this.probe.firstRenderMs ??= performance.now());
    const comparison = this.#mountControls();
    this.#renderer = new GraphRenderer(this.graph, byId("sigma-container"), () => displayContext(state, this.graph), {
      clickNode: (key) => void this.#selection.select(key, { focus: false }),
      doubleClickNode: (key) => void this.#selection.expand(key, 1),
      clickStage: () => void this.#selection.select(null),
      hover: (key) => (state.hovered = key),
    });
    this.probe.sigma = this.#renderer.sigma;
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !(event.target instanceof HTMLInputElement)) void this.#selection.select(null);
    });
    this.store.subscribe(() => this.#redraw());
    await comparison.load();
    await this.#data.loadBase();
    if (state.view.selected) void this.#selection.select(state.view.selected, { focus: true });
  }

  #mountControls(): CompareController {
    const state = this.store.current;
    mountPlanMenu(byId<HTMLSelectElement>("plan-select"), state.plans, state.view.plan, (plan) => {
      state.view = { ...defaultViewState(), shownLabels: state.view.shownLabels, shownTypes: state.view.shownTypes };
      state.view.plan = plan;
      this.#ctx.closePanels();
      void comparison.load().then(() => this.#data.loadBase());
    });
    mountSearchBox(byId("search"), {
      suggest: (query) => api.search(query, 8),
      choose: (hit) => void this.#paths.chooseHit(hit),
    });
    mountExports(this.#ctx);
    const console = new ConsoleController(this.#ctx);
    byId("console-toggle").addEventListener("click", () => void console.toggle());
    const comparison = new CompareController(this.#ctx, this.#data);
    this.#updateFilters = mountFilters(byId("filters"), {
      setMinDegree: (value) => {
        state.view.minDegree = value;
        this.store.changed();
      },
      setLimit: (value) => {
        state.view.limit = value;
        void this.#data.loadBase();
      },
      reset: () => void this.reset(),
      fit: () => this.#renderer?.fit(),
    });
    return comparison;
  }

  /** Redraws the graph and every view from the state, and writes the view state into the URL. */
  #redraw(): void {
    const state = this.store.current;
    this.#renderer?.refresh();
    renderOverview(byId("legend"), this.#notice, this.graph, state, (item, shown) => this.#toggle(item, shown));
    this.#updateFilters?.({ minDegree: state.view.minDegree, limit: state.view.limit });
    history.replaceState(null, "", `${location.pathname}${formatViewState(state.view)}`);
  }

  /** Shows or hides a label or type; showing a document label or type loads Plan and Section nodes with their edges. */
  #toggle<T extends NodeLabel | EdgeType>(item: T, shown: Set<T>): void {
    const view = this.store.current.view;
    if (shown.has(item)) shown.delete(item);
    else shown.add(item);
    const documentary = [...DOCUMENT_LABELS, ...DOCUMENT_TYPES] as readonly string[];
    if (documentary.includes(item) && shown.has(item) && !this.store.current.docsLoaded) {
      for (const l of DOCUMENT_LABELS) view.shownLabels.add(l);
      for (const t of DOCUMENT_TYPES) view.shownTypes.add(t);
      void this.#data.loadBase();
    } else this.store.changed();
  }

  /** Back to the default view of the chosen plan or comparison: no selection, nothing hidden or expanded, default filters. */
  async reset(): Promise<void> {
    const { plan, compare } = this.store.current.view;
    this.store.current.view = { ...defaultViewState(), plan, compare };
    this.#ctx.closePanels();
    this.#notice.hide();
    await this.#data.loadBase();
  }
}
