// Public names of the Neo4j layer: connection, applying the schema, loader, read-only query runner, local server, errors.
export {
  LOCAL_NEO4J,
  SERVING_DRIVER_CONFIG,
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
export {
  runReadQuery,
  checkParameterDepth,
  DEFAULT_READ_TIMEOUT_MS,
  DEFAULT_MAX_ROWS,
  DEFAULT_MAX_RESULT_BYTES,
  MAX_PARAMETER_DEPTH,
} from "./read-query.ts";
export { guardQuery, CONSOLE_SUBSET } from "./cypher-guard.ts";
export type { GuardVerdict, GuardRefusal } from "./cypher-guard.ts";
export { IsolatedQueryRunner } from "./isolated-query.ts";
export { LivenessProbe } from "./liveness.ts";
export type { Liveness } from "./liveness.ts";
export type { IsolatedQueryOptions } from "./isolated-query.ts";
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
