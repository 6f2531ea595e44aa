// Chooses the store the server answers from: Neo4j when NEO4J_URI is set, otherwise a graph JSON file in memory.
import { SERVING_DRIVER_CONFIG, createDriver, settingsFromEnv, verifyConnection } from "../../graph/neo4j/index.ts";
import { Neo4jStore, openMemoryStore, type GraphStore } from "../../graph/store/index.ts";

/** Where the graph comes from: a file for the memory store, and the environment that may name a Neo4j instead. */
export interface StoreSource {
  graphFile?: string;
  env?: NodeJS.ProcessEnv;
  /** Limits of the console's Cypher queries (default: the runner's 10 s and 1,000 rows). */
  cypher?: { timeoutMs?: number; maxRows?: number };
}

/** Whether the environment names a Neo4j to serve from. */
export function neo4jConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NEO4J_URI?.trim());
}

/** Opens the store: connects to and checks Neo4j when NEO4J_URI is set, else reads the graph file. */
export async function openStore(source: StoreSource): Promise<GraphStore> {
  const env = source.env ?? process.env;
  if (neo4jConfigured(env)) {
    const connection = createDriver(settingsFromEnv(env), SERVING_DRIVER_CONFIG);
    try {
      await verifyConnection(connection);
    } catch (err) {
      await connection.driver.close();
      throw err;
    }
    return new Neo4jStore(connection, { ownsDriver: true, ...(source.cypher ? { cypher: source.cypher } : {}) });
  }
  if (!source.graphFile) throw new Error("web/server: no graph file given and NEO4J_URI is not set");
  return openMemoryStore(source.graphFile);
}
