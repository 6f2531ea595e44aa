// The GraphStore contract's comparison part: two plans side by side, and the plans that mention an entity.
import { describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph/store/index.ts";
import { comparePlans } from "../../../graph/compare/index.ts";
import { fromSerialized } from "../../../graph/model/index.ts";
import { contractGraph, PROPOSAL, REPORT } from "./fixture.ts";

const namesOf = (items: { name: string }[]) => items.map((i) => i.name);

/** Registers the comparison tests of the contract; `store` gives the store the suite opened. */
export function describeCompareContract(store: () => GraphStore): void {
  describe("comparing plans", () => {
    it("answers exactly what graph/compare computes on the same graph", async () => {
      const expected = comparePlans(fromSerialized(contractGraph()), PROPOSAL, REPORT);
      expect(await store().comparePlans(PROPOSAL, REPORT)).toEqual(expected);
    });

    it("splits entities by type into both, only A and only B, with each plan's sentence counts", async () => {
      const result = await store().comparePlans(PROPOSAL, REPORT);
      expect(result.a).toEqual({ id: PROPOSAL, title: expect.stringContaining("第十四个五年规划") });
      expect(result.b).toEqual({ id: REPORT, title: "2021年河北省政府工作报告" });
      // 河北 is named in four sentences of the proposal and three of the report; 雄安新区 in two and one.
      expect(result.entities.Region.both.map((e) => [e.name, e.a, e.b])).toEqual([
        ["河北", 4, 3],
        ["雄安新区", 2, 1],
        ["唐山", 1, 1],
        ["张家口", 1, 1],
      ]);
      expect(result.entities.Region.onlyA).toEqual([]);
      expect(namesOf(result.entities.Industry.onlyA)).toEqual(["可再生能源", "氢能"]);
      expect(result.entities.Industry.onlyB).toEqual([
        { key: "industry:冰雪装备", label: "Industry", name: "冰雪装备", a: 0, b: 1 },
      ]);
      expect(namesOf(result.entities.Project.both)).toEqual(["京雄城际铁路"]);
      expect(namesOf(result.entities.Project.onlyA)).toHaveLength(5);
      expect(namesOf(result.entities.Project.onlyB)).toEqual(["雄安高铁站"]);
      expect(result.goals.map((g) => [g.a?.name, g.b?.name])).toEqual([
        ["东北亚地区经济合作窗口城市", undefined],
        ["京津冀协同发展", undefined],
      ]);
    });

    it("splits relations the same way", async () => {
      const located = (await store().comparePlans(PROPOSAL, REPORT)).relations.LOCATED_IN;
      expect(located.both.map((r) => `${r.sourceName}→${r.targetName}`).sort()).toEqual(
        ["京雄城际铁路→雄安新区", "唐山→河北", "张家口→河北", "雄安新区→河北"].sort(),
      );
      expect(located.onlyB.map((r) => `${r.sourceName}→${r.targetName}`)).toEqual(["雄安高铁站→雄安新区"]);
      expect(located.onlyA).toHaveLength(2);
    });

    it("finds plans by title words, and refuses ambiguous or unknown references with candidates", async () => {
      const byTitle = await store().comparePlans("建议", "2021年");
      expect([byTitle.a.id, byTitle.b.id]).toEqual([PROPOSAL, REPORT]);
      // Both plans were issued by 河北.
      await expect(store().comparePlans("河北", REPORT)).rejects.toMatchObject({
        code: "plan/ambiguous",
        candidates: [
          { id: PROPOSAL, title: expect.any(String) },
          { id: REPORT, title: "2021年河北省政府工作报告" },
        ],
      });
      await expect(store().comparePlans(PROPOSAL, "上海")).rejects.toMatchObject({
        code: "plan/not-found",
        message: expect.stringContaining('no plan matches "上海"'),
      });
    });
  });

  describe("plans mentioning an entity", () => {
    it("lists each plan with its title, region, level and the number of its sentences, most first", async () => {
      expect(await store().plansMentioning("region:雄安新区")).toEqual([
        {
          plan: PROPOSAL,
          title: expect.stringContaining("第十四个五年规划"),
          region: "河北",
          level: "province",
          sentences: 2,
        },
        { plan: REPORT, title: "2021年河北省政府工作报告", region: "河北", level: "province", sentences: 1 },
      ]);
      expect((await store().plansMentioning("industry:冰雪装备")).map((m) => [m.plan, m.sentences])).toEqual([
        [REPORT, 1],
      ]);
    });

    it("refuses unknown ids with a not-found code and plans or sections with a bad-request code", async () => {
      await expect(store().plansMentioning("region:上海")).rejects.toMatchObject({ code: "store/not-found" });
      await expect(store().plansMentioning(`plan:${REPORT}`)).rejects.toMatchObject({ code: "store/bad-request" });
    });
  });
}
