// The console controller: opens the Cypher console once asked, and shows a query's result as the graph.
import { api } from "../api.ts";
import { setQueryResult } from "../graph/graph-model.ts";
import { count } from "../views/dom.ts";
import { mountConsole } from "../views/cypher-console.ts";
import type { ExplorerContext } from "./context.ts";

/** Toggles the console panel (mounted on first open) and puts query results on the graph. */
export class ConsoleController {
  readonly #ctx: ExplorerContext;
  #mounted = false;

  /** Serves the given explorer. */
  constructor(ctx: ExplorerContext) {
    this.#ctx = ctx;
  }

  /** Shows or hides the console; the first time, mounts it (enabled only when the server has Neo4j). */
  async toggle(): Promise<void> {
    const panel = this.#ctx.panels.console;
    panel.hidden = !panel.hidden;
    if (panel.hidden || this.#mounted) return;
    this.#mounted = true;
    const { health } = this.#ctx.store.current;
    await mountConsole(panel, {
      enabled: health.cypher,
      help: health.cypherHelp ?? "",
      run: async (query) => {
        const result = await api.cypher(query);
        this.#show(result.nodes.length, result.relationships.length, () => setQueryResult(this.#ctx.graph, result));
        return result;
      },
    });
  }

  #show(nodes: number, relationships: number, fill: () => void): void {
    const { store, layout, panels, notice, graph } = this.#ctx;
    layout.stop();
    store.current.mode = "cypher";
    store.current.path = null;
    store.current.view.selected = null;
    panels.details.hidden = true;
    fill();
    store.changed();
    this.#ctx.renderer()?.fit();
    notice.show(`The graph shows the query result: ${count(nodes)} node(s), ${count(relationships)} relationship(s).`, {
      label: "Back to the plan view",
      run: () => void this.#ctx.loadBase().then(() => notice.hide()),
    });
    void layout.run(graph, 2_000);
  }
}
