// The `plangraph compare`, `mentions` and `stats` commands: cross-plan questions answered from one graph file.
import type { Command } from "commander";

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) =>
    Math.max(
      ...rows.map((r) => [...(r[i] ?? "")].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0)),
    ),
  );
  return rows
    .map((r) =>
      r
        .map(
          (cell, i) =>
            cell +
            " ".repeat(
              widths[i]! - [...cell].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(c) ? 2 : 1), 0),
            ),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Registers `plangraph compare`, `plangraph mentions` and `plangraph stats`. */
export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description(
      "compare two plans: entities and relations in both, only in A, only in B, and their goals side by side",
    )
    .argument("<planA>", "plan id, file, title words or issuing region (河北, 广东省)")
    .argument("<planB>", "the other plan")
    .requiredOption("-g, --graph <file>", "graph JSON holding both plans (plangraph ingest … --out)")
    .option("-n, --limit <n>", "names to list per group", (v) => Number(v), 15)
    .option("--json", "print the whole comparison as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  plangraph ingest data/corpus --out out/corpus.json\n  plangraph compare 河北省 广东省 --graph out/corpus.json",
    )
    .action(async (a: string, b: string, opts: { graph: string; limit: number; json?: boolean }) => {
      const { openStore } = await import("../graph/store/index.ts");
      const store = await openStore({ kind: "memory", file: opts.graph });
      const result = await store.comparePlans(a, b).finally(() => store.close());
      if (opts.json) return console.log(JSON.stringify(result, null, 2));
      console.log(`A: ${result.a.title} (${result.a.id})\nB: ${result.b.title} (${result.b.id})\n`);
      const names = (list: { name: string }[]) =>
        list
          .slice(0, opts.limit)
          .map((x) => x.name)
          .join("、") + (list.length > opts.limit ? ` … (+${list.length - opts.limit})` : "");
      const rows = [["entities", "both", "only A", "only B"]];
      for (const [label, split] of Object.entries(result.entities))
        rows.push([label, String(split.both.length), String(split.onlyA.length), String(split.onlyB.length)]);
      for (const [type, split] of Object.entries(result.relations))
        rows.push([type, String(split.both.length), String(split.onlyA.length), String(split.onlyB.length)]);
      console.log(table(rows));
      for (const [label, split] of Object.entries(result.entities)) {
        console.log(
          `\n${label}\n  both:   ${names(split.both)}\n  only A: ${names(split.onlyA)}\n  only B: ${names(split.onlyB)}`,
        );
      }
      const goalRows = [["goal in A", "goal in B", "metric", "A", "B"]];
      for (const g of result.goals.filter((x) => x.a && x.b).slice(0, opts.limit)) {
        const v = (x: typeof g.a) =>
          x?.value !== undefined
            ? `${x.value}${x.unit ?? ""}${x.horizon ? ` (${x.horizon})` : ""}`
            : x?.horizon
              ? `(${x.horizon})`
              : "";
        goalRows.push([
          g.a!.name.slice(0, 24),
          g.b!.name.slice(0, 24),
          g.a!.metric ?? g.b!.metric ?? "",
          v(g.a),
          v(g.b),
        ]);
      }
      console.log(
        `\ngoals side by side (${result.goals.filter((x) => x.a && x.b).length} paired, ${result.goals.filter((x) => !x.b).length} only A, ${result.goals.filter((x) => !x.a).length} only B)\n${table(goalRows)}`,
      );
    });

  program
    .command("mentions")
    .description("which plans mention an entity, with the number of sentences in each")
    .argument("<entity>", "entity id (industry:氢能) or name or alias (氢能, 雄安)")
    .requiredOption("-g, --graph <file>", "graph JSON (plangraph ingest … --out)")
    .option("--json", "print JSON")
    .action(async (entity: string, opts: { graph: string; json?: boolean }) => {
      const { openGraphFile } = await import("../graph/model/index.ts");
      const { findEntities, namedInside, plansMentioning } = await import("../graph/compare/index.ts");
      const graph = await openGraphFile(opts.graph);
      const keys = findEntities(graph, entity);
      if (keys.length === 0) {
        console.error(`plangraph mentions: no entity named "${entity}" in ${opts.graph}`);
        process.exitCode = 1;
        return;
      }
      const result = keys.map((key) => ({ key, plans: plansMentioning(graph, key) }));
      const inside = namedInside(graph, entity, keys);
      if (opts.json) return console.log(JSON.stringify({ entities: result, insideOtherNames: inside }, null, 2));
      for (const { key, plans } of result) {
        console.log(`${key}: mentioned by ${plans.length} plan${plans.length === 1 ? "" : "s"}`);
        console.log(
          table([
            ["plan", "region", "level", "sentences"],
            ...plans.map((p) => [p.plan, p.region ?? "", p.level ?? "", String(p.sentences)]),
          ]),
        );
      }
      if (inside.length > 0) {
        console.log(
          `\n${inside.length} more plan${inside.length === 1 ? "" : "s"} name "${entity}" only inside other names:`,
        );
        console.log(table([["plan", "named in"], ...inside.map((x) => [x.plan, x.names.join("、")])]));
      }
    });

  program
    .command("stats")
    .description(
      "what a graph holds: plans by genre and level, and the regions and industries mentioned by the most plans",
    )
    .requiredOption("-g, --graph <file>", "graph JSON (plangraph ingest … --out)")
    .option("-n, --limit <n>", "how many entities to list per label", (v) => Number(v), 10)
    .action(async (opts: { graph: string; limit: number }) => {
      const { openGraphFile } = await import("../graph/model/index.ts");
      const { mostMentioned } = await import("../graph/compare/index.ts");
      const graph = await openGraphFile(opts.graph);
      const plans = new Map<string, number>();
      graph.forEachNode((_, a) => {
        if (a.label === "Plan")
          plans.set(`${a.genre} / ${a.level ?? "?"}`, (plans.get(`${a.genre} / ${a.level ?? "?"}`) ?? 0) + 1);
      });
      console.log(
        table([
          ["plans: genre / level", "count"],
          ...[...plans].sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, String(v)]),
        ]),
      );
      for (const label of ["Region", "Industry", "Project", "Goal"] as const) {
        const top = mostMentioned(graph, label, opts.limit);
        const plural = { Region: "Regions", Industry: "Industries", Project: "Projects", Goal: "Goals" }[label];
        console.log(
          `\n${plural} mentioned by the most plans\n${table([["#", "name", "plans"], ...top.map((t, i) => [String(i + 1), t.name, String(t.plans)])])}`,
        );
      }
    });
}
