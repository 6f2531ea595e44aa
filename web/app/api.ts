// The explorer's client of the JSON API: one typed function per endpoint, errors as ApiRequestError with the server's code.
import {
  ROUTES,
  type CompareQuery,
  type ErrorCode,
  type ExportBody,
  type GraphQuery,
  type MentionsQuery,
  type NeighboursQuery,
  type NodeQuery,
  type PathQuery,
  type PlanTextQuery,
  type Responses,
  type SearchQuery,
} from "../api-contract.ts";

export type { Health } from "../api-contract.ts";

/** A failed API request, with the code and message the server sent. */
export class ApiRequestError extends Error {
  readonly code: ErrorCode | "api/http-error";
  readonly status: number;

  constructor(code: ApiRequestError["code"], status: number, message: string) {
    super(message);
    this.name = "ApiRequestError";
    this.code = code;
    this.status = status;
  }
}

type Params = Readonly<Record<string, string | number | readonly (string | number)[] | undefined | null>>;

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
    { error?: { code: ErrorCode; message: string } } | undefined;
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

/** Reads the file name from a Content-Disposition header (RFC 6266 `filename*=` first). */
function fileName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? "");
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header ?? "");
  return plain?.[1] ?? fallback;
}

/** The API, one function per endpoint; requests and answers are the wire contract's types (web/api-contract.ts). */
export const api = {
  health: () => getJson<Responses["health"]>(ROUTES.health),
  plans: async () => (await getJson<Responses["plans"]>(ROUTES.plans)).plans,
  graph: (r: GraphQuery) => getJson<Responses["graph"]>(ROUTES.graph, r),
  search: async (q: string, limit = 8) =>
    (await getJson<Responses["search"]>(ROUTES.search, { q, limit } satisfies SearchQuery)).hits,
  node: (id: string) => getJson<Responses["node"]>(ROUTES.node, { id } satisfies NodeQuery),
  neighbours: (id: string, depth: 1 | 2, types: NeighboursQuery["types"], limit = 100) =>
    getJson<Responses["neighbours"]>(ROUTES.neighbours, { id, depth, types, limit } satisfies NeighboursQuery),
  path: async (from: string, to: string) =>
    (await getJson<Responses["path"]>(ROUTES.path, { from, to } satisfies PathQuery)).path,
  planText: (plan: string) => getJson<Responses["planText"]>(ROUTES.planText, { plan } satisfies PlanTextQuery),
  compare: (a: string, b: string) => getJson<Responses["compare"]>(ROUTES.compare, { a, b } satisfies CompareQuery),
  mentions: async (id: string) =>
    (await getJson<Responses["mentions"]>(ROUTES.mentions, { id } satisfies MentionsQuery)).plans,
  cypher: (q: string) => postJson<Responses["cypher"]>(ROUTES.cypher, { query: q }),
  /** Asks the server for an export and returns the file's contents and name. */
  async exportFile(request: ExportBody): Promise<{ blob: Blob; name: string }> {
    const response = await fetch(ROUTES.export, {
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
