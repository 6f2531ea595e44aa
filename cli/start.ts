// The `plangraph start` command (npm start): the sample plan's graph, built or refreshed as needed, in the explorer.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { formatIssue, planIdFromPath, type SerializedPlanGraph } from "../schema/index.ts";
import { ingestDocument } from "../ingest/pipeline.ts";
import { combine, toSerialized, writeGraphFile } from "../graph/model/index.ts";
import {
  SERVING_DRIVER_CONFIG,
  loadGraph,
  neo4jConfigured,
  settingsFromEnv,
  withConnection,
} from "../graph/neo4j/index.ts";
import { openStore } from "../graph/store/index.ts";
import { DEFAULT_HOST, DEFAULT_PORT } from "../web/server/index.ts";
import { extractorFingerprint } from "./ingest-cache.ts";
import { parsePort, serveStore } from "./serve.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The plan shipped with plangraph, ingested by `npm start`. */
export const SAMPLE_PLAN = path.join(ROOT, "data", "plans", "hebei-14th-fyp-proposal.txt");

/** Where `npm start` keeps the sample plan's graph between runs (gitignored). */
export const SAMPLE_GRAPH_CACHE = path.join(ROOT, ".cache", "plangraph", "sample-graph.json");

/** Ingests the sample plan into a graph (about a second). */
export function ingestSamplePlan(): SerializedPlanGraph {
  const bytes = readFileSync(SAMPLE_PLAN);
  const display = path.relative(ROOT, SAMPLE_PLAN).split(path.sep).join("/");
  const result = ingestDocument(bytes, display, planIdFromPath(path.basename(SAMPLE_PLAN)));
  if (!result.graph)
    throw new Error(
      `cli/start: the sample plan could not be ingested:\n  ${result.issues.map(formatIssue).join("\n  ")}`,
    );
  return toSerialized(combine([result.graph]));
}

function planHash(graph: SerializedPlanGraph): string | undefined {
  const plan = graph.nodes.find((n) => n.attributes.label === "Plan");
  return plan ? (plan.attributes as { sha256?: string }).sha256 : undefined;
}

/** The sample plan's graph: read from the cache when its Plan node's hash matches the plan file and it was built by this version of the extractor, else ingested and cached. */
export async function ensureSampleGraph(
  cacheFile = SAMPLE_GRAPH_CACHE,
): Promise<{ graph: SerializedPlanGraph; rebuilt: boolean }> {
  const hash = createHash("sha256")
    .update(await readFile(SAMPLE_PLAN))
    .digest("hex");
  const extractor = await extractorFingerprint();
  const cached = await readFile(cacheFile, "utf8")
    .then((text) => JSON.parse(text) as SerializedPlanGraph)
    .catch(() => undefined);
  if (cached && planHash(cached) === hash && cached.attributes.extractor === extractor)
    return { graph: cached, rebuilt: false };
  const graph = ingestSamplePlan();
  graph.attributes = { ...graph.attributes, generator: "plangraph", extractor };
  await writeGraphFile(cacheFile, graph);
  return { graph, rebuilt: true };
}

/** Registers `plangraph start`. */
export function registerStart(program: Command): void {
  program
    .command("start")
    .description("open the explorer on the bundled sample plan (what npm start runs); no database needed")
    .option("-p, --port <n>", "port to listen on (0: any free port)", parsePort, DEFAULT_PORT)
    .option("--host <host>", "address to bind (keep 127.0.0.1 unless others must reach it)", DEFAULT_HOST)
    .option("-v, --verbose", "log every request")
    .addHelpText(
      "after",
      `
Ingests data/plans/hebei-14th-fyp-proposal.txt into .cache/plangraph/sample-graph.json when that file is missing or
the plan has changed, builds the front end into web/dist when needed, and serves both.
With NEO4J_URI set, serves from that Neo4j instead (loading the sample first if it holds no plan) and turns on the
read-only Cypher console.

Examples:
  npm start
  npm start -- --port 8080
  NEO4J_URI=bolt://127.0.0.1:7687 npm start`,
    )
    .action(async (opts: { port: number; host: string; verbose?: boolean }) => {
      const { graph, rebuilt } = await ensureSampleGraph();
      console.log(
        rebuilt
          ? `Ingested the sample plan → ${path.relative(process.cwd(), SAMPLE_GRAPH_CACHE)}`
          : `Using the cached sample graph (${path.relative(process.cwd(), SAMPLE_GRAPH_CACHE)})`,
      );
      if (!neo4jConfigured()) {
        await serveStore(await openStore({ kind: "memory", file: SAMPLE_GRAPH_CACHE }), opts);
        return;
      }
      const settings = settingsFromEnv();
      const store = await openStore({ kind: "neo4j", settings, driver: SERVING_DRIVER_CONFIG });
      try {
        if ((await store.plans()).length === 0) {
          console.log(`Neo4j at ${settings.uri} holds no plan; loading the sample plan…`);
          await withConnection(settings, (connection) => loadGraph(connection, graph, { file: SAMPLE_GRAPH_CACHE }));
        }
      } catch (err) {
        await store.close();
        throw err;
      }
      await serveStore(store, opts);
    });
}
