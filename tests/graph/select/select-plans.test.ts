// Selecting by plan on a two-plan graph: a plan's statements and the entities they touch, shared entities included once.
import { describe, expect, it } from "vitest";
import { combine } from "../../../graph/model/index.ts";
import { selectPlans } from "../../../graph/select/index.ts";
import { SAMPLE_PLAN, sampleGraph, specialCharacters } from "../export/graphs.ts";

const OTHER = "hebei-special-characters";
const both = () => combine([sampleGraph(), specialCharacters()]);

describe("selectPlans", () => {
  it("keeps exactly the edges a plan states and their ends", () => {
    const graph = both();
    const part = selectPlans(graph, [SAMPLE_PLAN]);
    expect(new Set(part.edges())).toEqual(new Set(graph.filterEdges((_k, a) => a.plan === SAMPLE_PLAN)));
    const ends = new Set(part.edges().flatMap((e) => [part.source(e), part.target(e)]));
    expect(new Set(part.nodes())).toEqual(ends);
    expect(part.hasNode(`plan:${SAMPLE_PLAN}`)).toBe(true);
    expect(part.hasNode(`plan:${OTHER}`)).toBe(false);
    expect(part.hasNode(`section:${OTHER}/1`)).toBe(false);
  });

  it("keeps an entity both plans mention, with only the selected plan's relations", () => {
    const part = selectPlans(both(), [OTHER]);
    expect(part.hasNode("region:雄安新区")).toBe(true);
    expect(part.hasEdge(`LOCATED_IN:project:京雄城际铁路->region:雄安新区@${OTHER}`)).toBe(true);
    part.forEachEdge((_k, attrs) => expect(attrs.plan).toBe(OTHER));
    expect(part.order).toBe(specialCharacters().order);
    expect(part.size).toBe(specialCharacters().size);
  });

  it("selects every plan's statements when given every plan", () => {
    const graph = both();
    const all = selectPlans(graph, [SAMPLE_PLAN, OTHER]);
    expect([all.order, all.size]).toEqual([graph.order, graph.size]);
  });
});
