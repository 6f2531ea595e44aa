// Cross-plan comparison on two real 2021 work reports (Hebei and Guangdong, data/corpus/reports-2021/省自治区/).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../../ingest/pipeline.ts";
import { combine } from "../../../graph/model/index.ts";
import { comparePlans, findEntities, mostMentioned, plansMentioning } from "../../../graph/compare/index.ts";
import { findPlan, PlanReferenceError } from "../../../graph/store/index.ts";

const plan = (file: string, id: string) =>
  ingestDocument(readFileSync(`data/corpus/reports-2021/${file}`), file, id).graph!;
const graph = combine([
  plan("省自治区/河北省.txt", "reports-2021/省自治区/河北省"),
  plan("省自治区/广东省.txt", "reports-2021/省自治区/广东省"),
  plan("其他地市/保定市.txt", "reports-2021/其他地市/保定市"),
]);

describe("comparePlans", () => {
  const hebei = findPlan(graph, "河北省");
  const guangdong = findPlan(graph, "广东");
  const result = comparePlans(graph, hebei, guangdong);
  const names = (list: { name: string }[]) => list.map((x) => x.name);

  it("finds plans by the region that issued them", () => {
    expect([hebei, guangdong]).toEqual(["reports-2021/省自治区/河北省", "reports-2021/省自治区/广东省"]);
    expect(result.a.title).toBe("河北省人民政府工作报告（2021年）");
  });

  it("pairs targets of one metric and one year: Hebei's 2021 investment growth with Guangdong's 2021 target", () => {
    const pair = result.goals.find((g) => g.a?.metric === "固定资产投资增长率" && g.b);
    expect([pair?.a?.value, pair?.a?.horizon, pair?.b?.value, pair?.b?.horizon]).toEqual([6.5, 2021, 8, 2021]);
  });

  it("puts the industries both provinces push in 'both'", () => {
    expect(names(result.entities.Industry.both)).toEqual(expect.arrayContaining(["数字经济", "氢能"]));
  });

  it("puts 雄安新区 only in Hebei's plan and 粤港澳大湾区 only in Guangdong's", () => {
    expect(names(result.entities.Region.onlyA)).toContain("雄安新区");
    expect(names(result.entities.Region.onlyB)).toContain("粤港澳大湾区");
    expect(names(result.entities.Region.both)).not.toContain("雄安新区");
    expect(names(result.entities.Region.onlyA)).not.toContain("粤港澳大湾区");
  });

  it("counts each plan's mentions and lists the most mentioned first", () => {
    const xiongan = result.entities.Region.onlyA.find((e) => e.name === "雄安新区")!;
    expect(xiongan.a).toBeGreaterThan(3);
    expect(xiongan.b).toBe(0);
    const a = result.entities.Region.onlyA.map((e) => e.a);
    expect(a).toEqual([...a].sort((x, y) => y - x));
  });

  it("pairs the two plans' numeric targets by metric", () => {
    const pair = result.goals.find((g) => g.a?.metric === "固定资产投资增长率" && g.b?.metric === "固定资产投资增长率");
    expect(pair).toBeDefined();
    expect(pair!.a!.unit).toBe("%");
    expect(pair!.a!.horizon).toBe(2021);
  });

  it("splits relations the same way", () => {
    const located = result.relations.LOCATED_IN;
    expect(located.onlyA.some((r) => r.sourceName === "雄安新区" && r.targetName === "河北")).toBe(true);
    expect(located.both.every((r) => r.type === "LOCATED_IN")).toBe(true);
  });

  it("refuses an ambiguous or unknown plan with the candidates named", () => {
    expect(() => findPlan(graph, "reports-2021")).toThrow(PlanReferenceError);
    expect(() => findPlan(graph, "reports-2021")).toThrow(/matches 3 plans/u);
    expect(() => findPlan(graph, "上海")).toThrow(/no plan matches "上海"/u);
  });
});

describe("plansMentioning and mostMentioned", () => {
  it("lists the plans that mention an entity found by alias", () => {
    const [key] = findEntities(graph, "雄安");
    expect(key).toBe("region:雄安新区");
    const plans = plansMentioning(graph, key!).map((p) => p.plan);
    expect(plans).toEqual(expect.arrayContaining(["reports-2021/省自治区/河北省", "reports-2021/其他地市/保定市"]));
    expect(plans).not.toContain("reports-2021/省自治区/广东省");
  });

  it("ranks entities by the number of plans that mention them", () => {
    const top = mostMentioned(graph, "Industry", 50);
    expect(top[0]!.plans).toBeLessThanOrEqual(3);
    expect(top.map((t) => t.plans)).toEqual([...top.map((t) => t.plans)].sort((x, y) => y - x));
    expect(top.some((t) => t.name === "数字经济" && t.plans === 3)).toBe(true);
    expect(top.slice(0, 5).every((t) => t.plans === 3)).toBe(true);
  });
});
