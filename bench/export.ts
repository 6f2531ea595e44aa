// Export benchmark: time, output size and peak memory per format (each in its own child process), sample and a graph file.
import { spawnSync } from "node:child_process";
import { createWriteStream, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BATCH_CHARS, EXPORT_FORMATS, FORMAT_FILES, exportGraph, type ExportFormat } from "../graph/export/index.ts";
import { ingestDocument } from "../ingest/pipeline.ts";
import { createPlanGraph, type PlanGraph } from "../graph/model/index.ts";

const SAMPLE = "data/plans/hebei-14th-fyp-proposal.txt";
const SCRIPT = fileURLToPath(import.meta.url);

interface Figures {
  graph: string;
  format: ExportFormat;
  nodes: number;
  edges: number;
  seconds: number;
  outputBytes: number;
  /** Highest live JS heap plus buffers during the export (measured after forced GCs between writes), above the loaded graph. */
  peakExtraBytes: number;
  /** The process's peak resident set, loading included. */
  maxRssBytes: number;
}

function loadGraph(source: string): PlanGraph {
  if (source === SAMPLE) {
    const { graph } = ingestDocument(readFileSync(SAMPLE), SAMPLE, "hebei-14th-fyp-proposal");
    if (!graph) throw new Error(`bench/export: ${SAMPLE} did not ingest`);
    return graph;
  }
  const graph = createPlanGraph();
  graph.import(JSON.parse(readFileSync(source, "utf8")));
  return graph;
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Exports twice in this process, once timed and once with a GC-and-measure sampler, and prints the figures as JSON. */
async function child(format: ExportFormat, source: string): Promise<void> {
  const graph = loadGraph(source);
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const file = join(tmpdir(), `plangraph-bench-export-${process.pid}${FORMAT_FILES[format].extension}`);
  gc();
  const started = performance.now();
  await exportGraph(graph, format, createWriteStream(file));
  const seconds = (performance.now() - started) / 1000;
  const outputBytes = statSync(file).size;
  gc();
  const baseline = used();
  let peak = baseline;
  let writes = 0;
  // Garbage is not memory held: about 20 times per export a write collects first, so the figure is what stays alive.
  const every = Math.max(1, Math.round(outputBytes / BATCH_CHARS / 20));
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (++writes % every === 0) {
        gc();
        peak = Math.max(peak, used());
      }
      done(null, chunk);
    },
  });
  await Promise.all([exportGraph(graph, format, meter), pipeline(meter, createWriteStream(file))]);
  rmSync(file, { force: true });
  const figures: Figures = {
    graph: source,
    format,
    nodes: graph.order,
    edges: graph.size,
    seconds,
    outputBytes,
    peakExtraBytes: peak - baseline,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(figures));
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function table(rows: Figures[]): string {
  const header = ["graph", "format", "nodes", "edges", "time", "output", "peak live extra", "peak RSS"];
  const lines = rows.map((r) => [
    r.graph === SAMPLE ? "sample" : r.graph,
    r.format,
    String(r.nodes),
    String(r.edges),
    `${r.seconds.toFixed(2)} s`,
    mb(r.outputBytes),
    mb(r.peakExtraBytes),
    mb(r.maxRssBytes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  return [header, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")).join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1] as ExportFormat, args[2] as string);
  const sources = [SAMPLE, ...args];
  const rows: Figures[] = [];
  for (const source of sources) {
    for (const format of EXPORT_FORMATS) {
      const run = spawnSync(
        process.execPath,
        [...process.execArgv, "--expose-gc", "--max-old-space-size=8192", SCRIPT, "--child", format, source],
        { encoding: "utf8", maxBuffer: 1 << 20 },
      );
      if (run.status !== 0) throw new Error(`bench/export: ${format} of ${source} failed:\n${run.stderr}`);
      const line = run.stdout.trim().split("\n").at(-1) ?? "";
      rows.push(JSON.parse(line) as Figures);
      process.stderr.write(`${format} of ${source}: ${rows.at(-1)?.seconds.toFixed(2)} s\n`);
    }
  }
  console.log(table(rows));
  console.log(
    "\npeak live extra: the most JS heap + buffer memory kept alive during the export (measured after a forced GC at" +
      "\n~20 points between writes) above what the loaded graph holds; far below the output means it was streamed." +
      "\npeak RSS: the whole child process (graph loading included).",
  );
}

await main();
