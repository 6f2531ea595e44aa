// select() composes the selections in a fixed order and never changes the graph it is given.
import { describe, expect, it } from "vitest";
import { combine } from "../../../graph/model/index.ts";
import { select, selectEgo, selectPlans } from "../../../graph/select/index.ts";
import { SAMPLE_PLAN, sampleGraph, specialCharacters } from "../export/graphs.ts";

describe("select", () => {
  it("selects the whole graph, without copying it, when nothing narrows it", () => {
    const sample = sampleGraph();
    expect(select(sample, { derived: true })).toBe(sample);
    expect(select(sample, { plans: [], derived: true })).toBe(sample);
  });

  it("leaves the derived relations out unless asked for, sharing the attributes rather than copying them", () => {
    const sample = sampleGraph();
    const derived = sample.filterEdges((_e, a) => a.type === "DEVELOPS" || a.type === "PURSUES");
    expect(derived.length).toBeGreaterThan(0);
    const plain = select(sample, {});
    expect(plain.size).toBe(sample.size - derived.length);
    expect(plain.order).toBe(sample.order);
    expect(plain.getNodeAttributes("region:河北")).toBe(sample.getNodeAttributes("region:河北"));
    expect(select(sample, { types: ["DEVELOPS"] }).size).toBe(
      sample.filterEdges((_e, a) => a.type === "DEVELOPS").length,
    );
  });

  it("applies plans before the ego network, so the ego network only follows that plan's relations", () => {
    const graph = combine([sampleGraph(), specialCharacters()]);
    const ego = select(graph, { plans: ["hebei-special-characters"], ego: { node: "雄安新区", depth: 1 } });
    expect(ego.export()).toStrictEqual(
      selectEgo(selectPlans(graph, ["hebei-special-characters"]), "雄安新区", 1).export(),
    );
    expect(ego.nodes().sort()).toEqual(["project:京雄城际铁路", "region:河北", "region:雄安新区"]);
  });

  it("applies label and type filters before the ego network", () => {
    const ego = select(sampleGraph(), {
      types: ["LOCATED_IN"],
      labels: ["Region"],
      ego: { node: "雄安新区", depth: 3 },
    });
    ego.forEachNode((_k, a) => expect(a.label).toBe("Region"));
    ego.forEachEdge((_k, a) => expect(a.type).toBe("LOCATED_IN"));
    expect(ego.hasNode("region:河北")).toBe(true);
  });

  it("leaves the source graph unchanged", () => {
    const graph = combine([sampleGraph(), specialCharacters()]);
    const before = JSON.stringify(graph.export());
    const part = select(graph, { plans: [SAMPLE_PLAN], ego: { node: "雄安新区", depth: 2 } });
    part.setNodeAttribute("region:雄安新区", "name", "changed");
    part.dropNode("region:河北");
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
