// The export endpoint: a selection (current view, plans, or everything) from the store, streamed out by graph/export.
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from "../../schema/index.ts";
import type { GraphStore, SubgraphSelection } from "../../graph/store/index.ts";
import { EXPORT_FORMATS, FORMAT_FILES, exportChunks, type ExportFormat } from "../../graph/export/index.ts";
import { fromSerialized } from "../../graph/model/index.ts";

/** The most node or edge keys a view export may list. */
export const MAX_EXPORT_ITEMS = 200_000;

interface ExportRequest {
  format: ExportFormat;
  nodes?: string[];
  edges?: string[];
  plans?: string[];
  labels?: NodeLabel[];
  types?: EdgeType[];
}

const KEYS = {
  type: "array",
  items: { type: "string", minLength: 1, maxLength: 1_000 },
  maxItems: MAX_EXPORT_ITEMS,
} as const;
const PROPERTIES = {
  format: { type: "string", enum: [...EXPORT_FORMATS] },
  nodes: KEYS,
  edges: KEYS,
  plans: { type: "array", items: { type: "string", minLength: 1, maxLength: 1_000 }, maxItems: 1_000 },
  labels: { type: "array", items: { type: "string", enum: [...NODE_LABELS] }, maxItems: NODE_LABELS.length },
  types: { type: "array", items: { type: "string", enum: [...EDGE_TYPES] }, maxItems: EDGE_TYPES.length },
} as const;

/** The formats the exporters offer, for the explorer's Export menu. */
export function exportFormats(): { format: ExportFormat; extension: string; description: string }[] {
  return EXPORT_FORMATS.map((format) => ({ format, ...FORMAT_FILES[format] }));
}

/** A file name for an export: what was selected, then the format's extension. */
function fileName(request: ExportRequest): string {
  const what =
    request.nodes || request.edges
      ? "view"
      : request.plans?.length === 1
        ? (request.plans[0] as string).replace(/[^\p{L}\p{N}._-]+/gu, "-")
        : request.plans
          ? "plans"
          : "graph";
  return `plangraph-${what}${FORMAT_FILES[request.format].extension}`;
}

async function send(store: GraphStore, request: ExportRequest, reply: FastifyReply): Promise<FastifyReply> {
  const selection: SubgraphSelection = {};
  for (const name of ["nodes", "edges", "plans", "labels", "types"] as const)
    if (request[name]) (selection as Record<string, unknown>)[name] = request[name];
  const data = await store.subgraph(selection);
  const graph = fromSerialized(data);
  const { chunks, summary } = exportChunks(graph, request.format);
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
  app.post<{ Body: ExportRequest }>(
    "/api/export",
    { schema: { body: { type: "object", additionalProperties: false, required: ["format"], properties: PROPERTIES } } },
    async (request, reply) => send(store, request.body, reply),
  );
  app.get<{ Querystring: Omit<ExportRequest, "nodes" | "edges" | "plans"> & { plan?: string[] } }>(
    "/api/export",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["format"],
          properties: {
            format: PROPERTIES.format,
            plan: PROPERTIES.plans,
            labels: PROPERTIES.labels,
            types: PROPERTIES.types,
          },
        },
      },
    },
    async (request, reply) => {
      const { plan, ...rest } = request.query;
      return send(store, { ...rest, ...(plan ? { plans: plan } : {}) }, reply);
    },
  );
}
