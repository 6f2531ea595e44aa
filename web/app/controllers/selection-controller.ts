// The selection controller: the selected node's details and mentions, expanding and hiding nodes, evidence in the plan text.
import { RELATION_TYPES, isEntityLabel } from "../../../schema/index.ts";
import type { EvidenceView } from "../../../graph/store/types.ts";
import { api } from "../api.ts";
import { addSlice } from "../graph/graph-model.ts";
import {
  renderDetails,
  renderDetailsError,
  renderDetailsLoading,
  renderMentions,
  renderMentionsError,
  type DetailsActions,
} from "../views/details-panel.ts";
import { count } from "../views/dom.ts";
import { renderPlanText, renderPlanTextError } from "../views/plan-text-panel.ts";
import type { ExplorerContext } from "./context.ts";
import { EXPAND_LIMIT, type DataLoader } from "./data-loader.ts";
import type { PathController } from "./path-controller.ts";

/** Selects, expands and hides nodes and shows what the details panel and the plan text say about them. */
export class SelectionController {
  readonly #ctx: ExplorerContext;
  readonly #data: DataLoader;
  readonly #paths: PathController;
  #ticket = 0;

  /** Works on the given explorer, its loader (plan texts) and its path controller (“Path to…”). */
  constructor(ctx: ExplorerContext, data: DataLoader, paths: PathController) {
    this.#ctx = ctx;
    this.#data = data;
    this.#paths = paths;
  }

  /** Selects a node (or clears the selection): highlights its neighbourhood, moves the camera to it, shows its details. */
  async select(key: string | null, { focus = true }: { focus?: boolean } = {}): Promise<void> {
    const { graph, store, panels, layout } = this.#ctx;
    store.current.view.selected = key;
    const ticket = ++this.#ticket;
    if (key === null) {
      panels.details.hidden = true;
      store.changed();
      return;
    }
    if (!graph.hasNode(key)) {
      const slice = await this.#ctx
        .busyWhile(api.neighbours(key, 1, RELATION_TYPES, EXPAND_LIMIT))
        .catch(() => undefined);
      if (slice) {
        addSlice(graph, slice);
        void layout.run(graph, 2_000);
      }
    }
    store.changed();
    if (focus) this.#ctx.renderer()?.focus(key);
    renderDetailsLoading(panels.details, key);
    try {
      const details = await api.node(key);
      if (ticket !== this.#ticket) return;
      renderDetails(panels.details, details, this.#actions());
      const mentions = panels.details.querySelector<HTMLElement>("#mentions");
      if (mentions && isEntityLabel(details.node.label))
        await this.#ctx.busyWhile(api.mentions(key)).then(
          (list) => ticket === this.#ticket && renderMentions(mentions, list),
          (err: Error) => ticket === this.#ticket && renderMentionsError(mentions, err.message),
        );
    } catch (err) {
      if (ticket === this.#ticket) renderDetailsError(panels.details, (err as Error).message, this.#actions());
    }
  }

  /** Adds a node's neighbours (one or two hops) to the view and lays the graph out again. */
  async expand(key: string, depth: 1 | 2): Promise<void> {
    const { graph, store, notice, layout } = this.#ctx;
    try {
      const slice = await this.#ctx.busyWhile(api.neighbours(key, depth, RELATION_TYPES, EXPAND_LIMIT));
      const added = addSlice(graph, slice, key);
      const view = store.current.view;
      if (store.current.mode === "view" && !view.expanded.some((e) => e.key === key && e.depth === depth))
        view.expanded.push({ key, depth });
      const name = graph.hasNode(key) ? graph.getNodeAttribute(key, "name") : key;
      notice.show(
        `Expanded ${name}: ${count(added.length)} node(s) added` +
          (slice.omitted.nodes > 0
            ? `; ${count(slice.omitted.nodes)} more neighbours not shown (cap of ${EXPAND_LIMIT}).`
            : "."),
      );
      store.changed();
      void layout.run(graph, 2_500);
    } catch (err) {
      notice.show(`Could not expand: ${(err as Error).message}`);
    }
  }

  /** Hides a node from the view (it stays in the data; Reset shows it again). */
  hide(key: string): void {
    const { store } = this.#ctx;
    store.current.view.hidden.add(key);
    if (store.current.view.selected === key) void this.select(null);
    else store.changed();
  }

  /** Opens the plan text with an evidence sentence highlighted and scrolled into view. */
  async openEvidence(ev: EvidenceView): Promise<void> {
    const panel = this.#ctx.panels.planText;
    const close = () => {
      panel.hidden = true;
    };
    try {
      renderPlanText(panel, await this.#data.planText(ev.plan), ev.start, ev.end, close, ev.sentence);
    } catch (err) {
      renderPlanTextError(panel, (err as Error).message, close);
    }
  }

  #actions(): DetailsActions {
    return {
      select: (key) => void this.select(key, { focus: true }),
      expand: (key, depth) => void this.expand(key, depth),
      hide: (key) => this.hide(key),
      openEvidence: (ev) => void this.openEvidence(ev),
      pathTo: (from) => this.#paths.start(from),
      close: () => void this.select(null),
    };
  }
}
