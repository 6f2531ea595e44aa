// Public names of the Neo4j layer: connection, applying the schema, loader, read-only query runner, local server, errors.
export {
  LOCAL_NEO4J,
  settingsFromEnv,
  neo4jConfigured,
  createDriver,
  verifyConnection,
  openConnection,
  withConnection,
} from "./connection.ts";
export type { Neo4jSettings, Neo4jConnection } from "./connection.ts";
export { ensureSchema } from "./constraints.ts";
export { Neo4jStoreError, InvalidGraphError, explainNeo4jError } from "./errors.ts";
export type { Neo4jErrorCode, ErrorContext } from "./errors.ts";
export {
  nodeToNeo4j,
  edgeToNeo4j,
  nodeFromNeo4j,
  edgeFromNeo4j,
  nodeStoredNames,
  edgeStoredNames,
} from "./properties.ts";
export { splitByPlan } from "./split-by-plan.ts";
export type { PlanPart, PlanSplit } from "./split-by-plan.ts";
export { loadGraph } from "./load-graph.ts";
export type { LoadOptions, LoadProgress, LoadResult, PlanLoadResult } from "./load-graph.ts";
export { runReadQuery, DEFAULT_READ_TIMEOUT_MS, DEFAULT_MAX_ROWS } from "./read-query.ts";
export type {
  JsonValue,
  QueryNode,
  QueryRelationship,
  QueryPath,
  ReadQueryResult,
  ReadQueryOptions,
} from "./read-query.ts";
export { startLocalNeo4j, freePort } from "./local-server.ts";
export type { LocalNeo4j, LocalNeo4jOptions } from "./local-server.ts";
