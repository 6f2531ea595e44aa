// The `plangraph load` command: a graph JSON into the configured Neo4j, one transaction per plan, with progress.
import { readFile } from "node:fs/promises";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { formatIssue } from "../schema/index.ts";
import {
  InvalidGraphError,
  loadGraph,
  settingsFromEnv,
  withConnection,
  type LoadProgress,
  type LoadResult,
  type Neo4jConnection,
} from "../graph/neo4j/index.ts";

/** How loadWithProgress reports: a file name for messages, batch size, forced rewrite, and quiet (final line only). */
export interface LoadCommandOptions {
  file?: string;
  batchSize?: number;
  force?: boolean;
  quiet?: boolean;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Shows a bar on a terminal and one line per plan elsewhere (CI logs, pipes). */
function progressReporter(quiet: boolean): { onProgress: (p: LoadProgress) => void; stop: () => void } {
  if (quiet) return { onProgress: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "loading {bar} {value}/{total} relationships | plan {index}/{plans} {plan}", stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress: (p) => {
        const payload = { plan: p.plan, index: p.index + 1, plans: p.plans };
        if (!started) bar.start(p.totalRelationships, p.relationships, payload);
        started = true;
        bar.update(p.relationships, payload);
      },
      stop: () => started && bar.stop(),
    };
  }
  let planStarted = 0;
  return {
    onProgress: (p) => {
      if (p.phase === "plan-start") planStarted = performance.now();
      if (p.phase === "plan-done")
        console.error(
          `  ${p.plan} (${p.index + 1}/${p.plans}) done in ${seconds(performance.now() - planStarted)}, ` +
            `${p.relationships}/${p.totalRelationships} relationships so far`,
        );
    },
    stop: () => undefined,
  };
}

/** Loads a parsed graph JSON into the Neo4j that NEO4J_URI (or the local default) names, printing progress and a summary; `ingest --load` calls this too. */
export async function loadWithProgress(graph: unknown, options: LoadCommandOptions = {}): Promise<LoadResult> {
  // Retries of a failed transaction stop after 5 s (the driver's default is 30 s per plan): a Neo4j that dies during
  // the load is reported within seconds, not after a minute of silence.
  const config = { maxTransactionRetryTime: 5_000, connectionTimeout: 5_000 };
  const progress = progressReporter(options.quiet ?? false);
  try {
    return await withConnection(
      settingsFromEnv(),
      (connection) => loadAndReport(connection, graph, options, progress),
      config,
    );
  } finally {
    progress.stop();
  }
}

/** Loads over an open connection and prints the warnings and the summary line. */
async function loadAndReport(
  connection: Neo4jConnection,
  graph: unknown,
  options: LoadCommandOptions,
  progress: ReturnType<typeof progressReporter>,
): Promise<LoadResult> {
  const result = await loadGraph(connection, graph, {
    onProgress: progress.onProgress,
    ...(options.file ? { file: options.file } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.force ? { force: true } : {}),
  });
  progress.stop();
  if (!options.quiet) {
    for (const warning of result.warnings.slice(0, 20)) console.error(formatIssue(warning));
    if (result.warnings.length > 20) console.error(`… and ${result.warnings.length - 20} more warnings`);
  }
  const written = result.plans.filter((p) => !p.skipped && p.plan.startsWith("plan:"));
  const skipped = result.plans.filter((p) => p.skipped).length;
  const rate = result.relationships / Math.max(result.ms / 1000, 1e-3);
  console.log(
    `loaded ${written.length} plan(s) into ${connection.settings.uri}: ${result.nodes} nodes, ` +
      `${result.relationships} relationships in ${seconds(result.ms)} (${Math.round(rate)} relationships/s)` +
      (skipped > 0 ? `; ${skipped} plan(s) unchanged since the last load, skipped (--force rewrites them)` : "") +
      (result.removedEntities > 0 ? `; removed ${result.removedEntities} entities no plan references any more` : ""),
  );
  return result;
}

/** Registers `plangraph load`. */
export function registerLoad(program: Command): void {
  program
    .command("load")
    .description("load a graph JSON (from plangraph ingest) into Neo4j: idempotent, one transaction per plan")
    .argument("<graph.json>", "graph file written by plangraph ingest --out")
    .option("--batch-size <n>", "rows per UNWIND statement", (v) => Number(v), 5_000)
    .option("--force", "rewrite plans even when the stored copy is unchanged")
    .option("-q, --quiet", "print only problems and the final line")
    .addHelpText(
      "after",
      `
Connection: NEO4J_URI (default bolt://127.0.0.1:7687), NEO4J_USER (neo4j), NEO4J_PASSWORD (plangraph-dev),
NEO4J_DATABASE (the server's default). Start a local Neo4j with: npm run neo4j

The graph is checked against the schema first; nothing is written if any node or edge is invalid.
Each plan (its sections, relations and the entities they touch) is written in one transaction, so a failure
leaves the plan as it was. Re-loading a plan replaces its own sections and relations, keeps entities other
plans share, and removes entities no plan references any more.

Examples:
  plangraph load out/hebei.json
  NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… plangraph load out/corpus.json`,
    )
    .action(async (file: string, opts: { batchSize: number; force?: boolean; quiet?: boolean }) => {
      let graph: unknown;
      try {
        graph = JSON.parse(await readFile(file, "utf8"));
      } catch (err) {
        const reason =
          err instanceof SyntaxError ? `is not JSON (${err.message})` : `cannot be read (${(err as Error).message})`;
        console.error(`plangraph load: ${file} ${reason}`);
        process.exitCode = 1;
        return;
      }
      try {
        await loadWithProgress(graph, { file, batchSize: opts.batchSize, force: opts.force, quiet: opts.quiet });
      } catch (err) {
        if (err instanceof InvalidGraphError) for (const issue of err.issues) console.error(formatIssue(issue));
        console.error(err instanceof InvalidGraphError ? err.message.split("\n")[0] : (err as Error).message);
        process.exitCode = 1;
      }
    });
}
