// Inferred relations on the sample plan (data/plans): region → industry answers, industry hierarchy, and how connected the graph is.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../ingest/pipeline.ts";

const { graph } = ingestDocument(
  readFileSync("data/plans/hebei-14th-fyp-proposal.txt"),
  "hebei-14th-fyp-proposal.txt",
  "hebei-14th-fyp-proposal",
);
const g = graph!;
const name = (key: string) => g.getNodeAttribute(key, "name");
const edges = (type: string) =>
  g.filterEdges((_e, a) => a.type === type).map((e) => ({ e, from: name(g.source(e)), to: name(g.target(e)) }));

describe("inferred relations on the sample plan", () => {
  it("answers 'which industries does 河北 plan, and where' with the pairs the plan states", () => {
    const within = new Set(["河北"]);
    for (let grew = true; grew;) {
      grew = false;
      for (const { from, to } of edges("LOCATED_IN"))
        if (within.has(to) && !within.has(from) && g.findNode((_k, a) => a.label === "Region" && a.name === from)) {
          within.add(from);
          grew = true;
        }
    }
    const pairs = [...edges("TARGETS"), ...edges("DEVELOPS")].filter(
      ({ e, from }) => within.has(from) && g.getNodeAttribute(g.target(e), "label") === "Industry",
    );
    const has = (region: string, industry: string) => pairs.some((p) => p.from === region && p.to === industry);
    expect(has("张家口", "氢能")).toBe(true);
    expect(has("雄安新区", "数字经济")).toBe(true);
    expect(pairs.filter((p) => p.from === "河北").length).toBeGreaterThanOrEqual(20);
  });

  it("flags derived relations and gives each its basis and evidence", () => {
    const derived = [...edges("DEVELOPS"), ...edges("PURSUES")];
    expect(derived.length).toBeGreaterThan(0);
    for (const { e } of derived) {
      const a = g.getEdgeAttributes(e) as { derived?: boolean; basis?: string; evidence?: unknown[]; chain?: string[] };
      expect(a.derived).toBe(true);
      expect(["issuer", "project"]).toContain(a.basis);
      expect(a.evidence?.length).toBeGreaterThan(0);
      if (a.basis === "project") expect(a.chain?.every((id) => g.hasNode(id))).toBe(true);
    }
  });

  it("places narrower industries under wider ones by name and by the national catalogue", () => {
    const sub = edges("SUBSECTOR_OF").map(({ from, to }) => `${from}→${to}`);
    expect(sub).toContain("现代服务业→服务业");
    expect(sub).toContain("光伏→新能源");
    expect(sub).toContain("人工智能→新一代信息技术");
  });

  it("leaves at most 30% of regions, industries, projects and goals without any relation", () => {
    const entities = g.filterNodes((_k, a) => ["Region", "Industry", "Project", "Goal"].includes(a.label));
    const related = new Set(["LOCATED_IN", "SUPPORTS", "TARGETS", "SUBSECTOR_OF", "DEVELOPS", "PURSUES"]);
    const isolated = entities.filter((k) => !g.edges(k).some((e) => related.has(g.getEdgeAttribute(e, "type"))));
    expect(isolated.length / entities.length).toBeLessThanOrEqual(0.3);
  });
});
