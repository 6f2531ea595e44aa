// The JSON API over a GraphStore: plans, graph slices, search, node details, neighbourhoods, paths, plan text, comparison, Cypher.
import type { FastifyInstance } from "fastify";
import type { GraphStore } from "../../graph/store/index.ts";
import {
  REQUEST_SCHEMAS,
  ROUTES,
  type CompareQuery,
  type CypherBody,
  type GraphQuery,
  type Health,
  type MentionsQuery,
  type NeighboursQuery,
  type NodeQuery,
  type PathQuery,
  type PlanTextQuery,
  type Responses,
  type SearchQuery,
} from "../api-contract.ts";
import { checkParameterDepth } from "../../graph/neo4j/index.ts";
import { ApiError } from "./errors.ts";
import { exportFormats } from "./export-route.ts";

/** The advice shown in the console when the server has no Neo4j to send queries to. */
export const CYPHER_NOT_CONFIGURED =
  "the Cypher console needs Neo4j: start one (npm run neo4j, or docker compose up), load the graph " +
  "(plangraph load out/hebei.json), then restart the explorer with NEO4J_URI set (NEO4J_URI=bolt://127.0.0.1:7687 npm start)";

/** The advice shown when the server's Neo4j stopped answering. */
const NEO4J_DOWN = "the explorer cannot answer until it is back (npm run neo4j, or docker compose up)";

/** Registers every /api route on the server, answering from the given store. */
export function registerApiRoutes(app: FastifyInstance, store: GraphStore): void {
  app.get(ROUTES.health, async (): Promise<Health> => {
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

  app.get(ROUTES.plans, async (): Promise<Responses["plans"]> => ({ plans: await store.plans() }));

  app.get<{ Querystring: GraphQuery }>(
    ROUTES.graph,
    { schema: { querystring: REQUEST_SCHEMAS.graph } },
    async (request): Promise<Responses["graph"]> => {
      const { plan, level, ...rest } = request.query;
      // A level (national, province…) stands for every plan of that level, which may be too many ids for a URL.
      const ofLevel = level ? (await store.plans()).filter((p) => p.level === level).map((p) => p.id) : [];
      if (level && ofLevel.length === 0) throw new ApiError("api/not-found", 404, `no plan has the level '${level}'`);
      const plans = [...(plan ?? []), ...ofLevel];
      return store.graph({ ...rest, ...(plans.length > 0 ? { plans } : {}) });
    },
  );

  app.get<{ Querystring: SearchQuery }>(
    ROUTES.search,
    { schema: { querystring: REQUEST_SCHEMAS.search } },
    async (request): Promise<Responses["search"]> => {
      const { q, ...options } = request.query;
      return { hits: await store.search(q, options) };
    },
  );

  app.get<{ Querystring: NodeQuery }>(
    ROUTES.node,
    { schema: { querystring: REQUEST_SCHEMAS.node } },
    async (request): Promise<Responses["node"]> => store.node(request.query.id),
  );

  app.get<{ Querystring: NeighboursQuery }>(
    ROUTES.neighbours,
    { schema: { querystring: REQUEST_SCHEMAS.neighbours } },
    async (request): Promise<Responses["neighbours"]> => {
      const { id, ...options } = request.query;
      return store.neighbourhood(id, options);
    },
  );

  app.get<{ Querystring: PathQuery }>(
    ROUTES.path,
    { schema: { querystring: REQUEST_SCHEMAS.path } },
    async (request): Promise<Responses["path"]> => {
      const { from, to, ...options } = request.query;
      return { path: await store.shortestPath(from, to, options) };
    },
  );

  app.get<{ Querystring: PlanTextQuery }>(
    ROUTES.planText,
    { schema: { querystring: REQUEST_SCHEMAS.planText } },
    async (request): Promise<Responses["planText"]> => store.planText(request.query.plan),
  );

  app.get<{ Querystring: CompareQuery }>(
    ROUTES.compare,
    { schema: { querystring: REQUEST_SCHEMAS.compare } },
    async (request): Promise<Responses["compare"]> => store.comparePlans(request.query.a, request.query.b),
  );

  app.get<{ Querystring: MentionsQuery }>(
    ROUTES.mentions,
    { schema: { querystring: REQUEST_SCHEMAS.mentions } },
    async (request): Promise<Responses["mentions"]> => ({
      id: request.query.id,
      plans: await store.plansMentioning(request.query.id),
    }),
  );

  app.post<{ Body: CypherBody }>(
    ROUTES.cypher,
    { schema: { body: REQUEST_SCHEMAS.cypher } },
    async (request): Promise<Responses["cypher"]> => {
      if (!store.cypher) throw new ApiError("cypher/not-configured", 501, CYPHER_NOT_CONFIGURED);
      const params = request.body.params ?? {};
      checkParameterDepth(params);
      return store.cypher(request.body.query, params);
    },
  );
}
