// The explorer's controller: loads slices from the API into the data graph, keeps the view state, and redraws the views.
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";
import {
  DOCUMENT_LABELS,
  DOCUMENT_TYPES,
  EDGE_TYPES,
  ENTITY_LABELS,
  NODE_LABELS,
  RELATION_TYPES,
  isEntityLabel,
  type EdgeType,
  type NodeLabel,
} from "../../schema/index.ts";
import type { EvidenceView, PlanSummary, PlanText, SearchHit } from "../../graph/store/types.ts";
import type { PlanComparison } from "../../graph/compare/index.ts";
import { api, type Health } from "./api.ts";
import type { ExportFormat } from "../../graph/export/formats.ts";
import {
  addPath,
  addSlice,
  createExplorerGraph,
  setQueryResult,
  type ExplorerEdge,
  type ExplorerGraph,
  type ExplorerNode,
} from "./graph/graph-model.ts";
import { LayoutRunner } from "./graph/layout.ts";
import { membershipOf, type Membership } from "./graph/membership.ts";
import { edgeVisible, makeReducers, nodeVisible, type DisplayContext } from "./graph/reducers.ts";
import { defaultViewState, formatViewState, parseViewState, type ViewState } from "./state/view-state.ts";
import { mountComparePanel, type CompareModel, type PlanChoice } from "./views/compare-panel.ts";
import { mountConsole } from "./views/cypher-console.ts";
import {
  renderDetails,
  renderDetailsError,
  renderDetailsLoading,
  renderMentions,
  renderMentionsError,
  type DetailsActions,
} from "./views/details-panel.ts";
import { count, h, setChildren } from "./views/dom.ts";
import { download, mountExportMenu, type ExportScope } from "./views/export-menu.ts";
import { mountFilters, type FiltersModel } from "./views/filters.ts";
import { renderLegend } from "./views/legend.ts";
import { renderPlanText, renderPlanTextError } from "./views/plan-text-panel.ts";
import { mountSearchBox } from "./views/search-box.ts";

/** The plan menu's value for every plan of a level (`level:province`). */
const LEVEL_PREFIX = "level:";
/** The order of plan levels in the plan menu. */
const LEVEL_ORDER = ["national", "province", "prefecture", "county", "other"];

/** Graphs with more nodes than this are drawn as points and lines, which software WebGL draws several times faster. */
const FAST_GRAPH_NODES = 1_000;

/** Graphs with more edges than this hide edges and labels while the view moves. */
const LARGE_GRAPH_EDGES = 1_000;

/** Graphs up to this many nodes show every label. */
const SMALL_GRAPH = 150;

/** Neighbours an expansion adds at most. */
const EXPAND_LIMIT = 100;

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

/** How the plan menus name a plan: its region and year when the title does not say them, and the title. */
function planTitle(plan: PlanSummary): string {
  const region = plan.region && !plan.name.includes(plan.region) ? `${plan.region} · ` : "";
  const year = plan.year && !plan.name.includes(String(plan.year)) ? ` (${plan.year})` : "";
  return `${region}${plan.name}${year}`;
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`web/app: the page has no #${id}`);
  return element as T;
}

/** The explorer: one per page. */
export class Explorer {
  readonly graph: ExplorerGraph = createExplorerGraph();
  readonly probe: ExplorerProbe = {
    firstRenderMs: null,
    busy: () => this.#loading > 0 || this.#layout.running,
    sigma: null,
  };
  #loading = 0;
  #state: ViewState = parseViewState(location.search);
  #layout = new LayoutRunner();
  #mode: DisplayContext["mode"] = "view";
  #hovered: string | null = null;
  #path: DisplayContext["path"] = null;
  #pathFrom: string | null = null;
  #docsLoaded = false;
  #omitted = { nodes: 0, edges: 0 };
  #total = { nodes: 0, edges: 0 };
  #health: Health = { store: "memory", cypher: false, exportFormats: [] };
  #plans: PlanSummary[] = [];
  #planTexts = new Map<string, Promise<PlanText>>();
  #detailsTicket = 0;
  #sigma: Sigma<ExplorerNode, ExplorerEdge> | null = null;
  #consoleMounted = false;
  #updateFilters: ((model: FiltersModel) => void) | null = null;
  #updateCompare: ((model: CompareModel) => void) | null = null;
  #planChoices: PlanChoice[] = [];
  #comparison: PlanComparison | null = null;
  #membership: Membership | null = null;
  #compareStatus: CompareModel["status"] = null;
  #compareTicket = 0;
  #colourByPlan = true;
  /** The plan part of the request the graph was last loaded with, to tell whether a new view needs a new graph. */
  #loadedPlans = "";

