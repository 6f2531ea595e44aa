// The extraction quality floor on the dev gold in data/gold (four plans of different layouts), measured with the project's own evaluator.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SerializedPlanGraph } from "../../schema/index.ts";
import { parseGold } from "../../ingest/evaluate/gold.ts";
import { score } from "../../ingest/evaluate/score.ts";
import { ingestDocument } from "../../ingest/pipeline.ts";

function evaluate(name: string) {
  const gold = parseGold(JSON.parse(readFileSync(`data/gold/${name}.gold.json`, "utf8")), `${name}.gold.json`);
  const { graph, issues } = ingestDocument(readFileSync(`data/gold/inputs/${gold.document}`), gold.document, name);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return score(graph!.export() as unknown as SerializedPlanGraph, gold);
}

/** [gold file, what it is, entity F1 floor, relation F1 floor]: the floors issue 9 sets for each dev file. */
const FLOORS: [string, string, number, number][] = [
  ["hebei.part1", "the sample plan, chapters 一–七 (a five-year-plan proposal)", 0.9, 0.75],
  ["baoding.excerpt", "a city work report in newline paragraphs", 0.9, 0.75],
  ["national-14th-fyp-outline.excerpt", "two chapters of the national outline, lists of industries", 0.8, 0.55],
  ["sichuan-2021-work-report.excerpt", "a provincial work report with its own numbering and many places", 0.8, 0.55],
];

describe("extraction quality on the dev gold", () => {
  it.each(FLOORS)("%s (%s) reaches entity F1 ≥ %d and relation F1 ≥ %d", (name, _what, entityFloor, relationFloor) => {
    const result = evaluate(name);
    expect(result.entities.all.f1).toBeGreaterThanOrEqual(entityFloor);
    expect(result.relations.all.f1).toBeGreaterThanOrEqual(relationFloor);
  });

  it("finds every entity type on the sample plan with F1 ≥ 0.8 each", () => {
    const result = evaluate("hebei.part1");
    for (const label of ["Region", "Industry", "Project", "Goal"] as const)
      expect(result.entities[label].f1).toBeGreaterThanOrEqual(0.8);
  });
});
