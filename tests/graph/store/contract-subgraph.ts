// The GraphStore contract's subgraph part: what an export selects, the same in every store and the same as graph/select.
import { describe, expect, it } from "vitest";
import type { GraphStore, SubgraphSelection } from "../../../graph/store/index.ts";
import { fromSerialized } from "../../../graph/model/index.ts";
import { select } from "../../../graph/select/index.ts";
import { contractGraph, PROPOSAL, REPORT } from "./fixture.ts";

const keysOf = (items: { key: string }[]) => items.map((i) => i.key).sort();

/** The node and edge keys graph/select picks from the contract graph for the same selection (plans given as ids). */
function expected(selection: SubgraphSelection) {
  const { plans, labels, types, ego } = selection;
  const graph = select(fromSerialized(contractGraph()), {
    ...(plans ? { plans } : {}),
    ...(labels ? { labels } : {}),
    ...(types ? { types } : {}),
    ...(ego ? { ego } : {}),
  });
  return { nodes: [...graph.nodes()].sort(), edges: [...graph.edges()].sort() };
}

/** Registers the subgraph tests of the contract; `store` gives the store the suite opened. */
export function describeSubgraphContract(store: () => GraphStore): void {
  describe("subgraph", () => {
    it("returns the chosen nodes with every attribute and the edges among them", async () => {
      const chosen = ["region:雄安新区", "region:河北", "project:京雄城际铁路"];
      const sub = await store().subgraph({ nodes: chosen });
      expect(keysOf(sub.nodes)).toEqual([...chosen].sort());
      expect(sub.edges.map((e) => e.attributes.type)).toEqual(sub.edges.map(() => "LOCATED_IN"));
      expect(sub.edges).toHaveLength(4);
      const edge = sub.edges.find((e) => e.key === `LOCATED_IN:project:京雄城际铁路->region:雄安新区@${REPORT}`);
      expect(edge?.attributes).toMatchObject({ type: "LOCATED_IN", plan: REPORT });
      expect((edge?.attributes as { evidence: { sentence: string }[] }).evidence[0]?.sentence).toContain("京雄城际");
      await expect(store().subgraph({ nodes: ["region:上海"] })).rejects.toMatchObject({ code: "store/not-found" });
    });

    it("keeps only the listed edges when edges are given, bringing their ends along", async () => {
      const key = `SUPPORTS:project:京张高铁->goal:京津冀协同发展@${PROPOSAL}`;
      const sub = await store().subgraph({ nodes: ["region:唐山"], edges: [key] });
      expect(keysOf(sub.nodes)).toEqual(["goal:京津冀协同发展", "project:京张高铁", "region:唐山"]);
      expect(sub.edges.map((e) => e.key)).toEqual([key]);
      await expect(store().subgraph({ edges: ["SUPPORTS:project:x->goal:y@z"] })).rejects.toMatchObject({
        code: "store/not-found",
      });
    });

    it("returns a whole plan with its text, sections and provenance edges", async () => {
      const sub = await store().subgraph({ plans: [REPORT] });
      const plan = sub.nodes.find((n) => n.key === `plan:${REPORT}`);
      expect((plan?.attributes as { text: string }).text).toContain("唐山市转型升级成效显著");
      expect(sub.nodes.filter((n) => n.attributes.label === "Section")).toHaveLength(1);
      expect(sub.edges.every((e) => e.attributes.plan === REPORT)).toBe(true);
      expect(new Set(sub.edges.map((e) => e.attributes.type))).toEqual(
        new Set(["PART_OF", "ISSUED_BY", "MENTIONED_IN", "LOCATED_IN", "TARGETS"]),
      );
    });

    it("finds plans as a person names them, like comparing does, and lists candidates when several match", async () => {
      const byWords = await store().subgraph({ plans: ["2021年"] });
      expect(keysOf(byWords.nodes)).toEqual(keysOf((await store().subgraph({ plans: [REPORT] })).nodes));
      await expect(store().subgraph({ plans: ["河北"] })).rejects.toMatchObject({
        code: "plan/ambiguous",
        candidates: [{ id: PROPOSAL }, { id: REPORT }],
      });
      await expect(store().subgraph({ plans: ["上海"] })).rejects.toMatchObject({ code: "plan/not-found" });
    });

    it("selects every plan of a level, and refuses a level no plan has", async () => {
      const plans = await store().subgraph({ level: "province", labels: ["Plan"] });
      expect(keysOf(plans.nodes)).toEqual([`plan:${PROPOSAL}`, `plan:${REPORT}`].sort());
      await expect(store().subgraph({ level: "county" })).rejects.toMatchObject({ code: "store/not-found" });
    });

    it("narrows by plan, labels, types and ego exactly as graph/select does", async () => {
      const selections: SubgraphSelection[] = [
        { types: ["SUPPORTS"] },
        { plans: [PROPOSAL], labels: ["Region", "Project"], types: ["LOCATED_IN"] },
        { ego: { node: "雄安新区", depth: 1 } },
        { plans: [REPORT], ego: { node: "河北", depth: 2 } },
        { labels: ["Region"] },
      ];
      for (const selection of selections) {
        const sub = await store().subgraph(selection);
        expect({ nodes: keysOf(sub.nodes), edges: keysOf(sub.edges) }, JSON.stringify(selection)).toEqual(
          expected(selection),
        );
      }
      const supports = await store().subgraph({ types: ["SUPPORTS"] });
      expect(supports.edges.length).toBeGreaterThan(0);
      const ends = new Set(supports.edges.flatMap((e) => [e.source, e.target]));
      expect(supports.nodes.every((n) => ends.has(n.key))).toBe(true);
    });

    it("refuses an ego network around a name the graph lacks, with the names that contain it", async () => {
      await expect(store().subgraph({ ego: { node: "火星" } })).rejects.toMatchObject({ code: "select/unknown-node" });
      await expect(store().subgraph({ ego: { node: "雄安", depth: 4 } })).rejects.toMatchObject({
        code: "select/bad-depth",
      });
    });

    it("takes a Cypher query's result as the items in Neo4j, and refuses one without a database", async () => {
      const cypher = {
        query: "MATCH p = (:Region {name: $r})<-[:LOCATED_IN]-() RETURN p",
        params: { r: "雄安新区" },
      };
      if (store().kind !== "neo4j") {
        await expect(store().subgraph({ cypher })).rejects.toMatchObject({ code: "store/bad-request" });
        return;
      }
      const sub = await store().subgraph({ cypher, labels: ["Region", "Project"] });
      expect(keysOf(sub.nodes)).toContain("region:雄安新区");
      expect(keysOf(sub.nodes)).toContain("project:京雄城际铁路");
      expect(sub.edges.every((e) => e.attributes.type === "LOCATED_IN" && e.target === "region:雄安新区")).toBe(true);
    });
  });
}
