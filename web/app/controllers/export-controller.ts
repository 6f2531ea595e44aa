// The export controller: the Export menu's files (the current view, this plan, everything) and the PNG of the view.
import type { ExportFormat } from "../../../graph/export/formats.ts";
import type { ExportBody } from "../../api-contract.ts";
import { api } from "../api.ts";
import { edgeVisible, nodeVisible } from "../graph/reducers.ts";
import { displayContext, singlePlan } from "../state/explorer-state.ts";
import { download, mountExportMenu, type ExportScope } from "../views/export-menu.ts";
import { byId, type ExplorerContext } from "./context.ts";

/** Mounts the Export menu and asks the server for the file a choice names. */
export function mountExports(ctx: ExplorerContext): void {
  mountExportMenu(byId("export-menu"), {
    formats: ctx.store.current.health.exportFormats,
    hasPlan: () => singlePlan(ctx.store.current) !== null,
    exportFile: (scope, format) => exportFile(ctx, scope, format),
    exportPng: async () => {
      const renderer = ctx.renderer();
      if (!renderer) throw new Error("the graph is not drawn yet");
      download(await renderer.png(), "plangraph-view.png");
    },
  });
}

/** What the server is asked for: the nodes and edges drawn now, the one plan shown, or the whole graph. */
function exportRequest(ctx: ExplorerContext, scope: ExportScope, format: ExportFormat): ExportBody {
  const { graph, store } = ctx;
  const plan = singlePlan(store.current);
  const shown = displayContext(store.current, graph);
  if (scope === "view")
    return {
      format,
      nodes: graph.filterNodes((key) => nodeVisible(graph, key, shown)),
      edges: graph.filterEdges((key) => edgeVisible(graph, key, shown)),
    };
  return scope === "plan" && plan ? { format, plans: [plan] } : { format };
}

async function exportFile(ctx: ExplorerContext, scope: ExportScope, format: ExportFormat): Promise<void> {
  const { blob, name } = await api.exportFile(exportRequest(ctx, scope, format));
  download(blob, name);
}
