// The export endpoint: a selection (current view, plans, or everything) from the store, streamed out by graph/export.
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { GraphStore } from "../../graph/store/index.ts";
import { EXPORT_FORMATS, FORMAT_FILES, exportChunks } from "../../graph/export/index.ts";
import { fromSerialized } from "../../graph/model/index.ts";
import { REQUEST_SCHEMAS, ROUTES, type ExportBody, type ExportFormatInfo, type ExportQuery } from "../api-contract.ts";

/** The formats the exporters offer, for the explorer's Export menu. */
export function exportFormats(): ExportFormatInfo[] {
  return EXPORT_FORMATS.map((format) => ({ format, ...FORMAT_FILES[format] }));
}

/** A file name for an export: what was selected, then the format's extension. */
function fileName(request: ExportBody): string {
  const what =
    request.nodes || request.edges
      ? "view"
      : request.plans?.length === 1
        ? (request.plans[0] as string).replace(/[^\p{L}\p{N}._-]+/gu, "-")
        : request.plans || request.level
          ? "plans"
          : "graph";
  return `plangraph-${what}${FORMAT_FILES[request.format].extension}`;
}

async function send(store: GraphStore, request: ExportBody, reply: FastifyReply): Promise<FastifyReply> {
  const { format, ...selection } = request;
  const graph = fromSerialized(await store.subgraph(selection));
  const { chunks, summary } = exportChunks(graph, format);
  const name = fileName(request);
  return reply
    .header("content-type", FORMAT_FILES[request.format].mediaType)
    .header(
      "content-disposition",
      `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header("x-plangraph-nodes", String(summary.nodes))
    .header("x-plangraph-edges", String(summary.edges))
    .send(Readable.from(chunks));
}

/** Registers GET and POST /api/export: GET for plans or the whole graph, POST for a view's node and edge keys. */
export function registerExportRoute(app: FastifyInstance, store: GraphStore): void {
  app.post<{ Body: ExportBody }>(
    ROUTES.export,
    { schema: { body: REQUEST_SCHEMAS.exportBody } },
    async (request, reply) => send(store, request.body, reply),
  );
  app.get<{ Querystring: ExportQuery }>(
    ROUTES.export,
    { schema: { querystring: REQUEST_SCHEMAS.exportQuery } },
    async (request, reply) => {
      const { plan, ...rest } = request.query;
      return send(store, { ...rest, ...(plan ? { plans: plan } : {}) }, reply);
    },
  );
}
