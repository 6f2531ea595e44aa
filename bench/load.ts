// Loader benchmark: relationships per second for the sample plan and a corpus graph, and the time of idempotent re-loads.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createDriver,
  loadGraph,
  settingsFromEnv,
  startLocalNeo4j,
  type LocalNeo4j,
  type Neo4jConnection,
} from "../graph/neo4j/index.ts";

const USAGE = `usage: npx tsx bench/load.ts [--sample graph.json] [--corpus graph.json | --corpus-dir DIR] [--batch-size N] [--use-env]

  --sample      graph of the sample plan (default: ingest data/plans/hebei-14th-fyp-proposal.txt now)
  --corpus      a whole-corpus graph from plangraph ingest; --corpus-dir ingests a folder first (e.g. ../shared/corpus)
  --use-env     load into NEO4J_URI (emptied first!) instead of a fresh local Neo4j in a temporary folder`;

const { values } = parseArgs({
  options: {
    sample: { type: "string" },
    corpus: { type: "string" },
    "corpus-dir": { type: "string" },
    "batch-size": { type: "string" },
    "use-env": { type: "boolean" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "plangraph-bench-load-"));
const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;

/** Runs plangraph ingest on the given paths and returns the parsed graph. */
function ingest(paths: string[], name: string): unknown {
  const out = join(work, `${name}.json`);
  const cli = new URL("../bin/plangraph.js", import.meta.url).pathname;
  execFileSync(process.execPath, [cli, "ingest", ...paths, "--out", out, "-q"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return JSON.parse(readFileSync(out, "utf8"));
}

async function empty({ driver, settings }: Neo4jConnection): Promise<void> {
  const session = driver.session({ database: settings.database });
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

interface Row {
  graph: string;
  plans: number;
  relationships: number;
  loadS: number;
  relsPerS: number;
  skipS: number;
  forcedS: number;
  forcedRelsPerS: number;
}

async function measure(connection: Neo4jConnection, name: string, graph: unknown): Promise<Row> {
  await empty(connection);
  const options = batchSize ? { batchSize } : {};
  const first = await loadGraph(connection, graph, options);
  const skipped = await loadGraph(connection, graph, options);
  const forced = await loadGraph(connection, graph, { ...options, force: true });
  return {
    graph: name,
    plans: first.plans.filter((p) => p.plan.startsWith("plan:")).length,
    relationships: first.relationships,
    loadS: first.ms / 1000,
    relsPerS: first.relationships / (first.ms / 1000),
    skipS: skipped.ms / 1000,
    forcedS: forced.ms / 1000,
    forcedRelsPerS: forced.relationships / (forced.ms / 1000),
  };
}

let server: LocalNeo4j | undefined;
let connection: Neo4jConnection;
if (values["use-env"]) {
  connection = createDriver(settingsFromEnv());
} else {
  server = await startLocalNeo4j({ home: join(work, "neo4j") });
  connection = createDriver(server.settings);
}

try {
  const rows: Row[] = [];
  const sample = values.sample
    ? JSON.parse(readFileSync(values.sample, "utf8"))
    : ingest([new URL("../data/plans/hebei-14th-fyp-proposal.txt", import.meta.url).pathname], "sample");
  rows.push(await measure(connection, "sample plan", sample));
  const corpus = values.corpus
    ? JSON.parse(readFileSync(values.corpus, "utf8"))
    : values["corpus-dir"]
      ? ingest([values["corpus-dir"]], "corpus")
      : undefined;
  if (corpus) rows.push(await measure(connection, "corpus", corpus));

  console.log(
    `Neo4j at ${connection.settings.uri}${server ? " (fresh local launcher, heap 1g, page cache 512m)" : ""}`,
  );
  console.log(
    "graph        plans  relationships  load (s)   rels/s  re-load unchanged (s)  re-load --force (s)   rels/s",
  );
  for (const r of rows) {
    console.log(
      `${r.graph.padEnd(12)} ${String(r.plans).padStart(5)}  ${String(r.relationships).padStart(13)}  ` +
        `${r.loadS.toFixed(2).padStart(8)}  ${Math.round(r.relsPerS).toString().padStart(7)}  ` +
        `${r.skipS.toFixed(2).padStart(21)}  ${r.forcedS.toFixed(2).padStart(19)}  ${Math.round(r.forcedRelsPerS).toString().padStart(7)}`,
    );
  }
  if (!corpus) console.log("(no corpus graph: pass --corpus graph.json or --corpus-dir DIR to measure one)");
} finally {
  await connection.driver.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
