// The `plangraph serve` command: the explorer over a graph JSON file (in memory) or over the configured Neo4j.
import { InvalidArgumentError, type Command } from "commander";
import { SERVING_DRIVER_CONFIG, neo4jConfigured, settingsFromEnv } from "../graph/neo4j/index.ts";
import { openStore, type GraphStore } from "../graph/store/index.ts";
import {
  APP_DIST_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  ensureAppBuilt,
  startServer,
  type RunningServer,
} from "../web/server/index.ts";

/** How to serve: host, port, and whether to log each request. */
export interface ServeSettings {
  host: string;
  port: number;
  verbose?: boolean;
}

/** Parses a port option: an integer from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError(`'${value}' is not a port (0–65535)`);
  return port;
}

/** Builds the front end if needed, serves it with the store, prints the URL, and closes everything on Ctrl+C. */
export async function serveStore(store: GraphStore, settings: ServeSettings): Promise<RunningServer> {
  try {
    if (await ensureAppBuilt()) console.log("Built the explorer (web/dist).");
  } catch (err) {
    await store.close();
    throw err;
  }
  let server: RunningServer;
  try {
    server = await startServer({
      store,
      host: settings.host,
      port: settings.port,
      appDir: APP_DIST_DIR,
      logger: settings.verbose ?? false,
    });
  } catch (err) {
    await store.close();
    const code = (err as { code?: string }).code;
    if (code === "EADDRINUSE")
      throw new Error(`web/server: port ${settings.port} is in use; pass --port <n> (or --port 0 for any free port)`);
    throw err;
  }
  const what =
    store.kind === "neo4j" ? "Neo4j (Cypher console on)" : "the graph in memory (Cypher console needs Neo4j)";
  console.log(`plangraph explorer: ${server.url}  — serving ${what}; Ctrl+C stops it`);
  if (settings.host !== DEFAULT_HOST && settings.host !== "localhost")
    console.warn(`Warning: listening on ${settings.host}, so other machines can reach the explorer.`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return server;
}

/** Registers `plangraph serve`. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("open the explorer on a graph JSON file, or on Neo4j when --graph is left out and NEO4J_URI is set")
    .option("-g, --graph <file>", "graph JSON written by plangraph ingest (served from memory)")
    .option("-p, --port <n>", "port to listen on (0: any free port)", parsePort, DEFAULT_PORT)
    .option("--host <host>", "address to bind (keep 127.0.0.1 unless others must reach it)", DEFAULT_HOST)
    .option("-v, --verbose", "log every request")
    .addHelpText(
      "after",
      `
With --graph the graph is held in memory; no database is needed and the Cypher console is off.
Without --graph, NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) name the Neo4j to serve from,
and the Cypher console runs read-only queries there.

Examples:
  plangraph serve --graph out/hebei.json
  plangraph serve --graph out/corpus.json --port 8080
  NEO4J_URI=bolt://127.0.0.1:7687 plangraph serve`,
    )
    .action(async (opts: { graph?: string; port: number; host: string; verbose?: boolean }) => {
      if (!opts.graph && !neo4jConfigured()) {
        console.error("plangraph serve: give --graph <file.json>, or set NEO4J_URI to serve from Neo4j");
        process.exitCode = 2;
        return;
      }
      const store = await openStore(
        opts.graph
          ? { kind: "memory", file: opts.graph }
          : { kind: "neo4j", settings: settingsFromEnv(), driver: SERVING_DRIVER_CONFIG },
      );
      await serveStore(store, opts);
    });
}
