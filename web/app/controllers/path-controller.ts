// The path controller: “Path to…” from the details panel, the end chosen in the search box, the path drawn and explained.
import type { SearchHit } from "../../../graph/store/types.ts";
import { api } from "../api.ts";
import { addPath } from "../graph/graph-model.ts";
import { byId, type ExplorerContext } from "./context.ts";

/** Remembers where a path starts until its end is chosen, and shows the shortest path between two nodes. */
export class PathController {
  readonly #ctx: ExplorerContext;
  #from: string | null = null;

  /** Shows paths in the given explorer. */
  constructor(ctx: ExplorerContext) {
    this.#ctx = ctx;
  }

  /** Starts a path at a node: the next search hit chosen is its end. */
  start(from: string): void {
    const { graph, notice } = this.#ctx;
    this.#from = from;
    notice.show(
      `Choose where the path from ${graph.hasNode(from) ? graph.getNodeAttribute(from, "name") : from} ends, in the search box.`,
    );
    byId<HTMLInputElement>("search-input").focus();
  }

  /** A search hit was chosen: it ends the path being started, if any, and is selected. */
  async chooseHit(hit: SearchHit): Promise<void> {
    const from = this.#from;
    this.#from = null;
    if (from) await this.show(from, hit.key);
    await this.#ctx.select(hit.key, { focus: true });
  }

  /** Shows the shortest path between two nodes, adding its nodes to the view. */
  async show(from: string, to: string): Promise<void> {
    const { graph, notice, store } = this.#ctx;
    try {
      const path = await api.path(from, to);
      if (!path) {
        store.current.path = null;
        notice.show("No path of at most 6 relations joins these two nodes.");
        return;
      }
      addPath(graph, path, from);
      store.current.path = {
        nodes: new Set(path.nodes.map((n) => n.key)),
        edges: new Set(path.edges.map((e) => e.key)),
      };
      notice.show(`Path: ${path.nodes.map((n) => n.name).join(" → ")}`, {
        label: "Clear path",
        run: () => {
          store.current.path = null;
          notice.hide();
          store.changed();
        },
      });
    } catch (err) {
      notice.show(`Could not find a path: ${(err as Error).message}`);
    }
  }
}
