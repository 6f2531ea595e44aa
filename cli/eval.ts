// The `plangraph eval` command: scores a graph against a gold file, or every plan of a gold folder with the keep-or-reject protocol.
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import type { SerializedPlanGraph } from "../schema/index.ts";
import { readGraphFile } from "../graph/model/index.ts";
import { parseGold } from "../ingest/evaluate/gold.ts";
import { compareRuns, errorsByRule, meanOf, MAX_FILE_DROP, type RunScores } from "../ingest/evaluate/protocol.ts";
import { formatScore, score, type Score } from "../ingest/evaluate/score.ts";
import { ingestDocument } from "../ingest/pipeline.ts";

async function readJson(file: string, what: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw Object.assign(new Error(`plangraph eval: cannot read the ${what} ${file} (${err.code ?? err.message})`), {
      code: "eval/unreadable",
    });
  });
  try {
    return JSON.parse(text);
  } catch (err) {
    throw Object.assign(
      new Error(`plangraph eval: the ${what} ${file} is not valid JSON (${(err as Error).message})`),
      { code: "eval/bad-json" },
    );
  }
}

/** One gold file of a folder, ingested and scored. */
interface FolderResult {
  file: string;
  graph: SerializedPlanGraph;
  result: Score;
}

/** Ingests the input of every `*.gold.json` in a folder (found in `inputs/` or beside it) and scores it. */
async function scoreFolder(dir: string): Promise<FolderResult[]> {
  const names = (
    await readdir(dir).catch((err: NodeJS.ErrnoException) => {
      throw Object.assign(
        new Error(`plangraph eval: cannot read the gold folder ${dir} (${err.code ?? err.message})`),
        {
          code: "eval/unreadable",
        },
      );
    })
  )
    .filter((f) => f.endsWith(".gold.json"))
    .sort();
  if (names.length === 0)
    throw Object.assign(new Error(`plangraph eval: no *.gold.json files in ${dir}`), { code: "eval/unreadable" });
  const out: FolderResult[] = [];
  for (const name of names) {
    const gold = parseGold(await readJson(path.join(dir, name), "gold file"), name);
    const candidates = [path.join(dir, "inputs", gold.document), path.join(dir, gold.document)];
    const bytes = await readFile(candidates[0]!)
      .catch(() => readFile(candidates[1]!))
      .catch(() => {
        throw Object.assign(
          new Error(
            `plangraph eval: ${name} names the document '${gold.document}', found neither ${candidates.join(" nor ")}`,
          ),
          { code: "eval/unreadable" },
        );
      });
    const { graph } = ingestDocument(bytes, gold.document, name.replace(/\.gold\.json$/u, ""));
    if (!graph)
      throw Object.assign(new Error(`plangraph eval: ${gold.document} could not be read`), { code: "eval/unreadable" });
    const serialized = graph.export() as unknown as SerializedPlanGraph;
    out.push({ file: name.replace(/\.gold\.json$/u, ""), graph: serialized, result: score(serialized, gold) });
  }
  return out;
}

const f3 = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

/** The per-file table, the means, errors by rule, and the verdict against a baseline. */
function report(
  results: FolderResult[],
  baseline: RunScores | undefined,
  errors: number,
): { text: string; run: RunScores; kept: boolean } {
  const run: RunScores = Object.fromEntries(
    results.map((r) => [r.file, { entityF1: r.result.entities.all.f1, relationF1: r.result.relations.all.f1 }]),
  );
  const width = Math.max(8, ...results.map((r) => r.file.length));
  const lines = [
    `${"file".padEnd(width)}  entity P / R / F1       relation P / R / F1${baseline ? "      Δ entity  Δ relation" : ""}`,
  ];
  for (const { file, result } of results) {
    const e = result.entities.all;
    const r = result.relations.all;
    const before = baseline?.[file];
    const delta = before
      ? `      ${signed(e.f1 - before.entityF1).padStart(8)}  ${signed(r.f1 - before.relationF1).padStart(9)}`
      : "";
    lines.push(
      `${file.padEnd(width)}  ${f3(e.precision)} / ${f3(e.recall)} / ${f3(e.f1)}   ${f3(r.precision)} / ${f3(r.recall)} / ${f3(r.f1)}${delta}`,
    );
  }
  const mean = meanOf(run);
  lines.push(`${"mean".padEnd(width)}  F1 ${f3(mean.entityF1)}               F1 ${f3(mean.relationF1)}`);
  if (errors > 0)
    for (const { file, graph, result } of results) {
      lines.push("", `${file}: false positives by rule`);
      for (const g of errorsByRule(graph, result).slice(0, errors))
        lines.push(`  ${String(g.count).padStart(3)}  ${g.rule}: ${g.examples.slice(0, 4).join("; ")}`);
      lines.push(`${file}: missed (first ${errors})`, ...result.missed.slice(0, errors).map((m) => `       ${m}`));
    }
  let kept = true;
  if (baseline) {
    const verdict = compareRuns(run, baseline);
    kept = verdict.kept;
    lines.push(
      "",
      `against the baseline: mean entity F1 ${signed(verdict.meanDelta.entityF1)}, relation F1 ${signed(verdict.meanDelta.relationF1)}`,
      ...verdict.drops.map((d) => `  ${d.file}: ${d.measure} F1 ${signed(d.delta)} (more than ${MAX_FILE_DROP} down)`),
      verdict.kept
        ? "kept: no mean fell and no file dropped by more than 0.02"
        : "rejected: undo the change or fix what it broke",
    );
  }
  return { text: lines.join("\n"), run, kept };
}

