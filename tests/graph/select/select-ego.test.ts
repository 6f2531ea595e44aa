// Ego networks on the sample plan, checked against graphology-shortest-path's distances over the relation edges.
import { singleSourceLength } from "graphology-shortest-path/unweighted";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { RELATION_TYPES, isEntityLabel } from "../../../schema/index.ts";
import { SelectError, selectEgo } from "../../../graph/select/index.ts";
import { sampleGraph } from "../export/graphs.ts";

/** Distances from a node along relations in either direction, computed by graphology-shortest-path. */
function distances(center: string): Record<string, number> {
  const sample = sampleGraph();
  const relations = new Graph({ type: "undirected", multi: true });
  sample.forEachNode((key) => relations.addNode(key));
  sample.forEachEdge((_k, attrs, s, t) => {
    if ((RELATION_TYPES as readonly string[]).includes(attrs.type)) relations.addEdge(s, t);
  });
  return singleSourceLength(relations, center);
}

describe("selectEgo", () => {
  for (const depth of [1, 2, 3]) {
    it(`keeps exactly the entities within ${depth} relation step(s) of 雄安新区 and the relations among them`, () => {
      const sample = sampleGraph();
      const ego = selectEgo(sample, "雄安新区", depth);
      const expected = Object.entries(distances("region:雄安新区"))
        .filter(([, d]) => d <= depth)
        .map(([k]) => k);
      expect(new Set(ego.nodes())).toEqual(new Set(expected));
      const relations = sample.filterEdges(
        (_k, a, s, t) => (RELATION_TYPES as readonly string[]).includes(a.type) && ego.hasNode(s) && ego.hasNode(t),
      );
      expect(new Set(ego.edges())).toEqual(new Set(relations));
      ego.forEachNode((_k, a) => expect(isEntityLabel(a.label)).toBe(true));
      ego.forEachEdge((key, attrs) => expect(attrs).toStrictEqual(sample.getEdgeAttributes(key)));
    });
  }

  it("grows with depth and always holds the centre", () => {
    const sizes = [1, 2, 3].map((d) => selectEgo(sampleGraph(), "region:雄安新区", d).order);
    expect(sizes[0]).toBeGreaterThan(1);
    expect(sizes[1]).toBeGreaterThan(sizes[0] as number);
    expect(sizes[2]).toBeGreaterThanOrEqual(sizes[1] as number);
  });

  it("refuses depths outside 1–3 and centres that are not entities, with codes", () => {
    expect(() => selectEgo(sampleGraph(), "雄安新区", 4)).toThrow(
      expect.objectContaining({ code: "select/bad-depth" }),
    );
    expect(() => selectEgo(sampleGraph(), "雄安新区", 0)).toThrow(SelectError);
    expect(() => selectEgo(sampleGraph(), "plan:hebei-14th-fyp-proposal", 1)).toThrow(
      expect.objectContaining({ code: "select/not-an-entity" }),
    );
  });
});
