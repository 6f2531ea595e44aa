// Tests for the evaluator's matching rules on small hand-made graphs: normalisation, goal similarity, duplicates, chains.
import { describe, expect, it } from "vitest";
import type { SerializedPlanGraph } from "../../../schema/index.ts";
import type { GoldFile } from "../../../ingest/evaluate/gold.ts";
import { formatScore, score } from "../../../ingest/evaluate/score.ts";

function graph(
  nodes: [string, string, string, string[]?][],
  edges: [string, string, string][] = [],
): SerializedPlanGraph {
  return {
    attributes: {},
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: nodes.map(([key, label, name, aliases]) => ({ key, attributes: { label, name, aliases: aliases ?? [] } })),
    edges: edges.map(([type, source, target], i) => ({ key: `e${i}`, source, target, attributes: { type } })),
  } as unknown as SerializedPlanGraph;
}

const gold: GoldFile = {
  document: "x.txt",
  entities: [
    { type: "Region", name: "河北", aliases: ["河北省", "冀"] },
    { type: "Region", name: "唐山" },
    { type: "Region", name: "曹妃甸区" },
    { type: "Industry", name: "氢能" },
    { type: "Goal", name: "营商环境达到全国一流水平" },
  ],
  relations: [
    { type: "LOCATED_IN", source: "Region:曹妃甸区", target: "Region:唐山" },
    { type: "LOCATED_IN", source: "Region:唐山", target: "Region:河北" },
    { type: "TARGETS", source: "Region:河北", target: "Industry:氢能" },
  ],
};

describe("score", () => {
  it("matches names after dropping 省/市 for regions and 产业 for industries", () => {
    const r = score(
      graph([
        ["a", "Region", "河北省"],
        ["b", "Region", "唐山市"],
        ["c", "Industry", "氢能产业"],
      ]),
      gold,
    );
    expect(r.entities.Region).toMatchObject({ tp: 2, fp: 0, fn: 1 });
    expect(r.entities.Industry).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });

  it("matches a goal that contains the gold clause or shares most bigrams, and counts a second match as a duplicate", () => {
    const r = score(
      graph([
        ["g1", "Goal", "到2025年营商环境达到全国一流水平"],
        ["g2", "Goal", "营商环境达到全国一流"],
      ]),
      gold,
    );
    expect(r.entities.Goal).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.falsePositives).toEqual([expect.stringMatching(/duplicate/)]);
  });

  it("does not match different goals or industries by similarity", () => {
    const r = score(
      graph([
        ["g", "Goal", "基本消除重污染天气"],
        ["i", "Industry", "氢能源汽车"],
      ]),
      gold,
    );
    expect(r.entities.all).toMatchObject({ tp: 0, fp: 2, fn: 5 });
  });

  it("scores relations by their matched ends and ignores a LOCATED_IN that only holds through the gold chain", () => {
    const g = graph(
      [
        ["h", "Region", "河北"],
        ["t", "Region", "唐山"],
        ["c", "Region", "曹妃甸区"],
        ["i", "Industry", "氢能"],
      ],
      [
        ["LOCATED_IN", "c", "t"],
        ["LOCATED_IN", "c", "h"],
        ["TARGETS", "t", "i"],
      ],
    );
    const r = score(g, gold);
    expect(r.relations.LOCATED_IN).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(r.relations.TARGETS).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(r.relations.all.precision).toBeCloseTo(0.5, 3);
    expect(formatScore(r, 5)).toMatch(/missed \(first 5\):(\n {2}.*)*\n {2}LOCATED_IN Region:唐山 -> Region:河北/u);
  });
});