  readonly #el = {
    legend: byId("legend"),
    filters: byId("filters"),
    status: byId("status"),
    notice: byId("notice"),
    details: byId("details"),
    planText: byId("plan-text"),
    compare: byId("compare"),
    console: byId("console"),
    planSelect: byId<HTMLSelectElement>("plan-select"),
    container: byId("sigma-container"),
  };

  /** Loads plans and the first graph, draws everything, and wires the controls. */
  async start(): Promise<void> {
    window.__plangraph = this.probe;
    [this.#health, this.#plans] = await Promise.all([api.health(), api.plans()]);
    const known = (plan: string) =>
      this.#plans.some((p) => p.id === plan || `${LEVEL_PREFIX}${p.level ?? ""}` === plan);
    if (this.#state.plan && !known(this.#state.plan)) this.#state.plan = null;
    const compare = this.#state.compare;
    if (compare) {
      const isPlan = (id: string | null) => this.#plans.some((p) => p.id === id);
      if (!isPlan(compare.a)) compare.a = null;
      if (!isPlan(compare.b)) compare.b = null;
    }
    this.#mountControls();
    const { nodeReducer, edgeReducer } = makeReducers(this.graph, () => this.#context());
    this.#sigma = new Sigma(this.graph, this.#el.container, {
      nodeReducer,
      edgeReducer,
      defaultEdgeType: "arrow",
      nodeProgramClasses: { circle: NodeCircleProgram, point: NodePointProgram },
      edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeLineProgram },
      labelFont: "'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
      labelSize: 13,
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.5,
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 5,
    });
    this.probe.sigma = this.#sigma;
    this.#wireSigma(this.#sigma);
    const sigma = this.#sigma;
    new ResizeObserver(() => {
      sigma.resize();
      sigma.refresh();
    }).observe(this.#el.container);
    await this.#loadComparison();
    await this.#loadBase();
    if (this.#state.selected) void this.select(this.#state.selected, { focus: true });
  }

  /** Awaits a request while the probe reports the explorer busy, so tests and benchmarks wait for what follows. */
  async #busyWhile<T>(task: Promise<T>): Promise<T> {
    this.#loading++;
    try {
      return await task;
    } finally {
      this.#loading--;
    }
  }

  /** The plan part of a graph request: the two compared plans, one plan, every plan of a level, or (empty) every plan. */
  #planFilter(): { plans?: string[]; level?: string } {
    const compare = this.#state.compare;
    if (compare?.a && compare.b) return { plans: [...new Set([compare.a, compare.b])].sort() };
    const plan = this.#state.plan;
    if (!plan) return {};
    return plan.startsWith(LEVEL_PREFIX) ? { level: plan.slice(LEVEL_PREFIX.length) } : { plans: [plan] };
  }

  /** The one plan shown, for “Export this plan”: the chosen plan, or the only plan there is. */
  #singlePlan(): string | null {
    const plan = this.#state.plan;
    if (plan && !plan.startsWith(LEVEL_PREFIX)) return plan;
    return this.#plans.length === 1 ? (this.#plans[0]?.id ?? null) : null;
  }

  #context(): DisplayContext {
    return {
      state: this.#state,
      mode: this.#mode,
      hovered: this.#hovered,
      path: this.#path,
      fast: this.graph.order > FAST_GRAPH_NODES,
      membership: this.#colourByPlan && this.#mode === "view" ? this.#membership : null,
    };
  }

  #wireSigma(sigma: Sigma<ExplorerNode, ExplorerEdge>): void {
    sigma.on("clickNode", ({ node }) => void this.select(node, { focus: false }));
    sigma.on("doubleClickNode", (event) => {
      event.preventSigmaDefault();
      void this.expand(event.node, 1);
    });
    sigma.on("clickStage", () => void this.select(null));
    // Hovering highlights a neighbourhood, but not while the user drags the view: a refresh per node crossed stalls panning.
    const captor = sigma.getMouseCaptor();
    sigma.on("enterNode", ({ node }) => {
      if (captor.isMouseDown) return;
      this.#hovered = node;
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on("leaveNode", () => {
      if (this.#hovered === null) return;
      this.#hovered = null;
      sigma.refresh({ skipIndexation: true });
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !(event.target instanceof HTMLInputElement)) void this.select(null);
    });
  }

  #mountControls(): void {
    const levels = [...new Set(this.#plans.map((p) => p.level ?? "other"))].sort(
      (a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b) || a.localeCompare(b),
    );
    const option = (value: string, text: string, title?: string) =>
      h("option", { value, selected: value === (this.#state.plan ?? ""), title: title ?? null }, text);
    setChildren(
      this.#el.planSelect,
      option("", `All plans (${count(this.#plans.length)})`),
      ...(levels.length > 1
        ? levels.map((level) => {
            const plans = this.#plans.filter((p) => (p.level ?? "other") === level);
            return h(
              "optgroup",
              { label: `${level} (${count(plans.length)})` },
              level === "other"
                ? null
                : option(`${LEVEL_PREFIX}${level}`, `All ${level} plans (${count(plans.length)})`),
              ...plans.map((p) => option(p.id, planTitle(p), p.id)),
            );
          })
        : this.#plans.map((p) => option(p.id, planTitle(p), p.id))),
    );
    this.#el.planSelect.addEventListener("change", () => {
      const plan = this.#el.planSelect.value || null;
      this.#state = { ...defaultViewState(), shownLabels: this.#state.shownLabels, shownTypes: this.#state.shownTypes };
      this.#state.plan = plan;
      this.#closePanels();
      void this.#loadComparison().then(() => this.#loadBase());
    });
    mountSearchBox(byId("search"), {
      suggest: (query) => api.search(query, 8),
      choose: (hit) => void this.#chooseHit(hit),
    });
    mountExportMenu(byId("export-menu"), {
      formats: this.#health.exportFormats,
      hasPlan: () => this.#singlePlan() !== null,
      exportFile: (scope, format) => this.#exportFile(scope, format),
      exportPng: async () => download(await this.#png(), "plangraph-view.png"),
    });
    byId("console-toggle").addEventListener("click", () => void this.#toggleConsole());
    this.#planChoices = this.#plans
      .map((p) => ({ ...p, title: planTitle(p), level: p.level ?? "other" }))
      .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.level.localeCompare(b.level));
    this.#updateCompare = mountComparePanel(this.#el.compare, {
      choose: (side, plan) => {
        const compare = { a: null, b: null, ...this.#state.compare, [side]: plan };
        void this.#changeComparison(compare);
      },
      swap: () => {
        const compare = this.#state.compare;
        if (compare) void this.#changeComparison({ a: compare.b, b: compare.a });
      },
      select: (key) => void this.select(key, { focus: true }),
      setColour: (on) => {
        this.#colourByPlan = on;
        this.#renderCompare();
        this.refresh();
      },
      close: () => void this.#changeComparison(null),
    });
    byId("compare-toggle").addEventListener(
      "click",
      () => void this.#changeComparison(this.#state.compare ? null : { a: this.#singlePlan(), b: null }),
    );
    this.#updateFilters = mountFilters(this.#el.filters, {
      setMinDegree: (value) => {
        this.#state.minDegree = value;
        this.refresh();
      },
      setLimit: (value) => {
        this.#state.limit = value;
        void this.#loadBase();
      },
      reset: () => void this.reset(),
      fit: () => this.#sigma?.getCamera().animatedReset({ duration: 300 }),
    });
  }

  /** Replaces the data graph with the slice the view state asks for, then lays it out. */
  async #loadBase(): Promise<void> {
    this.#loading++;
    try {
      this.#mode = "view";
      this.#path = null;
      this.#layout.stop();
      const docs =
        DOCUMENT_LABELS.some((l) => this.#state.shownLabels.has(l)) ||
        DOCUMENT_TYPES.some((t) => this.#state.shownTypes.has(t));
      this.#setStatus("Loading the graph…");
      this.#loadedPlans = JSON.stringify(this.#planFilter());
      const slice = await api.graph({
        ...this.#planFilter(),
        labels: docs ? NODE_LABELS : ENTITY_LABELS,
        types: docs ? EDGE_TYPES : RELATION_TYPES,
        limit: this.#state.limit,
      });
      this.graph.clear();
      addSlice(this.graph, slice);
      this.#docsLoaded = docs;
      this.#total = slice.total;
      this.#omitted = slice.omitted;
      for (const { key, depth } of this.#state.expanded) {
        const more = await api.neighbours(key, depth, RELATION_TYPES, EXPAND_LIMIT).catch(() => undefined);
        if (more) addSlice(this.graph, more, key);
      }
      this.#sigma?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      this.#sigma?.once("afterRender", () => {
        this.probe.firstRenderMs ??= performance.now();
      });
      this.refresh();
      if (this.#omitted.nodes > 0)
        this.#showNotice(
          `This selection has ${count(this.#total.nodes)} nodes; the ${count(slice.nodes.length)} best-connected are drawn. ` +
            "Choose a plan, raise “Draw at most”, or set a minimum degree to see others.",
        );
      else this.#hideNotice();
      void this.#layout.run(this.graph);
    } finally {
      this.#loading--;
    }
  }

  /** Redraws the graph and every view from the current state, and writes the state into the URL. */
  refresh(): void {
    // Small graphs (a query result, one plan's neighbourhood) get every label; large ones only their hubs'.
    const threshold = this.graph.order <= SMALL_GRAPH ? 0 : 7;
    if (this.#sigma && this.#sigma.getSetting("labelRenderedSizeThreshold") !== threshold)
      this.#sigma.setSetting("labelRenderedSizeThreshold", threshold);
    // Large graphs drop edges and labels while the view moves, so panning stays smooth without a fast GPU.
    const large = this.graph.size > LARGE_GRAPH_EDGES;
    if (this.#sigma && this.#sigma.getSetting("hideEdgesOnMove") !== large) {
      this.#sigma.setSetting("hideEdgesOnMove", large);
      this.#sigma.setSetting("hideLabelsOnMove", large);
    }
    this.#sigma?.refresh();
    const labels = new Map<NodeLabel, number | null>(NODE_LABELS.map((l) => [l, 0]));
    const types = new Map<EdgeType, number | null>(EDGE_TYPES.map((t) => [t, 0]));
    this.graph.forEachNode((_key, attrs) => labels.set(attrs.label, (labels.get(attrs.label) ?? 0) + 1));
    this.graph.forEachEdge((_key, attrs) =>
      types.set(attrs.type as EdgeType, (types.get(attrs.type as EdgeType) ?? 0) + 1),
    );
    if (!this.#docsLoaded && this.#mode === "view") {
      for (const l of DOCUMENT_LABELS) labels.set(l, null);
      for (const t of DOCUMENT_TYPES) types.set(t, null);
    }
    renderLegend(
      this.#el.legend,
      {
        labels,
        types,
        shownLabels: this.#mode === "cypher" ? new Set(NODE_LABELS) : this.#state.shownLabels,
        shownTypes: this.#mode === "cypher" ? new Set(EDGE_TYPES) : this.#state.shownTypes,
        disabled: this.#mode === "cypher" ? "A Cypher result shows everything the query returned." : null,
        note: this.#context().membership
          ? "Nodes are coloured by plan (in both, only A, only B), as the Compare view shows."
          : null,
      },
      { toggleLabel: (label) => this.#toggleLabel(label), toggleType: (type) => this.#toggleType(type) },
    );
    this.#updateFilters?.({ minDegree: this.#state.minDegree, limit: this.#state.limit });
    const ctx = this.#context();
    let nodes = 0;
    let edges = 0;
    this.graph.forEachNode((key) => {
      if (nodeVisible(this.graph, key, ctx)) nodes++;
    });
    this.graph.forEachEdge((key) => {
      if (edgeVisible(this.graph, key, ctx)) edges++;
    });
    const what =
      this.#mode === "cypher"
        ? "Cypher result: "
        : this.#state.compare?.a && this.#state.compare.b && this.#state.compare.a !== this.#state.compare.b
          ? "Plans A and B: "
          : "";
    this.#setStatus(`${what}Showing ${count(nodes)} of ${count(this.graph.order)} nodes · ${count(edges)} edges`);
    history.replaceState(null, "", `${location.pathname}${formatViewState(this.#state)}`);
  }

  #setStatus(text: string): void {
    this.#el.status.textContent = text;
  }

  #showNotice(text: string, action?: { label: string; run: () => void }): void {
    this.#el.notice.hidden = false;
    setChildren(
      this.#el.notice,
      h("span", {}, text),
      action ? h("button", { type: "button", onclick: action.run }, action.label) : null,
      h("button", { type: "button", class: "close", "aria-label": "Dismiss", onclick: () => this.#hideNotice() }, "×"),
    );
  }

  #hideNotice(): void {
    this.#el.notice.hidden = true;
  }

  #toggleLabel(label: NodeLabel): void {
    const shown = this.#state.shownLabels;
    if (shown.has(label)) shown.delete(label);
    else shown.add(label);
    if ((DOCUMENT_LABELS as readonly string[]).includes(label) && shown.has(label) && !this.#docsLoaded) {
      for (const t of DOCUMENT_TYPES) this.#state.shownTypes.add(t);
      void this.#loadBase();
    } else this.refresh();
  }

  #toggleType(type: EdgeType): void {
    const shown = this.#state.shownTypes;
    if (shown.has(type)) shown.delete(type);
    else shown.add(type);
    if ((DOCUMENT_TYPES as readonly string[]).includes(type) && shown.has(type) && !this.#docsLoaded) {
      for (const l of DOCUMENT_LABELS) this.#state.shownLabels.add(l);
      void this.#loadBase();
    } else this.refresh();
  }

  #detailsActions(): DetailsActions {
    return {
      select: (key) => void this.select(key, { focus: true }),
      expand: (key, depth) => void this.expand(key, depth),
      hide: (key) => this.hide(key),
      openEvidence: (ev) => void this.openEvidence(ev),
      pathTo: (from) => {
        this.#pathFrom = from;
        this.#showNotice(
          `Choose where the path from ${this.graph.hasNode(from) ? this.graph.getNodeAttribute(from, "name") : from} ends, in the search box.`,
        );
        byId<HTMLInputElement>("search-input").focus();
      },
      close: () => void this.select(null),
    };
  }

  async #chooseHit(hit: SearchHit): Promise<void> {
    const from = this.#pathFrom;
    this.#pathFrom = null;
    if (from) await this.showPath(from, hit.key);
    await this.select(hit.key, { focus: true });
  }

  /** Selects a node (or clears the selection): highlights its neighbourhood, moves the camera to it, shows its details. */
  async select(key: string | null, { focus = true }: { focus?: boolean } = {}): Promise<void> {
    this.#state.selected = key;
    const ticket = ++this.#detailsTicket;
    if (key === null) {
      this.#el.details.hidden = true;
      this.refresh();
      return;
    }
    if (!this.graph.hasNode(key)) {
      const slice = await this.#busyWhile(api.neighbours(key, 1, RELATION_TYPES, EXPAND_LIMIT)).catch(() => undefined);
      if (slice) {
        addSlice(this.graph, slice);
        void this.#layout.run(this.graph, 2_000);
      }
    }
    this.refresh();
    if (focus) this.#focusCamera(key);
    renderDetailsLoading(this.#el.details, key);
    try {
      const details = await api.node(key);
      if (ticket !== this.#detailsTicket) return;
      renderDetails(this.#el.details, details, this.#detailsActions());
      const mentions = this.#el.details.querySelector<HTMLElement>("#mentions");
      if (mentions && isEntityLabel(details.node.label))
        await this.#busyWhile(api.mentions(key)).then(
          (list) => ticket === this.#detailsTicket && renderMentions(mentions, list),
          (err: Error) => ticket === this.#detailsTicket && renderMentionsError(mentions, err.message),
        );
    } catch (err) {
      if (ticket === this.#detailsTicket)
        renderDetailsError(this.#el.details, (err as Error).message, this.#detailsActions());
    }
  }

  #focusCamera(key: string): void {
    const sigma = this.#sigma;
    const data = sigma?.getNodeDisplayData(key);
    if (!sigma || !data) return;
    sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.35 }, { duration: 500 });
  }

  /** Adds a node's neighbours (one or two hops) to the view and lays the graph out again. */
  async expand(key: string, depth: 1 | 2): Promise<void> {
    try {
      const slice = await this.#busyWhile(api.neighbours(key, depth, RELATION_TYPES, EXPAND_LIMIT));
      const added = addSlice(this.graph, slice, key);
      if (this.#mode === "view" && !this.#state.expanded.some((e) => e.key === key && e.depth === depth))
        this.#state.expanded.push({ key, depth });
      const name = this.graph.hasNode(key) ? this.graph.getNodeAttribute(key, "name") : key;
      this.#showNotice(
        `Expanded ${name}: ${count(added.length)} node(s) added` +
          (slice.omitted.nodes > 0
            ? `; ${count(slice.omitted.nodes)} more neighbours not shown (cap of ${EXPAND_LIMIT}).`
            : "."),
      );
      this.refresh();
      void this.#layout.run(this.graph, 2_500);
    } catch (err) {
      this.#showNotice(`Could not expand: ${(err as Error).message}`);
    }
  }

  /** Hides a node from the view (it stays in the data; Reset shows it again). */
  hide(key: string): void {
    this.#state.hidden.add(key);
    if (this.#state.selected === key) void this.select(null);
    else this.refresh();
  }

  /** Back to the default view of the chosen plan or comparison: no selection, nothing hidden or expanded, default filters. */
  async reset(): Promise<void> {
    const { plan, compare } = this.#state;
    this.#state = { ...defaultViewState(), plan, compare };
    this.#closePanels();
    this.#hideNotice();
    await this.#loadBase();
  }

  /** Opens, changes or (with null) closes the Compare view; a new pair of plans (not a swap) starts a fresh view of their graph. */
  async #changeComparison(compare: ViewState["compare"]): Promise<void> {
    const { plan, shownLabels, shownTypes } = this.#state;
    const pair = (c: ViewState["compare"]) => (c?.a && c.b ? [c.a, c.b].sort().join("\n") : "");
    if (pair(compare) !== pair(this.#state.compare)) {
      this.#state = { ...defaultViewState(), plan, shownLabels, shownTypes };
      this.#closePanels();
    }
    this.#state.compare = compare;
    await this.#loadComparison();
    if (JSON.stringify(this.#planFilter()) !== this.#loadedPlans) await this.#loadBase();
    else this.refresh();
  }

  /** Fetches the comparison of the chosen plans (when both are chosen) and shows it. */
  async #loadComparison(): Promise<void> {
    const ticket = ++this.#compareTicket;
    const compare = this.#state.compare;
    this.#comparison = null;
    this.#membership = null;
    if (!compare?.a || !compare.b || compare.a === compare.b) {
      this.#compareStatus = !compare
        ? null
        : compare.a && compare.a === compare.b
          ? { text: "Choose two different plans.", error: false }
          : { text: "Choose plan A and plan B to see what they share and what only one of them names.", error: false };
      this.#renderCompare();
      return;
    }
    this.#compareStatus = { text: "Comparing…", error: false };
    this.#renderCompare();
    try {
      const result = await this.#busyWhile(api.compare(compare.a, compare.b));
      if (ticket !== this.#compareTicket) return;
      this.#comparison = result;
      this.#membership = membershipOf(result);
      this.#compareStatus = null;
    } catch (err) {
      if (ticket !== this.#compareTicket) return;
      this.#compareStatus = { text: `Could not compare: ${(err as Error).message}`, error: true };
    }
    this.#renderCompare();
  }

  #renderCompare(): void {
    const compare = this.#state.compare;
    this.#el.compare.hidden = compare === null;
    byId("compare-toggle").setAttribute("aria-pressed", String(compare !== null));
    this.#updateCompare?.({
      plans: this.#planChoices,
      a: compare?.a ?? null,
      b: compare?.b ?? null,
      result: this.#comparison,
      status: this.#compareStatus,
      colour: this.#colourByPlan,
    });
  }

  #closePanels(): void {
    this.#el.details.hidden = true;
    this.#el.planText.hidden = true;
  }

  /** Shows the shortest path between two nodes, adding its nodes to the view. */
  async showPath(from: string, to: string): Promise<void> {
    try {
      const path = await api.path(from, to);
      if (!path) {
        this.#path = null;
        this.#showNotice("No path of at most 6 relations joins these two nodes.");
        return;
      }
      addPath(this.graph, path, from);
      this.#path = { nodes: new Set(path.nodes.map((n) => n.key)), edges: new Set(path.edges.map((e) => e.key)) };
      this.#showNotice(`Path: ${path.nodes.map((n) => n.name).join(" → ")}`, {
        label: "Clear path",
        run: () => {
          this.#path = null;
          this.#hideNotice();
          this.refresh();
        },
      });
    } catch (err) {
      this.#showNotice(`Could not find a path: ${(err as Error).message}`);
    }
  }

  /** Opens the plan text with an evidence sentence highlighted and scrolled into view. */
  async openEvidence(ev: EvidenceView): Promise<void> {
    const close = () => {
      this.#el.planText.hidden = true;
    };
    let text = this.#planTexts.get(ev.plan);
    if (!text) {
      text = api.planText(ev.plan);
      this.#planTexts.set(ev.plan, text);
      text.catch(() => this.#planTexts.delete(ev.plan));
    }
    try {
      renderPlanText(this.#el.planText, await text, ev.start, ev.end, close, ev.sentence);
    } catch (err) {
      renderPlanTextError(this.#el.planText, (err as Error).message, close);
    }
  }

  async #toggleConsole(): Promise<void> {
    const panel = this.#el.console;
    panel.hidden = !panel.hidden;
    if (panel.hidden || this.#consoleMounted) return;
    this.#consoleMounted = true;
    await mountConsole(panel, {
      enabled: this.#health.cypher,
      help: this.#health.cypherHelp ?? "",
      run: async (query) => {
        const result = await api.cypher(query);
        this.#showQueryResult(result.nodes.length, result.relationships.length, () =>
          setQueryResult(this.graph, result),
        );
        return result;
      },
    });
  }

  #showQueryResult(nodes: number, relationships: number, fill: () => void): void {
    this.#layout.stop();
    this.#mode = "cypher";
    this.#path = null;
    this.#state.selected = null;
    this.#el.details.hidden = true;
    fill();
    this.refresh();
    this.#sigma?.getCamera().animatedReset({ duration: 300 });
    this.#showNotice(
      `The graph shows the query result: ${count(nodes)} node(s), ${count(relationships)} relationship(s).`,
      {
        label: "Back to the plan view",
        run: () => void this.#loadBase().then(() => this.#hideNotice()),
      },
    );
    void this.#layout.run(this.graph, 2_000);
  }

  #visibleNodes(): string[] {
    const ctx = this.#context();
    return this.graph.filterNodes((key) => nodeVisible(this.graph, key, ctx));
  }

  async #exportFile(scope: ExportScope, format: ExportFormat): Promise<void> {
    const plan = this.#singlePlan();
    const ctx = this.#context();
    const request =
      scope === "view"
        ? {
            format,
            nodes: this.#visibleNodes(),
            edges: this.graph.filterEdges((key) => edgeVisible(this.graph, key, ctx)),
          }
        : scope === "plan" && plan
          ? { format, plans: [plan] }
          : { format };
    const { blob, name } = await api.exportFile(request);
    download(blob, name);
  }

  /** A PNG of the graph as drawn now: sigma's layers composed on white. */
  async #png(): Promise<Blob> {
    const sigma = this.#sigma;
    if (!sigma) throw new Error("the graph is not drawn yet");
    sigma.refresh();
    const layers = Object.values(sigma.getCanvases());
    const first = layers[0];
    if (!first) throw new Error("the graph has no canvas");
    const out = h("canvas", { width: first.width, height: first.height });
    const context = out.getContext("2d");
    if (!context) throw new Error("this browser cannot draw a 2D canvas");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    for (const layer of layers) context.drawImage(layer, 0, 0);
    return new Promise((resolve, reject) =>
      out.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))),
        "image/png",
      ),
    );
  }
}
