// The data loader: the graph slice the view state asks for, the expansions it lists, and plan texts, fetched from the API.
import {
  DOCUMENT_LABELS,
  DOCUMENT_TYPES,
  EDGE_TYPES,
  ENTITY_LABELS,
  NODE_LABELS,
  RELATION_TYPES,
} from "../../../schema/index.ts";
import type { PlanText } from "../../../graph/store/types.ts";
import { api } from "../api.ts";
import { addSlice } from "../graph/graph-model.ts";
import { planFilter } from "../state/explorer-state.ts";
import { count } from "../views/dom.ts";
import type { ExplorerContext } from "./context.ts";

/** Neighbours an expansion adds at most. */
export const EXPAND_LIMIT = 100;

/** Loads data into the explorer graph, counting what is in flight so the explorer can say whether it is busy. */
export class DataLoader {
  #loading = 0;
  #planTexts = new Map<string, Promise<PlanText>>();
  /** The plan part of the request the graph was last loaded with, to tell whether a new view needs a new graph. */
  #loadedPlans = "";
  #ctx: ExplorerContext | null = null;
  /** Runs once the first slice is drawn. */
  onFirstRender: () => void = () => undefined;

  /** Connects the loader to the explorer it loads for. */
  attach(ctx: ExplorerContext): void {
    this.#ctx = ctx;
  }

  /** Whether a request is in flight. */
  get busy(): boolean {
    return this.#loading > 0;
  }

  /** Awaits a request while counting it as in flight. */
  async busyWhile<T>(task: Promise<T>): Promise<T> {
    this.#loading++;
    try {
      return await task;
    } finally {
      this.#loading--;
    }
  }

  /** Whether the plans the view state asks for differ from those the graph was loaded with. */
  plansChanged(): boolean {
    return JSON.stringify(planFilter(this.#context().store.current.view)) !== this.#loadedPlans;
  }

  /** A plan's cleaned text, fetched once per plan. */
  planText(plan: string): Promise<PlanText> {
    let text = this.#planTexts.get(plan);
    if (!text) {
      text = api.planText(plan);
      this.#planTexts.set(plan, text);
      text.catch(() => this.#planTexts.delete(plan));
    }
    return text;
  }

  /** Replaces the data graph with the slice the view state asks for, then lays it out. */
  async loadBase(): Promise<void> {
    const ctx = this.#context();
    const state = ctx.store.current;
    this.#loading++;
    try {
      state.mode = "view";
      state.path = null;
      ctx.layout.stop();
      const docs =
        DOCUMENT_LABELS.some((l) => state.view.shownLabels.has(l)) ||
        DOCUMENT_TYPES.some((t) => state.view.shownTypes.has(t));
      ctx.notice.status("Loading the graph…");
      this.#loadedPlans = JSON.stringify(planFilter(state.view));
      const slice = await api.graph({
        ...planFilter(state.view),
        labels: docs ? NODE_LABELS : ENTITY_LABELS,
        types: docs ? EDGE_TYPES : RELATION_TYPES,
        limit: state.view.limit,
      });
      ctx.graph.clear();
      addSlice(ctx.graph, slice);
      state.docsLoaded = docs;
      state.total = slice.total;
      state.omitted = slice.omitted;
      for (const { key, depth } of state.view.expanded) {
        const more = await api.neighbours(key, depth, RELATION_TYPES, EXPAND_LIMIT).catch(() => undefined);
        if (more) addSlice(ctx.graph, more, key);
      }
      ctx.renderer()?.resetCamera(this.onFirstRender);
      ctx.store.changed();
      if (state.omitted.nodes > 0)
        ctx.notice.show(
          `This selection has ${count(state.total.nodes)} nodes; the ${count(slice.nodes.length)} best-connected are drawn. ` +
            "Choose a plan, raise “Draw at most”, or set a minimum degree to see others.",
        );
      else ctx.notice.hide();
      void ctx.layout.run(ctx.graph);
    } finally {
      this.#loading--;
    }
  }

  #context(): ExplorerContext {
    if (!this.#ctx) throw new Error("web/app: the data loader is not attached");
    return this.#ctx;
  }
}