/** Registers `plangraph eval`. */
export function registerEval(program: Command): void {
  program
    .command("eval")
    .description(
      "score extraction against hand-made gold files: one graph and one gold file, or every plan of a gold folder",
    )
    .option("-g, --graph <file>", "graph JSON written by `plangraph ingest` (with --gold)")
    .option(
      "--gold <file>",
      "gold file: {document, entities: [{type, name, aliases}], relations: [{type, source: 'Type:name', target}]}",
    )
    .option(
      "-d, --gold-dir <folder>",
      "folder of *.gold.json files with their inputs in inputs/: ingest and score each",
    )
    .option("--save <file>", "with --gold-dir: write the run's per-file F1 to a file, to be a later --baseline")
    .option(
      "--baseline <file>",
      "with --gold-dir: compare with a saved run; exit 1 when a mean falls or a file drops > 0.02",
    )
    .option(
      "-e, --errors <n>",
      "list the first N false positives (by rule with --gold-dir) and misses",
      (v) => Number(v),
      0,
    )
    .option("--json", "print the scores as JSON")
    .addHelpText(
      "after",
      `
Names match after NFKC and without spaces or quote marks; a trailing 省/市 (regions) or 产业/产业链/行业
(industries) does not count; goals also match when one clause contains the other (6+ characters) or
their character bigrams overlap (Dice ≥ 0.6). Each gold entity is matched once.

The protocol for changing a rule: save a run, change the rule, run again against it; keep the change
when neither mean falls and no file drops by more than 0.02.

Examples:
  plangraph ingest plan.txt --out plan.json && plangraph eval --graph plan.json --gold plan.gold.json --errors 20
  plangraph eval --gold-dir data/gold --save before.json
  plangraph eval --gold-dir data/gold --baseline before.json --errors 10`,
    )
    .action(
      async (opts: {
        graph?: string;
        gold?: string;
        goldDir?: string;
        save?: string;
        baseline?: string;
        errors: number;
        json?: boolean;
      }) => {
        if (opts.goldDir) {
          const baseline = opts.baseline ? ((await readJson(opts.baseline, "baseline run")) as RunScores) : undefined;
          const { text, run, kept } = report(await scoreFolder(opts.goldDir), baseline, opts.errors);
          console.log(opts.json ? JSON.stringify({ files: run, mean: meanOf(run) }, null, 2) : text);
          if (opts.save) await writeFile(opts.save, `${JSON.stringify(run, null, 1)}\n`);
          if (!kept) process.exitCode = 1;
          return;
        }
        if (!opts.graph || !opts.gold)
          throw Object.assign(new Error("plangraph eval: give --graph and --gold, or --gold-dir"), {
            code: "eval/usage",
          });
        const { graph } = await readGraphFile(opts.graph);
        const gold = parseGold(await readJson(opts.gold, "gold file"), opts.gold);
        const result = score(graph, gold);
        if (opts.json)
          console.log(
            JSON.stringify(opts.errors ? result : { entities: result.entities, relations: result.relations }, null, 2),
          );
        else console.log(formatScore(result, opts.errors));
      },
    );
}
