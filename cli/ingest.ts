// The `plangraph ingest` command: plan files or folders in, one graph JSON out, a summary per file.
import { readFile, readdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { formatIssue, planIdFromPath, type Issue } from "../schema/index.ts";
import { ingestDocument } from "../ingest/pipeline.ts";
import { combine, type PlanGraph } from "../ingest/stages/build.ts";
import { DEFAULT_MAX_BYTES } from "../ingest/stages/read.ts";

const PLAN_EXTENSIONS = /\.(txt|html?)$/iu;

/** One input file and the plan id it will get. */
export interface InputFile {
  path: string;
  planId: string;
  display: string;
}

/** Expands the command's arguments into input files: files as given, folders recursively (.txt, .html), plan ids relative to the folder. */
export async function collectInputs(args: string[]): Promise<{ inputs: InputFile[]; issues: Issue[] }> {
  const inputs: InputFile[] = [];
  const issues: Issue[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) {
      issues.push({
        code: "read/not-found",
        severity: "error",
        message: "no such file or folder",
        source: { file: arg },
      });
      continue;
    }
    if (info.isFile()) {
      inputs.push({ path: arg, planId: planIdFromPath(path.basename(arg)), display: arg });
      continue;
    }
    const entries = await readdir(arg, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && PLAN_EXTENSIONS.test(e.name) && !e.name.startsWith("."))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files)
      inputs.push({ path: file, planId: planIdFromPath(path.relative(arg, file)), display: file });
  }
  return { inputs, issues };
}

function counts(graph: PlanGraph): string {
  const c: Record<string, number> = { Region: 0, Industry: 0, Project: 0, Goal: 0 };
  graph.forEachNode((_, a) => {
    if (a.label in c) c[a.label]!++;
  });
  let relations = 0;
  graph.forEachEdge((_, a) => {
    if (a.type === "LOCATED_IN" || a.type === "SUPPORTS" || a.type === "TARGETS") relations++;
  });
  return `${c.Region} regions, ${c.Industry} industries, ${c.Project} projects, ${c.Goal} goals, ${relations} relations`;
}

/** Writes a file atomically: a temporary file first, then a rename, so a failed run never leaves half a graph behind. */
export async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Registers `plangraph ingest`. */
export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "extract regions, industries, projects and goals (with the sentences they come from) from plan texts into one graph",
    )
    .argument(
      "<paths...>",
      "plan files (UTF-8 or GB18030 text, or HTML) or folders to read recursively (*.txt, *.html)",
    )
    .requiredOption(
      "-o, --out <file>",
      "where to write the graph (graphology JSON, the format every other command reads)",
    )
    .option("--max-bytes <n>", "refuse files larger than this many bytes", (v) => Number(v), DEFAULT_MAX_BYTES)
    .option("-q, --quiet", "print only problems and the final line")
    .addHelpText(
      "after",
      `
Each file becomes a Plan node with its sections; entities shared between plans are one node.
Plan ids are file names without extension, relative to the folder given (reports-2021/省自治区/河北省).
A file that cannot be read is reported and skipped; the others are still ingested, and the exit code is 1.

Examples:
  plangraph ingest data/plans/hebei-14th-fyp-proposal.txt --out out/hebei.json
  plangraph ingest corpus/ --out out/corpus.json`,
    )
    .action(async (paths: string[], opts: { out: string; maxBytes: number; quiet?: boolean }) => {
      const { inputs, issues } = await collectInputs(paths);
      for (const issue of issues) console.error(formatIssue(issue));
      let failed = issues.length;
      const graphs: PlanGraph[] = [];
      for (const input of inputs) {
        const bytes = await readFile(input.path);
        const result = ingestDocument(bytes, input.display, input.planId, { maxBytes: opts.maxBytes });
        for (const issue of result.issues)
          if (issue.severity === "error" || !opts.quiet) console.error(formatIssue(issue));
        if (!result.graph) {
          failed++;
          continue;
        }
        graphs.push(result.graph);
        if (!opts.quiet) console.log(`${input.display}: ${counts(result.graph)}`);
      }
      if (graphs.length === 0) {
        console.error(`plangraph ingest: no file could be ingested; ${opts.out} was not written`);
        process.exitCode = 1;
        return;
      }
      const graph = combine(graphs);
      await writeAtomic(opts.out, JSON.stringify(graph.export()));
      console.log(`${graphs.length} of ${inputs.length} files ingested → ${opts.out} (${counts(graph)})`);
      if (failed > 0 || inputs.length === 0) process.exitCode = 1;
    });
}
