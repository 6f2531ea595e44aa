// Global test setup: uses NEO4J_URI when set, otherwise starts the project's own Neo4j on a free port and stops it after.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createDriver, settingsFromEnv, startLocalNeo4j, verifyConnection } from "../../graph/neo4j/index.ts";
import type { Neo4jSettings } from "../../graph/neo4j/index.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Neo4j every test talks to; `startedByTests` is true when the setup started it (and may empty it freely). */
    neo4j: Neo4jSettings & { startedByTests: boolean };
  }
}

const STARTED_MARK = "PLANGRAPH_NEO4J_STARTED_BY_TESTS";

/** Refuses to run tests that empty the database against a server that holds data, unless told that is fine. */
async function checkExternal(settings: Neo4jSettings): Promise<void> {
  const connection = createDriver(settings);
  try {
    await verifyConnection(connection);
    const session = connection.driver.session({ database: settings.database });
    const count = await session.run("MATCH (n) RETURN count(n) AS n").finally(() => session.close());
    const nodes = Number(count.records[0]?.get("n") ?? 0);
    if (nodes > 0 && process.env.PLANGRAPH_TEST_ALLOW_WIPE !== "1")
      throw new Error(
        `tests/setup/neo4j: NEO4J_URI (${settings.uri}) holds ${nodes} nodes and the Neo4j tests empty the database; ` +
          "unset NEO4J_URI to let the tests start their own Neo4j, or set PLANGRAPH_TEST_ALLOW_WIPE=1",
      );
  } finally {
    await connection.driver.close();
  }
}

/** Starts (or checks) Neo4j once for the whole run and returns the teardown that stops what it started. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NEO4J_URI) {
    const startedByTests = process.env[STARTED_MARK] === "1";
    if (!startedByTests) await checkExternal(settingsFromEnv());
    project.provide("neo4j", { ...settingsFromEnv(), startedByTests });
    return undefined;
  }
  const home = await mkdtemp(join(tmpdir(), "plangraph-neo4j-test-"));
  const server = await startLocalNeo4j({ home });
  const { uri, user, password } = server.settings;
  const names = ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", STARTED_MARK];
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  Object.assign(process.env, { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, [STARTED_MARK]: "1" });
  delete process.env.NEO4J_DATABASE;
  project.provide("neo4j", { ...server.settings, startedByTests: true });
  return async () => {
    await server.stop();
    await rm(home, { recursive: true, force: true });
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
