// The whole shipped corpus (307 real plans): no crash, no unreadable file, and every plan yields all four entity types.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { combine, type PlanGraph } from "../../graph/model/index.ts";
import { findEntities, namedInside, plansMentioning } from "../../graph/compare/index.ts";
import { ingestDocument } from "../../ingest/pipeline.ts";

const root = "data/corpus";
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".txt"))
  .map((e) => path.join(e.parentPath, e.name));

describe("the 307-plan corpus", () => {
  it("is all there", () => {
    expect(files).toHaveLength(307);
  });

  const graphs: PlanGraph[] = [];

  it("ingests every plan without an error and finds regions, industries, projects and goals in each", () => {
    const lacking: string[] = [];
    for (const file of files) {
      const { graph, issues } = ingestDocument(
        readFileSync(file),
        file,
        path.relative(root, file).replace(/\.txt$/u, ""),
      );
      graphs.push(graph!);
      expect(
        issues.filter((i) => i.severity === "error"),
        file,
      ).toEqual([]);
      const counts: Record<string, number> = { Region: 0, Industry: 0, Project: 0, Goal: 0 };
      graph!.forEachNode((_, a) => {
        if (a.label in counts) counts[a.label]!++;
      });
      const missing = Object.entries(counts).filter(([, n]) => n === 0);
      if (missing.length > 0) lacking.push(`${file}: no ${missing.map(([l]) => l).join(", ")}`);
    }
    expect(lacking).toEqual([]);
  }, 180_000);

  it("accounts for every plan whose text names 氢能: as a mention of industry:氢能, or inside another entity's name", () => {
    const corpus = combine(graphs);
    const withWord = files
      .filter((f) => readFileSync(f, "utf8").includes("氢能"))
      .map((f) => path.relative(root, f).replace(/\.txt$/u, ""));
    const keys = findEntities(corpus, "氢能");
    expect(keys).toEqual(["industry:氢能"]);
    const mentioning = new Set(plansMentioning(corpus, "industry:氢能").map((p) => p.plan));
    const inside = new Set(namedInside(corpus, "氢能", keys).map((x) => x.plan));
    expect(withWord.filter((p) => !mentioning.has(p) && !inside.has(p))).toEqual([]);
    expect(mentioning.size).toBeGreaterThanOrEqual(withWord.length - 5);
  });
});
