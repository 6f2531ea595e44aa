// ForceAtlas2 in a web worker, run for a while after the graph changes so the page stays responsive meanwhile.
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { inferSettings } from "graphology-layout-forceatlas2";
import type { ExplorerGraph } from "./graph-model.ts";

/** Runs one layout at a time and stops it after a time that grows with the graph. */
export class LayoutRunner {
  #layout: FA2Layout | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #done: (() => void) | undefined;

  /** Whether a layout is running now. */
  get running(): boolean {
    return this.#layout?.isRunning() ?? false;
  }

  /** Starts a layout of the graph (stopping any running one); resolves when it stops. */
  run(graph: ExplorerGraph, durationMs?: number): Promise<void> {
    this.stop();
    if (graph.order < 2) return Promise.resolve();
    const layout = new FA2Layout(graph, {
      // Strong gravity keeps a plan's many unconnected entities near the rest; large graphs need room to spread.
      settings: { ...inferSettings(graph), gravity: graph.order > 1_000 ? 0.2 : 1, strongGravityMode: true },
    });
    this.#layout = layout;
    layout.start();
    const ms = durationMs ?? Math.min(8_000, 1_500 + graph.order * 2);
    return new Promise((resolve) => {
      this.#done = resolve;
      this.#timer = setTimeout(() => this.stop(), ms);
    });
  }

  /** Stops and discards the running layout, if any. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#layout?.kill();
    this.#layout = undefined;
    const done = this.#done;
    this.#done = undefined;
    done?.();
  }
}
