// Corpus ingest end to end: wall time and MB/s of `plangraph ingest` on every core, the no-change incremental re-run, and the most-mentioned entities.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openGraphFile } from "../graph/model/index.ts";
import { mostMentioned } from "../graph/compare/index.ts";

const corpus = process.argv[2] ?? "data/corpus";
const out = path.join(mkdtempSync(path.join(tmpdir(), "plangraph-bench-")), "corpus.json");
const files = readdirSync(corpus, { recursive: true, withFileTypes: true }).filter(
  (e) => e.isFile() && e.name.endsWith(".txt"),
);
const mb = files.reduce((n, e) => n + statSync(path.join(e.parentPath, e.name)).size, 0) / 1e6;

function timed(args: string[]): number {
  const t0 = performance.now();
  execFileSync("node", ["bin/plangraph.js", "ingest", corpus, "--out", out, "-q", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return (performance.now() - t0) / 1000;
}

const cores = availableParallelism();
const single = timed(["--jobs", "1"]);
const cold = timed(["--incremental"]);
const warm = timed(["--incremental"]);
console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB`);
console.log(`ingest, 1 worker:            ${single.toFixed(2)} s  ${(mb / single).toFixed(2)} MB/s`);
console.log(
  `ingest, ${cores} workers (cold):     ${cold.toFixed(2)} s  ${(mb / cold).toFixed(2)} MB/s  (aim < 8 s: ${(8 / cold).toFixed(2)}×; speed-up ${(single / cold).toFixed(2)}×)`,
);
console.log(`re-run, nothing changed:     ${warm.toFixed(2)} s  (aim < 1 s: ${(1 / warm).toFixed(2)}×)`);

const graph = await openGraphFile(out);
for (const label of ["Region", "Industry"] as const) {
  console.log(`\n${label === "Region" ? "Regions" : "Industries"} mentioned by the most plans`);
  for (const [i, t] of mostMentioned(graph, label, 10).entries())
    console.log(`${String(i + 1).padStart(3)}  ${t.name.padEnd(10, "　")}  ${t.plans} plans`);
}
