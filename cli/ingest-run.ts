// How `plangraph ingest` runs: inputs collected and hashed, unchanged plans reused, the rest ingested on worker threads, one graph written.
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import cliProgress from "cli-progress";
import {
  displayPath,
  error,
  formatIssue,
  hasInvisibleCharacters,
  planIdFromPath,
  warning,
  type Issue,
  type SerializedPlanGraph,
} from "../schema/index.ts";
import { merge, writeGraphFile } from "../graph/model/index.ts";
import type { WorkerJob } from "./ingest-worker.ts";
import * as cache from "./ingest-cache.ts";

const PLAN_EXTENSIONS = /\.(txt|html?|md|markdown|pdf)$/iu;
/** Notes that sit beside the plans in a folder and are not plans. */
const NOTES = /^(README|SOURCES|LICENSE|CHANGELOG)\.(md|markdown|txt)$/iu;

/** One input file and the plan id it will get. */
export interface InputFile {
  path: string;
  planId: string;
  display: string;
}

interface Outcome {
  graph?: SerializedPlanGraph;
  issues: Issue[];
  cached?: boolean;
}

/** One input file, its plan id and how it is shown, with a warning when its name holds control or bidi characters. */
function inputFile(file: string, relative: string, issues: Issue[]): InputFile {
  const display = displayPath(file);
  const planId = planIdFromPath(relative);
  if (hasInvisibleCharacters(file))
    issues.push(
      warning(
        "read/odd-name",
        `the file name holds control or bidi characters (shown escaped); its plan id is '${planId}'`,
        { file: display },
      ),
    );
  return { path: file, planId, display };
}

/** Why a read failed, in words: the system's code and what to do about it. */
export function unreadable(file: string, err: unknown): Issue {
  const code = (err as { code?: string }).code ?? "";
  const advice =
    code === "EACCES" || code === "EPERM"
      ? "permission denied; check the file's permissions"
      : code === "EISDIR"
        ? "it is a folder"
        : (err as Error).message;
  return error("read/unreadable", `the file cannot be read (${code || "error"}: ${advice}); it was skipped`, {
    file: displayPath(file),
  });
}

/**
 * Expands the command's arguments into input files: files as given, folders recursively (.txt, .html, .md, .pdf; not
 * README.md or SOURCES.md), plan ids relative to the folder. Symbolic links and other entries that are not plain files
 * inside folders are reported and skipped (a link given by name is followed).
 */
export async function collectInputs(args: string[]): Promise<{ inputs: InputFile[]; issues: Issue[] }> {
  const inputs: InputFile[] = [];
  const issues: Issue[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) {
      issues.push(error("read/not-found", "no such file or folder", { file: displayPath(arg) }));
      continue;
    }
    if (info.isFile()) {
      inputs.push(inputFile(arg, path.basename(arg), issues));
      continue;
    }
    const entries = await readdir(arg, { recursive: true, withFileTypes: true }).catch((err: unknown) => {
      issues.push(unreadable(arg, err));
      return [];
    });
    const files: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isSymbolicLink())
        issues.push(
          warning(
            "read/symlink",
            "a symbolic link: not followed inside folders; give its target by name to ingest it",
            {
              file: displayPath(file),
            },
          ),
        );
      else if (!entry.isFile() && !entry.isDirectory() && PLAN_EXTENSIONS.test(entry.name))
        issues.push(
          error("read/unreadable", "not a regular file (a pipe, socket or device); skipped", {
            file: displayPath(file),
          }),
        );
      else if (entry.isFile() && PLAN_EXTENSIONS.test(entry.name) && !NOTES.test(entry.name)) files.push(file);
    }
    for (const file of files.sort()) inputs.push(inputFile(file, path.relative(arg, file), issues));
  }
  return { inputs, issues };
}

/** Counts entity nodes by label and extracted relations in a serialised graph, as one summary phrase. */
export function summarize(graph: SerializedPlanGraph): string {
  const c: Record<string, number> = { Region: 0, Industry: 0, Project: 0, Goal: 0 };
  for (const n of graph.nodes) if (n.attributes.label in c) c[n.attributes.label]!++;
  const relations = graph.edges.filter((e) => /^(LOCATED_IN|SUPPORTS|TARGETS)$/u.test(e.attributes.type)).length;
  return `${c.Region} regions, ${c.Industry} industries, ${c.Project} projects, ${c.Goal} goals, ${relations} relations`;
}

/** What a worker thread sends back for one file. */
interface WorkerReply {
  index: number;
  graph?: SerializedPlanGraph;
  sha256?: string;
  issues?: Issue[];
  crash?: string;
}

/**
 * Runs jobs over worker threads (one per core by default) and calls back as each file finishes, in completion order.
 * A file that takes longer than `budgetMs` has its thread stopped and is reported as skipped; a fresh thread goes on.
 */
