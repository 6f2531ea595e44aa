// The compare controller: which two plans are compared, their comparison fetched and shown, the graph coloured by side.
import { api } from "../api.ts";
import { membershipOf } from "../graph/membership.ts";
import { defaultViewState, type ViewState } from "../state/view-state.ts";
import { singlePlan } from "../state/explorer-state.ts";
import { mountComparePanel, type CompareModel, type PlanChoice } from "../views/compare-panel.ts";
import { byLevel, planTitle } from "../views/plan-menu.ts";
import { byId, type ExplorerContext } from "./context.ts";
import type { DataLoader } from "./data-loader.ts";

/** Opens, changes and closes the Compare view and keeps its panel in step with the state. */
export class CompareController {
  readonly #ctx: ExplorerContext;
  readonly #data: DataLoader;
  readonly #update: (model: CompareModel) => void;
  readonly #choices: PlanChoice[];
  #ticket = 0;

  /** Mounts the Compare panel and its toggle over the state's plans. */
  constructor(ctx: ExplorerContext, data: DataLoader) {
    this.#ctx = ctx;
    this.#data = data;
    const { store } = ctx;
    this.#choices = store.current.plans
      .map((p) => ({ ...p, title: planTitle(p), level: p.level ?? "other" }))
      .sort((a, b) => byLevel(a.level, b.level));
    this.#update = mountComparePanel(ctx.panels.compare, {
      choose: (side, plan) => void this.change({ a: null, b: null, ...store.current.view.compare, [side]: plan }),
      swap: () => {
        const compare = store.current.view.compare;
        if (compare) void this.change({ a: compare.b, b: compare.a });
      },
      select: (key) => void ctx.select(key, { focus: true }),
      setColour: (on) => {
        store.current.colourByPlan = on;
        this.render();
        store.changed();
      },
      close: () => void this.change(null),
    });
    byId("compare-toggle").addEventListener("click", () => {
      const open = store.current.view.compare !== null;
      void this.change(open ? null : { a: singlePlan(store.current), b: null });
    });
  }

  /** Opens, changes or (with null) closes the Compare view; a new pair of plans (not a swap) starts a fresh view of their graph. */
  async change(compare: ViewState["compare"]): Promise<void> {
    const { store } = this.#ctx;
    const { plan, shownLabels, shownTypes, compare: before } = store.current.view;
    const pair = (c: ViewState["compare"]) => (c?.a && c.b ? [c.a, c.b].sort().join("\n") : "");
    if (pair(compare) !== pair(before)) {
      store.current.view = { ...defaultViewState(), plan, shownLabels, shownTypes };
      this.#ctx.closePanels();
    }
    store.current.view.compare = compare;
    await this.load();
    if (this.#data.plansChanged()) await this.#ctx.loadBase();
    else store.changed();
  }

  /** Fetches the comparison of the chosen plans (when both are chosen) and shows it. */
  async load(): Promise<void> {
    const state = this.#ctx.store.current;
    const ticket = ++this.#ticket;
    const compare = state.view.compare;
    state.comparison = null;
    state.membership = null;
    if (!compare?.a || !compare.b || compare.a === compare.b) {
      state.compareStatus = !compare
        ? null
        : compare.a && compare.a === compare.b
          ? { text: "Choose two different plans.", error: false }
          : { text: "Choose plan A and plan B to see what they share and what only one of them names.", error: false };
      this.render();
      return;
    }
    state.compareStatus = { text: "Comparing…", error: false };
    this.render();
    try {
      const result = await this.#ctx.busyWhile(api.compare(compare.a, compare.b));
      if (ticket !== this.#ticket) return;
      state.comparison = result;
      state.membership = membershipOf(result);
      state.compareStatus = null;
    } catch (err) {
      if (ticket !== this.#ticket) return;
      state.compareStatus = { text: `Could not compare: ${(err as Error).message}`, error: true };
    }
    this.render();
  }

  /** Shows the panel as the state says. */
  render(): void {
    const state = this.#ctx.store.current;
    const compare = state.view.compare;
    this.#ctx.panels.compare.hidden = compare === null;
    byId("compare-toggle").setAttribute("aria-pressed", String(compare !== null));
    this.#update({
      plans: this.#choices,
      a: compare?.a ?? null,
      b: compare?.b ?? null,
      result: state.comparison,
      status: state.compareStatus,
      colour: state.colourByPlan,
    });
  }
}
