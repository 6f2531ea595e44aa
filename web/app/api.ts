// The explorer's client of the JSON API: one typed function per endpoint, errors as ApiRequestError with the server's code.
import type { EdgeType, NodeLabel } from "../../schema/index.ts";
import type { GraphSlice, NodeDetails, PathResult, PlanSummary, PlanText, SearchHit } from "../../graph/store/types.ts";
import type { ReadQueryResult } from "../../graph/neo4j/read-query.ts";
import type { PlanComparison, PlanMention } from "../../graph/compare/index.ts";

/** What the server says about itself: which store it reads and whether the Cypher console and which exports work. */
export interface Health {
  store: "memory" | "neo4j";
  cypher: boolean;
  cypherHelp?: string;
  exportFormats?: { format: string; extension: string; description: string }[];
}

/** A failed API request, with the code and message the server sent. */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = "ApiRequestError";
    this.code = code;
    this.status = status;
  }
}

type Params = Record<string, string | number | readonly string[] | undefined | null>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function failure(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code: string; message: string } } | undefined;
  return new ApiRequestError(
    body?.error?.code ?? "api/http-error",
    response.status,
    body?.error?.message ?? `the server answered ${response.status} ${response.statusText}`,
  );
}

async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const response = await fetch(`${path}${query(params)}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Which graph slice to fetch. */
export interface SliceRequest {
  plans?: readonly string[];
  /** Every plan of this level (national, province, prefecture, county). */
  level?: string;
  labels?: readonly NodeLabel[];
  types?: readonly EdgeType[];
  limit?: number;
}

/** What the export endpoint is asked for. */
export interface ExportRequest {
  format: string;
  nodes?: readonly string[];
  edges?: readonly string[];
  plans?: readonly string[];
  labels?: readonly NodeLabel[];
  types?: readonly EdgeType[];
}

/** Reads the file name from a Content-Disposition header (RFC 6266 `filename*=` first). */
function fileName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? "");
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header ?? "");
  return plain?.[1] ?? fallback;
}

/** The API, one function per endpoint. */
export const api = {
  health: () => getJson<Health>("/api/health"),
  plans: async () => (await getJson<{ plans: PlanSummary[] }>("/api/plans")).plans,
  graph: (r: SliceRequest) =>
    getJson<GraphSlice>("/api/graph", {
      plan: r.plans,
      level: r.level,
      labels: r.labels,
      types: r.types,
      limit: r.limit,
    }),
  search: async (q: string, limit = 8) => (await getJson<{ hits: SearchHit[] }>("/api/search", { q, limit })).hits,
  node: (id: string) => getJson<NodeDetails>("/api/node", { id }),
  neighbours: (id: string, depth: 1 | 2, types: readonly EdgeType[], limit = 100) =>
    getJson<GraphSlice>("/api/neighbours", { id, depth, types, limit }),
  path: async (from: string, to: string) =>
    (await getJson<{ path: PathResult | null }>("/api/path", { from, to })).path,
  planText: (plan: string) => getJson<PlanText>("/api/plan-text", { plan }),
  compare: (a: string, b: string) => getJson<PlanComparison>("/api/compare", { a, b }),
  mentions: async (id: string) => (await getJson<{ plans: PlanMention[] }>("/api/mentions", { id })).plans,
  cypher: (q: string) => postJson<ReadQueryResult>("/api/cypher", { query: q }),
  /** Asks the server for an export and returns the file's contents and name. */
  async exportFile(request: ExportRequest): Promise<{ blob: Blob; name: string }> {
    const response = await fetch("/api/export", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw await failure(response);
    return {
      blob: await response.blob(),
      name: fileName(response.headers.get("content-disposition"), "plangraph-export"),
    };
  },
};
