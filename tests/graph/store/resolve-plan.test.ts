// The one plan resolver every command and endpoint uses: ids, files, titles, issuing regions, words, and honest ambiguity.
import { describe, expect, it } from "vitest";
import { combine } from "../../../graph/model/index.ts";
import { PlanReferenceError, findPlan, resolvePlan, type PlanCandidate } from "../../../graph/store/index.ts";
import { SAMPLE_PLAN, sampleGraph, specialCharacters } from "../export/graphs.ts";

const OTHER = "hebei-special-characters";

/** Plan fields as the corpus has them (data/corpus/reports-2021 and the sample proposal). */
const PLANS: PlanCandidate[] = [
  {
    id: "hebei-14th-fyp-proposal",
    name: "中共河北省委关于制定河北省国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
    file: "data/plans/hebei-14th-fyp-proposal.txt",
    region: "河北省",
  },
  {
    id: "reports-2021/省自治区/河北省",
    name: "河北省人民政府工作报告（2021年）",
    file: "reports-2021/省自治区/河北省.txt",
    region: "河北省",
  },
  {
    id: "reports-2021/省自治区/广东省",
    name: "广东省人民政府工作报告（2021年）",
    file: "reports-2021/省自治区/广东省.txt",
    region: "广东省",
  },
  {
    id: "reports-2021/省自治区/内蒙古自治区",
    name: "内蒙古自治区人民政府工作报告（2021年）",
    file: "reports-2021/省自治区/内蒙古自治区.txt",
    region: "内蒙古自治区",
  },
];

const failure = (ref: string) => {
  try {
    resolvePlan(PLANS, ref);
  } catch (err) {
    return err as PlanReferenceError;
  }
  throw new Error(`"${ref}" resolved`);
};

describe("resolvePlan", () => {
  it("finds plans by id, node key, title or last part of the id, and refuses ambiguous or unknown ones", () => {
    const graph = combine([sampleGraph(), specialCharacters()]);
    expect(findPlan(graph, `plan:${OTHER}`)).toBe(OTHER);
    expect(findPlan(graph, '中共河北省委关于制定"十四五"规划的建议 <摘录> & 特殊字符')).toBe(OTHER);
    expect(findPlan(graph, "14th-fyp")).toBe(SAMPLE_PLAN);
    expect(() => findPlan(graph, "中共河北省委")).toThrow(expect.objectContaining({ code: "plan/ambiguous" }));
    expect(() => findPlan(graph, "广东")).toThrow(expect.objectContaining({ code: "plan/not-found" }));
  });

  it("takes the issuing region in its short form, with or without 省, and the start of a long name", () => {
    expect(resolvePlan(PLANS, "广东")).toBe("reports-2021/省自治区/广东省");
    expect(resolvePlan(PLANS, "广东省")).toBe("reports-2021/省自治区/广东省");
    expect(resolvePlan(PLANS, "内蒙古")).toBe("reports-2021/省自治区/内蒙古自治区");
  });

  it("prefers the most specific match: the file or id's last part before the region", () => {
    expect(resolvePlan(PLANS, "河北省")).toBe("reports-2021/省自治区/河北省");
    expect(resolvePlan(PLANS, "reports-2021/省自治区/河北省.txt")).toBe("reports-2021/省自治区/河北省");
  });

  it("never guesses between two plans of one region: it lists both as candidates", () => {
    const error = failure("河北");
    expect(error).toBeInstanceOf(PlanReferenceError);
    expect(error.code).toBe("plan/ambiguous");
    expect(error.candidates.map((c) => c.id)).toEqual(["hebei-14th-fyp-proposal", "reports-2021/省自治区/河北省"]);
    expect(error.message).toMatch(/"河北" matches 2 plans: hebei-14th-fyp-proposal, reports-2021\/省自治区\/河北省/u);
  });

  it("names some plans the graph holds when nothing matches", () => {
    const error = failure("上海");
    expect(error.code).toBe("plan/not-found");
    expect(error.message).toMatch(/no plan matches "上海"; plans in this graph include hebei-14th-fyp-proposal/u);
    expect(error.candidates).toHaveLength(4);
    expect(() => resolvePlan([], "上海")).toThrow(/the graph holds no plan/u);
  });
});
