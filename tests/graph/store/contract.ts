// The GraphStore contract: one suite every store must pass, run by memory-store.test.ts and neo4j-store.neo4j.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ENTITY_LABELS,
  NODE_LABELS,
  EDGE_TYPES,
  RELATION_TYPES,
  type SerializedPlanGraph,
} from "../../../schema/index.ts";
import type { GraphStore } from "../../../graph/store/index.ts";
import { comparePlans } from "../../../graph/compare/index.ts";
import { fromSerialized } from "../../../graph/model/index.ts";
import { contractGraph, PROPOSAL, REPORT } from "./fixture.ts";
import { describeCompareContract } from "./contract-compare.ts";
import { describeSubgraphContract } from "./contract-subgraph.ts";
import { GUANGDONG_2021, HEBEI_2021, provincesGraph } from "./provinces-graph.ts";

/** Makes a store holding the given graph (and nothing else). */
export type StoreFactory = (graph: SerializedPlanGraph) => Promise<GraphStore>;

const keysOf = (items: { key: string }[]) => items.map((i) => i.key).sort();
const namesOf = (items: { name: string }[]) => items.map((i) => i.name);

/** Registers the contract suite for one store implementation. */
export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`GraphStore contract: ${name}`, () => {
    const graph = contractGraph();
    const labelOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
    let store: GraphStore;

    beforeAll(async () => {
      store = await makeStore(contractGraph());
    });
    afterAll(async () => {
      await store?.close();
    });

    describe("plans", () => {
      it("lists both plans with their metadata and how many entities each mentions", async () => {
        const plans = await store.plans();
        expect(plans.map((p) => p.id)).toEqual([PROPOSAL, REPORT]);
        const [proposal, report] = plans;
        expect(proposal).toMatchObject({ key: `plan:${PROPOSAL}`, genre: "建议", year: 2020, region: "河北" });
        expect(report).toMatchObject({
          key: `plan:${REPORT}`,
          name: "2021年河北省政府工作报告",
          genre: "政府工作报告",
        });
        // The report mentions 河北, 雄安新区, 京雄城际铁路, 雄安高铁站, 张家口, 冰雪装备 and 唐山.
        expect(report?.entities).toBe(7);
        expect(proposal?.chars).toBe(
          (graph.nodes.find((n) => n.key === `plan:${PROPOSAL}`)?.attributes as { text: string }).text.length,
        );
      });
    });

    describe("graph", () => {
      it("returns entities and relations only by default, with degrees", async () => {
        const slice = await store.graph();
        const entities = graph.nodes.filter((n) => (ENTITY_LABELS as readonly string[]).includes(n.attributes.label));
        const relations = graph.edges.filter((e) => (RELATION_TYPES as readonly string[]).includes(e.attributes.type));
        expect(keysOf(slice.nodes)).toEqual(keysOf(entities));
        expect(keysOf(slice.edges)).toEqual(keysOf(relations));
        expect(slice.omitted).toEqual({ nodes: 0, edges: 0 });
        const xiongan = slice.nodes.find((n) => n.key === "region:雄安新区");
        // LOCATED_IN 河北 in both plans, and 京雄城际铁路 (twice), 雄安商务服务中心, 雄安高铁站 located in it.
        expect(xiongan).toEqual({ key: "region:雄安新区", label: "Region", name: "雄安新区", degree: 6 });
        expect(slice.nodes[0]?.key).toBe("region:河北");
      });

      it("keeps one plan's statements when filtered by plan", async () => {
        const slice = await store.graph({ plans: [REPORT] });
        expect(slice.edges.length).toBeGreaterThan(0);
        expect(slice.edges.every((e) => e.plan === REPORT)).toBe(true);
        expect(keysOf(slice.nodes)).toEqual(
          [
            "industry:冰雪装备",
            "project:京雄城际铁路",
            "project:雄安高铁站",
            "region:唐山",
            "region:张家口",
            "region:河北",
            "region:雄安新区",
          ].sort(),
        );
      });

      it("filters by label and type, and includes provenance nodes only when asked", async () => {
        const regions = await store.graph({ labels: ["Region"] });
        expect(regions.nodes.every((n) => n.label === "Region")).toBe(true);
        expect(
          regions.edges.every((e) => labelOf.get(e.source) === "Region" && labelOf.get(e.target) === "Region"),
        ).toBe(true);
        const targets = await store.graph({ types: ["TARGETS"], minDegree: 1 });
        expect(targets.edges.map((e) => e.type)).toEqual(targets.edges.map(() => "TARGETS"));
        expect(keysOf(targets.nodes)).toContain("industry:氢能");
        expect(keysOf(targets.nodes)).not.toContain("project:京张高铁");

        const everything = await store.graph({ plans: [PROPOSAL], labels: [...NODE_LABELS], types: [...EDGE_TYPES] });
        expect(everything.nodes.filter((n) => n.label === "Plan").map((n) => n.key)).toEqual([`plan:${PROPOSAL}`]);
        expect(everything.nodes.filter((n) => n.label === "Section")).toHaveLength(3);
        expect(new Set(everything.edges.map((e) => e.type))).toEqual(new Set(EDGE_TYPES));
      });

      it("caps the slice by degree and says how much it left out", async () => {
        const slice = await store.graph({ limit: 3 });
        expect(slice.nodes.map((n) => n.key)).toEqual(["region:河北", "region:雄安新区", "region:张家口"]);
        expect(slice.total).toEqual({ nodes: 16, edges: 18 });
        // Between the three kept regions: 雄安新区 and 张家口 LOCATED_IN 河北, stated in both plans.
        expect(slice.edges).toHaveLength(4);
        expect(slice.omitted).toEqual({ nodes: 13, edges: 14 });
        const floor = await store.graph({ minDegree: 3 });
        expect(floor.nodes.every((n) => n.degree >= 3)).toBe(true);
        expect(keysOf(floor.nodes)).toEqual(
          ["project:京雄城际铁路", "region:唐山", "region:张家口", "region:河北", "region:雄安新区"].sort(),
        );
      });
    });

    describe("search", () => {
      it("ranks prefix matches before substrings and shorter names first", async () => {
        const hits = await store.search("雄安");
        expect(hits.map((h) => h.name)).toEqual(["雄安新区", "雄安高铁站", "雄安商务服务中心"]);
        expect(hits[0]?.rank).toBe("prefix");
        const substring = await store.search("城际");
        expect(substring.map((h) => [h.key, h.rank])).toEqual([["project:京雄城际铁路", "substring"]]);
      });

      it("finds names across full-width brackets, quotes and administrative suffixes", async () => {
        expect((await store.search("中国(河北)自由贸易试验区"))[0]).toMatchObject({
          name: "中国（河北）自由贸易试验区",
          rank: "exact",
        });
        expect((await store.search("一带一路"))[0]).toMatchObject({ key: "project:一带一路", rank: "exact" });
        expect((await store.search("唐山市"))[0]).toMatchObject({ key: "region:唐山", rank: "exact" });
        expect((await store.search("河北省"))[0]).toMatchObject({ key: "region:河北", rank: "exact" });
      });

      it("honours the label filter and the limit, and finds nothing for a blank query", async () => {
        expect((await store.search("雄安", { labels: ["Project"] })).map((h) => h.key)).toEqual([
          "project:雄安高铁站",
          "project:雄安商务服务中心",
        ]);
        expect(await store.search("雄安", { limit: 1 })).toHaveLength(1);
        expect(await store.search("  ")).toEqual([]);
        expect(await store.search("上海")).toEqual([]);
      });
    });

    describe("node details", () => {
      it("groups relations by type with evidence, and lists the sentences that mention the node", async () => {
        const details = await store.node("region:雄安新区");
        expect(details.node).toEqual({ key: "region:雄安新区", label: "Region", name: "雄安新区" });
        expect(details.plans).toEqual([PROPOSAL, REPORT]);
        const located = details.relations.LOCATED_IN;
        expect(located?.total).toBe(6);
        expect(located?.items.filter((r) => r.direction === "out").map((r) => [r.other.key, r.plan])).toEqual([
          ["region:河北", PROPOSAL],
          ["region:河北", REPORT],
        ]);
        expect(located?.items.every((r) => r.evidence.every((ev) => ev.sentence.length > 0))).toBe(true);
        // Three sentences state something about it: two in the proposal (one names it by 京雄), one in the report.
        expect(details.provenance.total).toBe(3);
        expect(details.provenance.items.map((ev) => [ev.plan, ev.sentence.slice(0, 6)])).toEqual([
          [PROPOSAL, "雄安新区规划"],
          [PROPOSAL, "京津冀协同发"],
          [REPORT, "雄安新区进入"],
        ]);
        for (const ev of details.provenance.items) expect(ev.sectionName).toBeTruthy();
        expect(details.relations.MENTIONED_IN?.total).toBe(2); // one section per plan
      });

      it("gives offsets that point at the sentence in the plan text", async () => {
        const details = await store.node("project:京雄城际铁路");
        const evidence = Object.values(details.relations).flatMap((group) => group.items.flatMap((r) => r.evidence));
        expect(evidence.length).toBeGreaterThan(2);
        for (const ev of evidence) {
          const text = (await store.planText(ev.plan)).text;
          expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
        }
      });

      it("shows a plan's properties without its full text, and refuses unknown ids with a not-found code", async () => {
        const plan = await store.node(`plan:${REPORT}`);
        expect(plan.properties).toMatchObject({ genre: "政府工作报告", year: 2021 });
        expect(plan.properties).not.toHaveProperty("text");
        expect(plan.relations.PART_OF?.items[0]?.direction).toBe("in");
        await expect(store.node("region:上海")).rejects.toMatchObject({ code: "store/not-found" });
        await expect(store.node("nonsense")).rejects.toMatchObject({ code: "store/not-found" });
      });
    });

    describe("neighbourhood", () => {
      it("returns the node, its neighbours and the edges among them", async () => {
        const slice = await store.neighbourhood("region:雄安新区");
        expect(keysOf(slice.nodes)).toEqual(
          [
            "project:京雄城际铁路",
            "project:雄安商务服务中心",
            "project:雄安高铁站",
            "region:河北",
            "region:雄安新区",
          ].sort(),
        );
        expect(slice.nodes[0]?.key).toBe("region:雄安新区");
        expect(slice.edges).toHaveLength(6);
        expect(slice.omitted).toEqual({ nodes: 0, edges: 0 });
      });

      it("keeps the best-connected neighbours under a cap and counts the rest", async () => {
        const slice = await store.neighbourhood("region:雄安新区", { limit: 2 });
        expect(slice.nodes.map((n) => [n.key, n.degree])).toEqual([
          ["region:雄安新区", 6],
          ["region:河北", 7],
          ["project:京雄城际铁路", 3],
        ]);
        expect(slice.total).toEqual({ nodes: 5, edges: 6 });
        expect(slice.omitted).toEqual({ nodes: 2, edges: 2 });
      });

      it("reaches two hops when asked, nearest first", async () => {
        const slice = await store.neighbourhood("project:雄安商务服务中心", { depth: 2 });
        expect(slice.nodes.map((n) => n.key)).toEqual([
          "project:雄安商务服务中心",
          "region:雄安新区",
          "region:河北",
          "project:京雄城际铁路",
          "project:雄安高铁站",
        ]);
        const labels = await store.neighbourhood("region:雄安新区", { labels: ["Region"] });
        expect(labels.nodes.map((n) => n.key)).toEqual(["region:雄安新区", "region:河北"]);
        await expect(store.neighbourhood("region:上海")).rejects.toMatchObject({ code: "store/not-found" });
      });
    });

    describe("shortest path", () => {
      it("finds the shortest chain of relations, the same one in every store", async () => {
        const path = await store.shortestPath("project:雄安商务服务中心", "industry:氢能");
        expect(path?.nodes.map((n) => n.name)).toEqual(["雄安商务服务中心", "雄安新区", "河北", "张家口", "氢能"]);
        expect(path?.edges.map((e) => e.key)).toEqual([
          `LOCATED_IN:project:雄安商务服务中心->region:雄安新区@${PROPOSAL}`,
          `LOCATED_IN:region:雄安新区->region:河北@${PROPOSAL}`,
          `LOCATED_IN:region:张家口->region:河北@${PROPOSAL}`,
          `TARGETS:region:张家口->industry:氢能@${PROPOSAL}`,
        ]);
      });

      it("returns null past the length limit or between unconnected nodes, and one node for itself", async () => {
        expect(await store.shortestPath("project:雄安商务服务中心", "industry:氢能", { maxLength: 3 })).toBeNull();
        expect(await store.shortestPath("project:河钢塞尔维亚钢厂", "region:河北")).toBeNull();
        const self = await store.shortestPath("region:唐山", "region:唐山");
        expect(self).toEqual({ nodes: [{ key: "region:唐山", label: "Region", name: "唐山" }], edges: [] });
        await expect(store.shortestPath("region:唐山", "region:上海")).rejects.toMatchObject({
          code: "store/not-found",
        });
      });
    });

    describe("plan text", () => {
      it("returns the cleaned text and its sections in order", async () => {
        const plan = await store.planText(PROPOSAL);
        expect(plan.key).toBe(`plan:${PROPOSAL}`);
        expect(plan.text).toContain("深度融入“一带一路”建设");
        expect(plan.sections.map((s) => s.number)).toEqual(["一、", "二、", "三、"]);
        for (const s of plan.sections) expect(plan.text.slice(s.start, s.end)).toContain(s.name);
        expect((await store.planText(`plan:${REPORT}`)).id).toBe(REPORT);
        await expect(store.planText("no-such-plan")).rejects.toMatchObject({ code: "store/not-found" });
      });
    });

    describe("plan text left out", () => {
      let bare: GraphStore;
      beforeAll(async () => {
        await store.close();
        const withoutText = contractGraph();
        for (const node of withoutText.nodes) delete (node.attributes as { text?: string }).text;
        bare = await makeStore(withoutText);
      });
      afterAll(async () => {
        await bare?.close();
        store = await makeStore(contractGraph());
      });

      it("serves an empty text when the graph was exported or loaded without plan texts", async () => {
        const plan = await bare.planText(REPORT);
        expect(plan.text).toBe("");
        expect(plan.sections).toHaveLength(1);
        expect((await bare.node("region:雄安新区")).provenance.total).toBe(3);
      });
    });

    describeSubgraphContract(() => store);

    describeCompareContract(() => store);

    describe("comparing two provinces' work reports", () => {
      let provinces: GraphStore;
      beforeAll(async () => {
        await store.close();
        provinces = await makeStore(provincesGraph());
      });
      afterAll(async () => {
        await provinces?.close();
        store = await makeStore(contractGraph());
      });

      it("finds each report by its province and shows what both push and what only one names", async () => {
        const result = await provinces.comparePlans("河北", "广东省");
        expect([result.a.id, result.b.id]).toEqual([HEBEI_2021, GUANGDONG_2021]);
        expect(result.entities.Industry.both.map((e) => [e.name, e.a, e.b])).toEqual([
          ["数字经济", 2, 1],
          ["氢能", 1, 1],
        ]);
        expect(namesOf(result.entities.Region.onlyA)).toContain("雄安新区");
        expect(namesOf(result.entities.Region.onlyB)).toContain("粤港澳大湾区");
        expect(result.entities.Region.both).toEqual([]);
        expect(result).toEqual(comparePlans(fromSerialized(provincesGraph()), HEBEI_2021, GUANGDONG_2021));
      });

      it("pairs the two fixed-asset investment targets with metric, value, unit and horizon", async () => {
        const { goals } = await provinces.comparePlans(HEBEI_2021, GUANGDONG_2021);
        expect(goals).toEqual([
          {
            a: {
              key: "goal:固定资产投资增长6.5%左右",
              name: "固定资产投资增长6.5%左右",
              horizon: 2021,
              metric: "固定资产投资增长率",
              value: 6.5,
              unit: "%",
            },
            b: {
              key: "goal:固定资产投资增长8%左右",
              name: "固定资产投资增长8%左右",
              horizon: 2021,
              metric: "固定资产投资增长率",
              value: 8,
              unit: "%",
            },
            similarity: 1,
          },
        ]);
        await expect(provinces.comparePlans("2021年", "广东")).rejects.toMatchObject({
          code: "plan/ambiguous",
          candidates: [
            { id: GUANGDONG_2021, title: "广东省人民政府工作报告（2021年）" },
            { id: HEBEI_2021, title: "河北省人民政府工作报告（2021年）" },
          ],
        });
      });

      it("lists both reports as mentioning 数字经济, the one with more sentences first", async () => {
        expect((await provinces.plansMentioning("industry:数字经济")).map((m) => [m.plan, m.sentences])).toEqual([
          [HEBEI_2021, 2],
          [GUANGDONG_2021, 1],
        ]);
        expect((await provinces.plansMentioning("region:粤港澳大湾区")).map((m) => m.region)).toEqual(["广东"]);
      });
    });
  });
}
