// Label and relationship-type filters on the sample plan.
import { describe, expect, it } from "vitest";
import { filterGraph } from "../../../graph/select/index.ts";
import { sampleGraph } from "../export/graphs.ts";

describe("filterGraph", () => {
  it("keeps nodes of the labels and only the edges between them", () => {
    const sample = sampleGraph();
    const regions = filterGraph(sample, { labels: ["Region"] });
    expect(regions.order).toBe(sample.filterNodes((_k, a) => a.label === "Region").length);
    expect(regions.size).toBe(
      sample.filterEdges((_k, _a, _s, _t, sa, ta) => sa.label === "Region" && ta.label === "Region").length,
    );
    regions.forEachEdge((_k, a) => expect(a.type).toBe("LOCATED_IN"));
  });

  it("keeps edges of the types and the nodes they connect, and no node left without one", () => {
    const sample = sampleGraph();
    const supports = filterGraph(sample, { types: ["SUPPORTS"] });
    expect(supports.size).toBe(sample.filterEdges((_k, a) => a.type === "SUPPORTS").length);
    supports.forEachNode((key) => expect(supports.degree(key), key).toBeGreaterThan(0));
    const industriesAndGoals = filterGraph(sample, { labels: ["Industry", "Goal"], types: ["SUPPORTS"] });
    industriesAndGoals.forEachEdge((_k, _a, _s, _t, sa, ta) => {
      expect(["Industry", "Goal"]).toContain(sa.label);
      expect(["Industry", "Goal"]).toContain(ta.label);
    });
    expect(industriesAndGoals.size).toBeGreaterThan(0);
  });

  it("refuses labels and types the schema does not know", () => {
    expect(() => filterGraph(sampleGraph(), { labels: ["City" as never] })).toThrow(
      expect.objectContaining({ code: "select/unknown-label" }),
    );
    expect(() => filterGraph(sampleGraph(), { types: ["NEAR" as never] })).toThrow(/unknown relationship type 'NEAR'/);
  });
});
