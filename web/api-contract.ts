// The wire contract between the explorer's server and its client: every route's request schema, and what it answers.
import { EDGE_TYPES, NODE_LABELS } from "../schema/index.ts";
import { EXPORT_FORMATS, type ExportFormat } from "../graph/export/formats.ts";
import { DEFAULT_PATH_LENGTH, MAX_GRAPH_LIMIT, MAX_NEIGHBOURHOOD_LIMIT } from "../graph/store/defaults.ts";
import type { ExportErrorCode } from "../graph/export/errors.ts";
import type { Neo4jErrorCode, ReadQueryResult } from "../graph/neo4j/index.ts";
import type { SelectErrorCode } from "../graph/select/errors.ts";
import type { StoreErrorCode } from "../graph/store/errors.ts";
import type { PlanChoice, PlanReferenceCode } from "../graph/store/resolve-plan.ts";
import type {
  GraphSlice,
  NodeDetails,
  PathResult,
  PlanSummary,
  PlanText,
  SearchHit,
  StoreHealth,
} from "../graph/store/types.ts";
import type { PlanComparison, PlanMention } from "../graph/compare/index.ts";

/** The most node or edge keys a view export may list. */
export const MAX_EXPORT_ITEMS = 200_000;
/** Longest Cypher query the console accepts, in characters. */
export const MAX_QUERY_LENGTH = 20_000;

const KEY = { type: "string", minLength: 1, maxLength: 1_000 } as const;
const LABELS = { type: "array", items: { type: "string", enum: NODE_LABELS }, maxItems: NODE_LABELS.length } as const;
const TYPES = { type: "array", items: { type: "string", enum: EDGE_TYPES }, maxItems: EDGE_TYPES.length } as const;
const PLANS = { type: "array", items: KEY, maxItems: 1_000 } as const;
const LEVEL = { type: "string", minLength: 1, maxLength: 40 } as const;
const ITEMS = { type: "array", items: KEY, maxItems: MAX_EXPORT_ITEMS } as const;
const FORMAT = { type: "string", enum: EXPORT_FORMATS } as const;

/** An object schema whose properties are all the request may carry (fastify validates against it). */
function object<const P extends Record<string, object>, const R extends readonly (keyof P & string)[] = []>(
  properties: P,
  required?: R,
) {
  return {
    type: "object",
    additionalProperties: false,
    properties,
    required: required ?? ([] as unknown as R),
  } as const;
}

/** Every route's request schema, `as const` so the TypeScript types below are derived from it, never written twice. */
export const REQUEST_SCHEMAS = {
  graph: object({
    plan: PLANS,
    level: LEVEL,
    labels: LABELS,
    types: TYPES,
    minDegree: { type: "integer", minimum: 0, maximum: 1_000_000 },
    limit: { type: "integer", minimum: 1, maximum: MAX_GRAPH_LIMIT },
  }),
  search: object(
    { q: { type: "string", maxLength: 200 }, limit: { type: "integer", minimum: 1, maximum: 100 }, labels: LABELS },
    ["q"],
  ),
  node: object({ id: KEY }, ["id"]),
  neighbours: object(
    {
      id: KEY,
      depth: { type: "integer", enum: [1, 2] },
      limit: { type: "integer", minimum: 1, maximum: MAX_NEIGHBOURHOOD_LIMIT },
      labels: LABELS,
      types: TYPES,
    },
    ["id"],
  ),
  path: object(
    { from: KEY, to: KEY, types: TYPES, maxLength: { type: "integer", minimum: 1, maximum: 2 * DEFAULT_PATH_LENGTH } },
    ["from", "to"],
  ),
  planText: object({ plan: KEY }, ["plan"]),
  compare: object({ a: KEY, b: KEY }, ["a", "b"]),
  mentions: object({ id: KEY }, ["id"]),
  cypher: object(
    {
      query: { type: "string", minLength: 1, maxLength: MAX_QUERY_LENGTH },
      params: { type: "object", maxProperties: 50 },
    },
    ["query"],
  ),
  exportBody: object(
    {
      format: FORMAT,
      nodes: ITEMS,
      edges: ITEMS,
      plans: PLANS,
      level: LEVEL,
      labels: LABELS,
      types: TYPES,
      derived: { type: "boolean" },
    },
    ["format"],
  ),
  exportQuery: object(
    { format: FORMAT, plan: PLANS, level: LEVEL, labels: LABELS, types: TYPES, derived: { type: "boolean" } },
    ["format"],
  ),
} as const;

