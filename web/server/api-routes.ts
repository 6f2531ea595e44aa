// The JSON API over a GraphStore: plans, graph slices, search, node details, neighbourhoods, paths, plan text, comparison, Cypher.
import type { FastifyInstance } from "fastify";
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from "../../schema/index.ts";
import {
  DEFAULT_PATH_LENGTH,
  MAX_GRAPH_LIMIT,
  MAX_NEIGHBOURHOOD_LIMIT,
  type GraphStore,
} from "../../graph/store/index.ts";
import { checkParameterDepth } from "../../graph/neo4j/index.ts";
import { ApiError } from "./errors.ts";
import { exportFormats } from "./export-route.ts";

/** Longest Cypher query the console accepts, in characters. */
export const MAX_QUERY_LENGTH = 20_000;

const KEY = { type: "string", minLength: 1, maxLength: 1_000 } as const;
const LABELS = {
  type: "array",
  items: { type: "string", enum: [...NODE_LABELS] },
  maxItems: NODE_LABELS.length,
} as const;
const TYPES = { type: "array", items: { type: "string", enum: [...EDGE_TYPES] }, maxItems: EDGE_TYPES.length } as const;
const PLANS = { type: "array", items: KEY, maxItems: 1_000 } as const;

interface Lists {
  labels?: NodeLabel[];
  types?: EdgeType[];
}

/** The advice shown in the console when the server has no Neo4j to send queries to. */
export const CYPHER_NOT_CONFIGURED =
  "the Cypher console needs Neo4j: start one (npm run neo4j, or docker compose up), load the graph " +
  "(plangraph load out/hebei.json), then restart the explorer with NEO4J_URI set (NEO4J_URI=bolt://127.0.0.1:7687 npm start)";

/** The advice shown when the server's Neo4j stopped answering. */
const NEO4J_DOWN = "the explorer cannot answer until it is back (npm run neo4j, or docker compose up)";

/** Registers every /api route on the server, answering from the given store. */
export function registerApiRoutes(app: FastifyInstance, store: GraphStore): void {
  app.get("/api/health", async () => {
    const database = store.health ? await store.health() : undefined;
    const cypher = typeof store.cypher === "function" && database?.reachable !== false;
    return {
      store: store.kind,
      cypher,
      ...(database ? { neo4j: database } : {}),
      ...(cypher
        ? {}
        : { cypherHelp: database ? `${database.problem ?? "Neo4j is down"}; ${NEO4J_DOWN}` : CYPHER_NOT_CONFIGURED }),
      exportFormats: exportFormats(),
    };
  });

  app.get("/api/plans", async () => ({ plans: await store.plans() }));

  app.get<{ Querystring: Lists & { plan?: string[]; level?: string; minDegree?: number; limit?: number } }>(
    "/api/graph",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            plan: PLANS,
            level: { type: "string", minLength: 1, maxLength: 40 },
            labels: LABELS,
            types: TYPES,
            minDegree: { type: "integer", minimum: 0, maximum: 1_000_000 },
            limit: { type: "integer", minimum: 1, maximum: MAX_GRAPH_LIMIT },
          },
        },
      },
    },
    async (request) => {
      const { plan, level, ...rest } = request.query;
      // A level (national, province…) stands for every plan of that level, which may be too many ids for a URL.
      const ofLevel = level ? (await store.plans()).filter((p) => p.level === level).map((p) => p.id) : [];
      if (level && ofLevel.length === 0) throw new ApiError("api/not-found", 404, `no plan has the level '${level}'`);
      const plans = [...(plan ?? []), ...ofLevel];
      return store.graph({ ...rest, ...(plans.length > 0 ? { plans } : {}) });
    },
  );

  app.get<{ Querystring: { q: string; limit?: number; labels?: NodeLabel[] } }>(
    "/api/search",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["q"],
          properties: {
            q: { type: "string", maxLength: 200 },
            limit: { type: "integer", minimum: 1, maximum: 100 },
            labels: LABELS,
          },
        },
      },
    },
    async (request) => {
      const { q, ...options } = request.query;
      return { hits: await store.search(q, options) };
    },
  );

  app.get<{ Querystring: { id: string } }>(
    "/api/node",
    {
      schema: {
        querystring: { type: "object", additionalProperties: false, required: ["id"], properties: { id: KEY } },
      },
    },
    async (request) => store.node(request.query.id),
  );

  app.get<{ Querystring: Lists & { id: string; depth?: 1 | 2; limit?: number } }>(
    "/api/neighbours",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["id"],
          properties: {
            id: KEY,
            depth: { type: "integer", enum: [1, 2] },
            limit: { type: "integer", minimum: 1, maximum: MAX_NEIGHBOURHOOD_LIMIT },
            labels: LABELS,
            types: TYPES,
          },
        },
      },
    },
    async (request) => {
      const { id, ...options } = request.query;
      return store.neighbourhood(id, options);
    },
  );

  app.get<{ Querystring: { from: string; to: string; types?: EdgeType[]; maxLength?: number } }>(
    "/api/path",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["from", "to"],
          properties: {
            from: KEY,
            to: KEY,
            types: TYPES,
            maxLength: { type: "integer", minimum: 1, maximum: 2 * DEFAULT_PATH_LENGTH },
          },
        },
      },
    },
    async (request) => {
      const { from, to, ...options } = request.query;
      return { path: await store.shortestPath(from, to, options) };
    },
  );

  app.get<{ Querystring: { plan: string } }>(
    "/api/plan-text",
    {
      schema: {
        querystring: { type: "object", additionalProperties: false, required: ["plan"], properties: { plan: KEY } },
      },
    },
    async (request) => store.planText(request.query.plan),
  );

  app.get<{ Querystring: { a: string; b: string } }>(
    "/api/compare",
    {
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["a", "b"],
          properties: { a: KEY, b: KEY },
        },
      },
    },
    async (request) => store.comparePlans(request.query.a, request.query.b),
  );

  app.get<{ Querystring: { id: string } }>(
    "/api/mentions",
    {
      schema: {
        querystring: { type: "object", additionalProperties: false, required: ["id"], properties: { id: KEY } },
      },
    },
    async (request) => ({ id: request.query.id, plans: await store.plansMentioning(request.query.id) }),
  );

  app.post<{ Body: { query: string; params?: Record<string, unknown> } }>(
    "/api/cypher",
    {
      schema: {
        body: {
          type: "object",
          additionalProperties: false,
          required: ["query"],
          properties: {
            query: { type: "string", minLength: 1, maxLength: MAX_QUERY_LENGTH },
            params: { type: "object", maxProperties: 50 },
          },
        },
      },
    },
    async (request) => {
      if (!store.cypher) throw new ApiError("cypher/not-configured", 501, CYPHER_NOT_CONFIGURED);
      const params = request.body.params ?? {};
      checkParameterDepth(params);
      return store.cypher(request.body.query, params);
    },
  );
}
