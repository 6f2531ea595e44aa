// The sigma renderer: draws the explorer graph through the reducers, reports clicks and hovers, moves the camera, makes PNGs.
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";
import { h } from "../views/dom.ts";
import type { ExplorerEdge, ExplorerGraph, ExplorerNode } from "./graph-model.ts";
import { makeReducers, type DisplayContext } from "./reducers.ts";

/** Graphs with more edges than this hide edges and labels while the view moves. */
const LARGE_GRAPH_EDGES = 1_000;

/** Graphs up to this many nodes show every label. */
const SMALL_GRAPH = 150;

/** What the renderer reports: clicks, double clicks and the node under the pointer. */
export interface RendererEvents {
  clickNode(key: string): void;
  doubleClickNode(key: string): void;
  clickStage(): void;
  /** The node under the pointer changed (null: none); not reported while the view is dragged. */
  hover(key: string | null): void;
}

/** Sigma over the explorer graph, with the few things the controllers ask of it. */
export class GraphRenderer {
  readonly sigma: Sigma<ExplorerNode, ExplorerEdge>;
  readonly #graph: ExplorerGraph;

  /** Draws `graph` into `container`, styled by the reducers over `context()`. */
  constructor(graph: ExplorerGraph, container: HTMLElement, context: () => DisplayContext, events: RendererEvents) {
    this.#graph = graph;
    const { nodeReducer, edgeReducer } = makeReducers(graph, context);
    this.sigma = new Sigma(graph, container, {
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
    const sigma = this.sigma;
    new ResizeObserver(() => {
      sigma.resize();
      sigma.refresh();
    }).observe(container);
    sigma.on("clickNode", ({ node }) => events.clickNode(node));
    sigma.on("doubleClickNode", (event) => {
      event.preventSigmaDefault();
      events.doubleClickNode(event.node);
    });
    sigma.on("clickStage", () => events.clickStage());
    // Hovering highlights a neighbourhood, but not while the user drags the view: a refresh per node crossed stalls panning.
    const captor = sigma.getMouseCaptor();
    let hovered: string | null = null;
    sigma.on("enterNode", ({ node }) => {
      if (captor.isMouseDown) return;
      hovered = node;
      events.hover(node);
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on("leaveNode", () => {
      if (hovered === null) return;
      hovered = null;
      events.hover(null);
      sigma.refresh({ skipIndexation: true });
    });
  }

  /** Redraws, first fitting label and motion settings to the graph's size. */
  refresh(): void {
    const sigma = this.sigma;
    // Small graphs (a query result, one plan's neighbourhood) get every label; large ones only their hubs'.
    const threshold = this.#graph.order <= SMALL_GRAPH ? 0 : 7;
    if (sigma.getSetting("labelRenderedSizeThreshold") !== threshold)
      sigma.setSetting("labelRenderedSizeThreshold", threshold);
    // Large graphs drop edges and labels while the view moves, so panning stays smooth without a fast GPU.
    const large = this.#graph.size > LARGE_GRAPH_EDGES;
    if (sigma.getSetting("hideEdgesOnMove") !== large) {
      sigma.setSetting("hideEdgesOnMove", large);
      sigma.setSetting("hideLabelsOnMove", large);
    }
    sigma.refresh();
  }

  /** Puts the camera back to the whole graph at once; `then` runs after the next render. */
  resetCamera(then?: () => void): void {
    this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    if (then) this.sigma.once("afterRender", then);
  }

  /** Glides the camera back to the whole graph. */
  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  /** Glides the camera to a node. */
  focus(key: string): void {
    const data = this.sigma.getNodeDisplayData(key);
    if (data) void this.sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.35 }, { duration: 500 });
  }

  /** A PNG of the graph as drawn now: sigma's layers composed on white. */
  async png(): Promise<Blob> {
    this.sigma.refresh();
    const layers = Object.values(this.sigma.getCanvases());
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