/** The TypeScript value a JSON Schema (of the kinds used above) accepts. */
type Value<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: "string" }
    ? string
    : S extends { type: "integer" | "number" }
      ? number
      : S extends { type: "boolean" }
        ? boolean
        : S extends { type: "array"; items: infer I }
          ? readonly Value<I>[]
          : S extends { type: "object" }
            ? Record<string, unknown>
            : unknown;

/** The request an object schema accepts: its required properties, and the rest optional. */
export type RequestOf<S extends { properties: Record<string, unknown>; required: readonly string[] }> = {
  -readonly [K in keyof S["properties"] as K extends S["required"][number] ? K : never]: Value<S["properties"][K]>;
} & {
  -readonly [K in keyof S["properties"] as K extends S["required"][number] ? never : K]?: Value<S["properties"][K]>;
};

/** The request of GET /api/graph: plans, a level, labels, types, a degree floor and a cap. */
export type GraphQuery = RequestOf<typeof REQUEST_SCHEMAS.graph>;
/** The request of GET /api/search: the text, a limit and labels. */
export type SearchQuery = RequestOf<typeof REQUEST_SCHEMAS.search>;
/** The request of GET /api/node: a node id. */
export type NodeQuery = RequestOf<typeof REQUEST_SCHEMAS.node>;
/** The request of GET /api/neighbours: a node id, one or two hops, a cap, labels and types. */
export type NeighboursQuery = RequestOf<typeof REQUEST_SCHEMAS.neighbours>;
/** The request of GET /api/path: two node ids, relationship types and the longest path looked for. */
export type PathQuery = RequestOf<typeof REQUEST_SCHEMAS.path>;
/** The request of GET /api/plan-text: a plan id. */
export type PlanTextQuery = RequestOf<typeof REQUEST_SCHEMAS.planText>;
/** The request of GET /api/compare: two plans as a person names them. */
export type CompareQuery = RequestOf<typeof REQUEST_SCHEMAS.compare>;
/** The request of GET /api/mentions: an entity id. */
export type MentionsQuery = RequestOf<typeof REQUEST_SCHEMAS.mentions>;
/** The request of POST /api/cypher: a read-only query and its parameters. */
export type CypherBody = RequestOf<typeof REQUEST_SCHEMAS.cypher>;
/** The request of POST /api/export: a format and the selection (view keys, plans, a level, labels, types). */
export type ExportBody = RequestOf<typeof REQUEST_SCHEMAS.exportBody>;
/** The request of GET /api/export: a format and plans, a level, labels or types. */
export type ExportQuery = RequestOf<typeof REQUEST_SCHEMAS.exportQuery>;

/** A format the Export menu offers. */
export interface ExportFormatInfo {
  format: ExportFormat;
  extension: string;
  description: string;
}

/** What the server says about itself: which store it reads, whether the Cypher console works, which exports exist. */
export interface Health {
  store: "memory" | "neo4j";
  cypher: boolean;
  cypherHelp?: string;
  /** For a database store: whether Neo4j answered at the last check. */
  neo4j?: StoreHealth;
  exportFormats: ExportFormatInfo[];
}

/** What each JSON route answers (export streams a file instead). */
export interface Responses {
  health: Health;
  plans: { plans: PlanSummary[] };
  graph: GraphSlice;
  search: { hits: SearchHit[] };
  node: NodeDetails;
  neighbours: GraphSlice;
  path: { path: PathResult | null };
  planText: PlanText;
  compare: PlanComparison;
  mentions: { id: string; plans: PlanMention[] };
  cypher: ReadQueryResult;
}

/** The path of each route. */
export const ROUTES = {
  health: "/api/health",
  plans: "/api/plans",
  graph: "/api/graph",
  search: "/api/search",
  node: "/api/node",
  neighbours: "/api/neighbours",
  path: "/api/path",
  planText: "/api/plan-text",
  compare: "/api/compare",
  mentions: "/api/mentions",
  cypher: "/api/cypher",
  export: "/api/export",
} as const;

/** Codes the API layer itself answers with (validation, bad JSON or URLs, a wrong host, no Neo4j for the console, a crash). */
export type ApiOwnCode =
  | "api/bad-request"
  | "api/bad-json"
  | "api/bad-url"
  | "api/wrong-host"
  | "api/not-found"
  | "api/internal"
  | "cypher/not-configured";

/** Every error code an API response can carry: the API's own and every code the layers below throw. */
export type ErrorCode =
  ApiOwnCode | StoreErrorCode | SelectErrorCode | PlanReferenceCode | Neo4jErrorCode | ExportErrorCode;

/** What the API answers when a request fails; a plan reference that matched several plans or none lists candidates. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; candidates?: PlanChoice[] };
}
