// The store contract's graph: two real Hebei plan excerpts (tests/graph/neo4j/fixtures.ts) plus an opening-up section with names in full-width brackets and quotes.
import type { SerializedPlanGraph } from "../../../schema/index.ts";
import { HEBEI_PROPOSAL, HEBEI_REPORT_2021, mergeGraphs, planGraph, type PlanSpec } from "../neo4j/fixtures.ts";

// Source: data/plans/hebei-14th-fyp-proposal.txt, section 一 (the review of the 13th five-year period).
const PROPOSAL_WITH_OPENING: PlanSpec = {
  ...HEBEI_PROPOSAL,
  sections: [
    ...HEBEI_PROPOSAL.sections,
    {
      number: "三、",
      name: "开放型经济",
      sentences: [
        "深度融入“一带一路”建设，中国国际数字经济博览会等重大活动成功举办，河钢塞尔维亚钢厂成为国际产能合作样板，中国（河北）自由贸易试验区探索创新逐步深入，河北的国际化水平和影响力显著提升。",
      ],
    },
  ],
  statements: [
    ...HEBEI_PROPOSAL.statements,
    {
      type: "LOCATED_IN",
      from: ["Project", "中国（河北）自由贸易试验区"],
      to: ["Region", "河北"],
      sentence: "深度融入",
    },
    { type: "SUPPORTS", from: ["Project", "河钢塞尔维亚钢厂"], to: ["Project", "“一带一路”"], sentence: "深度融入" },
    {
      type: "SUBSECTOR_OF",
      from: ["Industry", "氢能"],
      to: ["Industry", "可再生能源"],
      sentence: "因势发展奥运经济",
      extra: { via: "catalogue" },
    },
    {
      type: "DEVELOPS",
      from: ["Region", "河北"],
      to: ["Industry", "氢能"],
      sentence: "因势发展奥运经济",
      extra: { derived: true, basis: "issuer" },
    },
    {
      type: "PURSUES",
      from: ["Region", "河北"],
      to: ["Goal", "京津冀协同发展"],
      sentence: "京津冀协同发展",
      extra: { derived: true, basis: "issuer" },
    },
  ],
};

/** The plan id of the 14th five-year-plan proposal excerpt. */
export const PROPOSAL = HEBEI_PROPOSAL.id;
/** The plan id of the 2021 government work report excerpt. */
export const REPORT = HEBEI_REPORT_2021.id;

/** Builds the contract graph afresh (callers may mutate it). */
export function contractGraph(): SerializedPlanGraph {
  return mergeGraphs(planGraph(PROPOSAL_WITH_OPENING), planGraph(HEBEI_REPORT_2021));
}