/** Runs jobs over worker threads (one per core by default) and calls back as each file finishes, in completion order. */
async function runWorkers(
  jobs: WorkerJob[],
  threads: number,
  budgetMs: number,
  onDone: (job: WorkerJob, outcome: Outcome & { sha256?: string }) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  const entry = new URL("../bin/ts-worker.js", import.meta.url);
  const module = new URL("./ingest-worker.ts", import.meta.url).href;
  const queue = [...jobs];
  const byIndex = new Map(jobs.map((j) => [j.index, j]));
  const lane = () =>
    new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const start = () => {
        const w = new Worker(entry, { workerData: { module } });
        w.on("message", (msg: WorkerReply) => {
          clearTimeout(timer);
          const job = byIndex.get(msg.index)!;
          const issues: Issue[] = msg.issues ?? [];
          if (msg.crash)
            issues.push({
              code: "ingest/crashed",
              severity: "error",
              message: `the extractor crashed on this file (please report it): ${msg.crash.split("\n")[0]}`,
              source: { file: job.display },
            });
          onDone(job, { graph: msg.graph, sha256: msg.sha256, issues });
          next();
        });
        w.on("error", reject);
        return w;
      };
      let worker = start();
      const overrun = (job: WorkerJob) => {
        worker.removeAllListeners();
        void worker.terminate();
        onDone(job, {
          issues: [
            {
              code: "ingest/time-budget",
              severity: "error",
              message: `extraction took longer than ${Math.round(budgetMs / 1000)} s and was stopped; the file was skipped (raise --time-budget, or report the file)`,
              source: { file: job.display },
            },
          ],
        });
        worker = start();
        next();
      };
      function next(): void {
        const job = queue.shift();
        if (!job) {
          void worker.terminate().then(() => resolve());
          return;
        }
        timer = setTimeout(() => overrun(job), budgetMs);
        worker.postMessage(job);
      }
      next();
    });
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, lane));
}

/** Options of an ingest run, as the command line gives them. */
export interface IngestOptions {
  out: string;
  maxBytes: number;
  quiet?: boolean;
  jobs: number;
  incremental?: boolean;
  /** Seconds one file may take before its thread is stopped and the file reported as skipped (default 120). */
  timeBudget?: number;
}

/** Ingests the given files and folders into one graph file; returns the exit code (1 when any input failed). */
export async function runIngest(paths: string[], opts: IngestOptions): Promise<number> {
  const collected = await collectInputs(paths);
  const hashed = await Promise.all(
    collected.inputs.map(async (input) =>
      readFile(input.path).then(
        (bytes) => createHash("sha256").update(bytes).digest("hex"),
        (err: unknown) => unreadable(input.path, err),
      ),
    ),
  );
  const inputIssues = [...collected.issues, ...hashed.filter((h): h is Issue => typeof h !== "string")];
  const inputs = collected.inputs.filter((_, i) => typeof hashed[i] === "string");
  const contents = hashed.filter((h): h is string => typeof h === "string");
  for (const issue of inputIssues) console.error(formatIssue(issue));
  const failedInputs = inputIssues.filter((i) => i.severity === "error").length;
  const fingerprint = await cache.extractorFingerprint();
  const plans = inputs.map((input, i) => [input.planId, contents[i]!] as [string, string]);
  if (opts.incremental && failedInputs === 0) {
    const manifest = await cache.readManifest(opts.out);
    const same =
      manifest &&
      manifest.fingerprint === fingerprint &&
      manifest.maxBytes === opts.maxBytes &&
      JSON.stringify(manifest.plans) === JSON.stringify(plans) &&
      (await cache.outputUnchanged(opts.out, manifest));
    if (same) {
      console.log(`${inputs.length} files unchanged since the last run; ${opts.out} is up to date`);
      return 0;
    }
  }

  const outcomes: Outcome[] = new Array(inputs.length);
  const jobs: WorkerJob[] = [];
  for (const [index, input] of inputs.entries()) {
    const fragment = opts.incremental
      ? await cache.readFragment(opts.out, fingerprint, input.planId, contents[index]!)
      : undefined;
    if (fragment) outcomes[index] = { graph: fragment, issues: [], cached: true };
    else jobs.push({ index, path: input.path, display: input.display, planId: input.planId, maxBytes: opts.maxBytes });
  }
  const tty = process.stderr.isTTY && !opts.quiet && jobs.length > 1;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: "ingest [{bar}] {value}/{total} files | {eta_formatted} left | {file}", etaBuffer: 30 },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(jobs.length, 0, { file: "" });
  let done = 0;
  const deferred: string[] = [];
  const report = (line: string, error = false) => {
    if (bar) deferred.push(line);
    else (error ? console.error : console.log)(line);
  };
  await runWorkers(jobs, opts.jobs, (opts.timeBudget ?? 120) * 1000, (job, outcome) => {
    outcomes[job.index] = outcome;
    done++;
    for (const issue of outcome.issues) if (issue.severity === "error" || !opts.quiet) report(formatIssue(issue), true);
    if (bar) bar.update(done, { file: job.display });
    else if (!opts.quiet)
      report(`[${done}/${jobs.length}] ${job.display}: ${outcome.graph ? summarize(outcome.graph) : "not ingested"}`);
  });
  bar?.stop();
  for (const line of deferred) console.error(line);

  const graphs = outcomes.filter((o) => o.graph).map((o) => o.graph!);
  const failed = failedInputs + outcomes.filter((o) => !o.graph).length;
  if (graphs.length === 0) {
    console.error(`plangraph ingest: no file could be ingested; ${opts.out} was not written`);
    return 1;
  }
  const graph = merge(graphs, { generator: "plangraph", extractor: fingerprint });
  await writeGraphFile(opts.out, graph);
  if (opts.incremental) {
    for (const [index, outcome] of outcomes.entries())
      if (outcome.graph && !outcome.cached)
        await cache.writeFragment(opts.out, fingerprint, inputs[index]!.planId, contents[index]!, outcome.graph);
    await cache.pruneFragments(opts.out, fingerprint);
    if (failed === 0) await cache.writeManifest(opts.out, { fingerprint, maxBytes: opts.maxBytes, plans });
  }
  const reused = outcomes.filter((o) => o.cached).length;
  console.log(
    `${graphs.length} of ${inputs.length + failedInputs} files ingested${reused ? ` (${reused} unchanged, reused)` : ""} → ${opts.out} (${summarize(graph)})`,
  );
  return failed > 0 || inputs.length === 0 ? 1 : 0;
}
