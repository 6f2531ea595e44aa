// Corpus ingest end to end: wall time, peak memory (RSS) and MB/s of `plangraph ingest` on 2 workers over the shipped corpora, the incremental re-runs, and the most-mentioned entities.
// Usage: tsx bench/corpus.ts [folder …] [--single]   (default: data/corpus data/corpus-years; --single also times 1 worker)
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openGraphFile } from "../graph/model/index.ts";
import { collectInputs } from "../cli/ingest-run.ts";
import { mostMentioned } from "../graph/compare/index.ts";

const args = process.argv.slice(2);
const sources = args.filter((a) => !a.startsWith("--"));
const corpora = sources.length > 0 ? sources : ["data/corpus", "data/corpus-years"];
const work = mkdtempSync(path.join(tmpdir(), "plangraph-bench-"));
const copies = corpora.map((c, i) => {
  const to = path.join(work, `in-${i}-${path.basename(c)}`);
  cpSync(c, to, { recursive: true });
  return to;
});
const out = path.join(work, "corpus.json");
const { inputs } = await collectInputs(copies);
const mb = inputs.reduce((n, input) => n + statSync(input.path).size, 0) / 1e6;

/** Peak resident memory of a running process so far (Linux: VmHWM), in MB. */
function peakRss(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `plangraph ingest` over the copies and returns its wall time and the peak RSS seen while it ran. */
function run(extra: string[]): Promise<{ seconds: number; rss?: number }> {
  const t0 = performance.now();
  const child = spawn("node", ["bin/plangraph.js", "ingest", ...copies, "--out", out, "-q", ...extra], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  let rss: number | undefined;
  const poll = setInterval(() => (rss = peakRss(child.pid!) ?? rss), 50);
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`bench/corpus: plangraph ingest exited with ${code}`));
      else resolve({ seconds: (performance.now() - t0) / 1000, rss });
    }),
  );
}

const fmt = (r: { seconds: number; rss?: number }) =>
  `${r.seconds.toFixed(2).padStart(7)} s  ${(mb / r.seconds).toFixed(2).padStart(5)} MB/s  peak RSS ${r.rss ? `${r.rss.toFixed(0)} MB` : "n/a"}`;

console.log(
  `corpus: ${corpora.join(" + ")}: ${inputs.length} files, ${mb.toFixed(1)} MB; load average ${loadavg()[0]!.toFixed(1)}`,
);
const single = args.includes("--single") ? await run(["--jobs", "1"]) : undefined;
if (single) console.log(`ingest, 1 worker:                ${fmt(single)}`);
const cold = await run(["--jobs", "2", "--incremental"]);
console.log(
  `ingest, 2 workers (cold cache):  ${fmt(cold)}${single ? `  speed-up ${(single.seconds / cold.seconds).toFixed(2)}×` : ""}`,
);
const warm = await run(["--jobs", "2", "--incremental"]);
console.log(
  `re-run, nothing changed:         ${warm.seconds.toFixed(2).padStart(7)} s  (${(cold.seconds / warm.seconds).toFixed(0)}× faster than cold)`,
);
const changed = inputs.find((i) => i.path.endsWith(".md")) ?? inputs[0]!;
appendFileSync(changed.path, "\n加快发展数字经济。\n");
const one = await run(["--jobs", "2", "--incremental"]);
console.log(
  `re-run, one file changed:        ${one.seconds.toFixed(2).padStart(7)} s  (${(cold.seconds / one.seconds).toFixed(0)}× faster than cold; ${path.relative(work, changed.path)})`,
);

const graph = await openGraphFile(out);
for (const label of ["Region", "Industry"] as const) {
  console.log(`\n${label === "Region" ? "Regions" : "Industries"} mentioned by the most plans`);
  for (const [i, t] of mostMentioned(graph, label, 10).entries())
    console.log(`${String(i + 1).padStart(3)}  ${t.name.padEnd(10, "　")}  ${t.plans} plans`);
}
