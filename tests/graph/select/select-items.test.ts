// Selecting by id list (the explorer's view, a Cypher result): listed nodes and edges, ends added, unknown ids refused.
import { describe, expect, it } from "vitest";
import { selectItems } from "../../../graph/select/index.ts";
import { sampleGraph } from "../export/graphs.ts";

const LOCATED = "LOCATED_IN:project:北京现代沧州工厂->region:沧州@hebei-14th-fyp-proposal";

describe("selectItems", () => {
  it("keeps the listed edges and adds their ends", () => {
    const part = selectItems(sampleGraph(), { nodes: ["region:雄安新区"], edges: [LOCATED] });
    expect(part.nodes().sort()).toEqual(["project:北京现代沧州工厂", "region:沧州", "region:雄安新区"]);
    expect(part.edges()).toEqual([LOCATED]);
  });

  it("keeps every edge between the listed nodes when no edges are listed", () => {
    const sample = sampleGraph();
    const part = selectItems(sample, { nodes: ["project:北京现代沧州工厂", "region:沧州"] });
    expect(part.edges()).toEqual(sample.edges("project:北京现代沧州工厂", "region:沧州"));
  });

  it("refuses ids the graph does not hold, naming them", () => {
    expect(() => selectItems(sampleGraph(), { nodes: ["region:火星"] })).toThrow(
      expect.objectContaining({ code: "select/unknown-item", candidates: ["region:火星"] }),
    );
    expect(() => selectItems(sampleGraph(), { edges: ["SUPPORTS:a->b@x"] })).toThrow(
      /1 edge key\(s\) not in this graph/,
    );
  });
});
