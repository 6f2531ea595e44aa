// Global setup of the browser tests: builds the explorer if needed and serves the sample plan from memory and from Neo4j.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createDriver, loadGraph, settingsFromEnv, type Neo4jSettings } from "../../graph/neo4j/index.ts";
import { Neo4jStore, createMemoryStore } from "../../graph/store/index.ts";
import { APP_DIST_DIR, ensureAppBuilt, startServer, type RunningServer } from "../../web/server/index.ts";
import { ensureSampleGraph } from "../../cli/start.ts";

/** The Cypher timeout of the Neo4j-backed explorer in tests: short, so the timeout test is quick. */
export const TEST_CYPHER_TIMEOUT_MS = 3_000;

declare module "vitest" {
  export interface ProvidedContext {
    /** The explorer on the sample plan: `memoryUrl` from memory, `neo4jUrl` from Neo4j (with the console on). */
    web: { memoryUrl: string; neo4jUrl: string; neo4j: Neo4jSettings };
  }
}

/** Builds the app, ingests the sample plan, loads it into the test Neo4j, and starts both servers on free ports. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.NEO4J_URI)
    throw new Error("tests/setup/web: NEO4J_URI is not set; list tests/setup/neo4j.ts before this file in globalSetup");
  await ensureAppBuilt();
  const cache = await mkdtemp(join(tmpdir(), "plangraph-web-test-"));
  const { graph } = await ensureSampleGraph(join(cache, "sample-graph.json"));
  const servers: RunningServer[] = [];
  try {
    servers.push(await startServer({ store: createMemoryStore(graph), port: 0, appDir: APP_DIST_DIR }));
    const settings = settingsFromEnv();
    const connection = createDriver(settings);
    // tests/setup/neo4j.ts has checked that this database was started by the tests or may be emptied.
    try {
      await connection.driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: settings.database });
      await loadGraph(connection, graph);
    } catch (err) {
      await connection.driver.close();
      throw err;
    }
    const store = new Neo4jStore(connection, { ownsDriver: true, cypher: { timeoutMs: TEST_CYPHER_TIMEOUT_MS } });
    servers.push(await startServer({ store, port: 0, appDir: APP_DIST_DIR }));
    project.provide("web", {
      memoryUrl: (servers[0] as RunningServer).url,
      neo4jUrl: (servers[1] as RunningServer).url,
      neo4j: settings,
    });
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    await rm(cache, { recursive: true, force: true });
  };
}
