// The `plangraph ingest` command: plan files or folders in, one graph JSON out; parallel, incremental, a summary per file.
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { DEFAULT_MAX_BYTES } from "../ingest/limits.ts";

/** Registers `plangraph ingest`. */
export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "extract regions, industries, projects and goals (with the sentences they come from) from plan texts into one graph",
    )
    .argument(
      "<paths...>",
      "plan files (UTF-8 or GB18030 text, HTML, Markdown, PDF with a text layer) or folders to read recursively (*.txt, *.html, *.md, *.pdf)",
    )
    .requiredOption(
      "-o, --out <file>",
      "where to write the graph (graphology JSON, the format every other command reads)",
    )
    .option("--max-bytes <n>", "refuse files larger than this many bytes", (v) => Number(v), DEFAULT_MAX_BYTES)
    .option("-j, --jobs <n>", "worker threads to use", (v) => Math.max(1, Number(v)), availableParallelism())
    .option(
      "--time-budget <seconds>",
      "stop extracting a file after this long and report it as skipped",
      (v) => Math.max(1, Number(v)),
      120,
    )
    .option(
      "--incremental",
      "re-ingest only files whose content changed since the last run with the same --out (cache in <out>.cache/)",
    )
    .option(
      "--load",
      "also load the graph into Neo4j (NEO4J_URI etc., or the local launcher's defaults; see plangraph load)",
    )
    .option("-q, --quiet", "print only problems and the final line")
    .addHelpText(
      "after",
      `
Each file becomes a Plan node with its sections; entities shared between plans are one node.
Plan ids are file names without extension, relative to the folder given (reports-2021/省自治区/河北省).
A file that cannot be read is reported and skipped; the others are still ingested, and the exit code is 1.
On a terminal a progress bar shows the files left and the time remaining; otherwise one line per file.

Examples:
  plangraph ingest data/plans/hebei-14th-fyp-proposal.txt --out out/hebei.json
  plangraph ingest data/corpus --out out/corpus.json --incremental
  plangraph ingest data/corpus data/corpus-years --out out/all.json
  plangraph ingest data/plans --out out/plans.json --load`,
    )
    .action(
      async (
        paths: string[],
        opts: {
          out: string;
          maxBytes: number;
          quiet?: boolean;
          jobs: number;
          incremental?: boolean;
          load?: boolean;
          timeBudget?: number;
        },
      ) => {
        const { runIngest } = await import("./ingest-run.ts");
        process.exitCode = await runIngest(paths, opts);
        if (!opts.load || !(await import("node:fs")).existsSync(opts.out)) return;
        const { readGraphFile } = await import("../graph/model/index.ts");
        const { loadWithProgress } = await import("./load.ts");
        await loadWithProgress((await readGraphFile(opts.out)).graph, { file: opts.out, quiet: opts.quiet ?? false });
      },
    );
}
