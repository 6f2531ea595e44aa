// The `plangraph eval` command: scores a graph against a hand-made gold file, per entity and relation type.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { readGraphFile } from "../graph/model/index.ts";
import { parseGold } from "../ingest/evaluate/gold.ts";
import { formatScore, score } from "../ingest/evaluate/score.ts";

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

/** Registers `plangraph eval`. */
export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("score an extracted graph against a gold file: precision, recall and F1 per entity and relation type")
    .requiredOption("-g, --graph <file>", "graph JSON written by `plangraph ingest`")
    .requiredOption(
      "--gold <file>",
      "gold file: {document, entities: [{type, name, aliases}], relations: [{type, source: 'Type:name', target}]}",
    )
    .option("-e, --errors <n>", "list the first N false positives and misses", (v) => Number(v), 0)
    .option("--json", "print the scores as JSON")
    .addHelpText(
      "after",
      `
Names match after NFKC and without spaces or quote marks; a trailing 省/市 (regions) or 产业/产业链/行业
(industries) does not count; goals also match when one clause contains the other (6+ characters) or
their character bigrams overlap (Dice ≥ 0.6). Each gold entity is matched once.

Example:
  plangraph ingest plan.txt --out plan.json && plangraph eval --graph plan.json --gold plan.gold.json --errors 20`,
    )
    .action(async (opts: { graph: string; gold: string; errors: number; json?: boolean }) => {
      const { graph } = await readGraphFile(opts.graph);
      const gold = parseGold(await readJson(opts.gold, "gold file"), opts.gold);
      const result = score(graph, gold);
      if (opts.json)
        console.log(
          JSON.stringify(opts.errors ? result : { entities: result.entities, relations: result.relations }, null, 2),
        );
      else console.log(formatScore(result, opts.errors));
    });
}
