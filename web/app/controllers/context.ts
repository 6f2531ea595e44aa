// What the explorer's controllers share: the data graph, the state, the loader, the renderer, the notice and the page.
import type { ExplorerGraph } from "../graph/graph-model.ts";
import type { LayoutRunner } from "../graph/layout.ts";
import type { GraphRenderer } from "../graph/renderer.ts";
import type { StateStore } from "../state/explorer-state.ts";
import type { Notice } from "../views/notice.ts";

/** Finds an element of the page by id, or says which is missing. */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`web/app: the page has no #${id}`);
  return element as T;
}

/** The page's panels the controllers fill or hide. */
export interface Panels {
  details: HTMLElement;
  planText: HTMLElement;
  compare: HTMLElement;
  console: HTMLElement;
}

/** The parts every controller may use, and the few actions they ask of one another. */
export interface ExplorerContext {
  readonly graph: ExplorerGraph;
  readonly store: StateStore;
  readonly layout: LayoutRunner;
  readonly notice: Notice;
  readonly panels: Panels;
  /** The renderer, once the page is drawn. */
  renderer(): GraphRenderer | null;
  /** Awaits a request while the explorer reports itself busy, so tests and benchmarks wait for what follows. */
  busyWhile<T>(task: Promise<T>): Promise<T>;
  /** Replaces the graph with the slice the view state asks for (the data loader). */
  loadBase(): Promise<void>;
  /** Selects a node, or clears the selection (the selection controller). */
  select(key: string | null, options?: { focus?: boolean }): Promise<void>;
  /** Hides the details and plan-text panels. */
  closePanels(): void;
}
