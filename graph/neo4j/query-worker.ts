// A worker thread of the isolated query runner: runs read queries with its own driver, off the server's event loop.
import { parentPort } from "node:worker_threads";
import { SERVING_DRIVER_CONFIG, createDriver, type Neo4jConnection, type Neo4jSettings } from "./connection.ts";
import { Neo4jStoreError } from "./errors.ts";
import { runReadQuery, type ReadQueryOptions } from "./read-query.ts";

/** A query sent to the worker. */
export interface WorkerQuery {
  id: number;
  settings: Neo4jSettings;
  query: string;
  params: Record<string, unknown>;
  options: ReadQueryOptions;
}

let connection: Neo4jConnection | undefined;
let connectedAs = "";

/** One driver per worker, made again only if the settings change; like the server's, it reports a dead Neo4j at once. */
function connect(settings: Neo4jSettings): Neo4jConnection {
  const key = JSON.stringify(settings);
  if (!connection || connectedAs !== key) {
    void connection?.driver.close();
    connection = createDriver(settings, SERVING_DRIVER_CONFIG);
    connectedAs = key;
  }
  return connection;
}

parentPort!.on("message", async (job: WorkerQuery) => {
  try {
    const result = await runReadQuery(connect(job.settings), job.query, job.params, job.options);
    parentPort!.postMessage({ id: job.id, result });
  } catch (err) {
    const known = err instanceof Neo4jStoreError;
    parentPort!.postMessage({
      id: job.id,
      error: {
        code: known ? err.code : "neo4j/query-failed",
        message: known ? err.message : `graph/neo4j: the query runner failed: ${(err as Error).message}`,
        ...(known && err.neo4jCode ? { neo4jCode: err.neo4jCode } : {}),
      },
    });
  }
});
parentPort!.postMessage({ ready: true });
