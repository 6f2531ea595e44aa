// The extraction quality floor on the dev gold, measured with the project's own evaluator (a floor, not a timing).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SerializedPlanGraph } from "../../schema/index.ts";
import { parseGold } from "../../ingest/evaluate/gold.ts";
import { score } from "../../ingest/evaluate/score.ts";
import { ingestDocument } from "../../ingest/pipeline.ts";

function evaluate(folder: string) {
  const input = readFileSync(`tests/fixtures/${folder}/input.txt`);
  const { graph, issues } = ingestDocument(input, `${folder}/input.txt`, folder);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  const gold = parseGold(JSON.parse(readFileSync(`tests/fixtures/${folder}/gold.json`, "utf8")), "gold.json");
  return score(graph!.export() as unknown as SerializedPlanGraph, gold);
}

describe("extraction quality on the dev gold", () => {
  it("reaches entity F1 ≥ 0.80 and relation F1 ≥ 0.50 on the sample plan (part 1)", () => {
    const result = evaluate("hebei-part1");
    expect(result.entities.all.f1).toBeGreaterThanOrEqual(0.8);
    expect(result.relations.all.f1).toBeGreaterThanOrEqual(0.5);
    for (const label of ["Region", "Industry", "Project", "Goal"] as const)
      expect(result.entities[label].f1).toBeGreaterThanOrEqual(0.7);
  });

  it("reaches entity F1 ≥ 0.70 and relation F1 ≥ 0.40 on the newline-paragraph layout of a work report", () => {
    const result = evaluate("baoding-excerpt");
    expect(result.entities.all.f1).toBeGreaterThanOrEqual(0.7);
    expect(result.relations.all.f1).toBeGreaterThanOrEqual(0.4);
  });
});
