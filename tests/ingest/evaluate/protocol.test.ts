// The keep-or-reject protocol and errors by rule, on a real run over the Baoding dev gold (data/gold).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SerializedPlanGraph } from "../../../schema/index.ts";
import { parseGold } from "../../../ingest/evaluate/gold.ts";
import { compareRuns, errorsByRule, meanOf } from "../../../ingest/evaluate/protocol.ts";
import { score } from "../../../ingest/evaluate/score.ts";
import { ingestDocument } from "../../../ingest/pipeline.ts";

describe("the development protocol", () => {
  const before = {
    a: { entityF1: 0.9, relationF1: 0.7 },
    b: { entityF1: 0.8, relationF1: 0.6 },
  };

  it("keeps a change that lifts the mean with no file down by more than 0.02", () => {
    const after = { a: { entityF1: 0.95, relationF1: 0.72 }, b: { entityF1: 0.79, relationF1: 0.59 } };
    const verdict = compareRuns(after, before);
    expect(verdict).toMatchObject({ kept: true, drops: [], meanDelta: { entityF1: 0.02, relationF1: 0.005 } });
  });

  it("rejects a change that lifts one file and drops another by more than 0.02 (overfitting)", () => {
    const after = { a: { entityF1: 0.99, relationF1: 0.8 }, b: { entityF1: 0.75, relationF1: 0.6 } };
    const verdict = compareRuns(after, before);
    expect(verdict.kept).toBe(false);
    expect(verdict.drops).toEqual([{ file: "b", measure: "entity", delta: -0.05 }]);
  });

  it("rejects a change that lowers a mean even within the per-file tolerance", () => {
    const after = { a: { entityF1: 0.89, relationF1: 0.7 }, b: { entityF1: 0.79, relationF1: 0.6 } };
    expect(compareRuns(after, before).kept).toBe(false);
    expect(meanOf(after)).toEqual({ entityF1: 0.84, relationF1: 0.65 });
  });

  it("groups a real run's false positives by the rule that made them, every one accounted for", () => {
    const gold = parseGold(JSON.parse(readFileSync("data/gold/baoding.excerpt.gold.json", "utf8")), "baoding");
    const { graph } = ingestDocument(readFileSync(`data/gold/inputs/${gold.document}`), gold.document, "baoding");
    const serialized = graph!.export() as unknown as SerializedPlanGraph;
    const result = score(serialized, gold);
    const groups = errorsByRule(serialized, result);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(result.falsePositives.length);
    expect(groups.every((g) => !g.rule.includes("no rule recorded") && !g.rule.includes("no cue"))).toBe(true);
    expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((x, y) => y - x));
  });
});
