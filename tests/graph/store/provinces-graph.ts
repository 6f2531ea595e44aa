// A graph of two provinces' 2021 work reports (real sentences, hand-made statements) for the store's comparison contract.
import { edgeId, entityId, planNodeId, type SerializedPlanGraph } from "../../../schema/index.ts";
import { mergeGraphs, planGraph, type PlanSpec } from "../neo4j/fixtures.ts";

/** The plan id of the Hebei report excerpt. */
export const HEBEI_2021 = "reports-2021/省自治区/河北省";
/** The plan id of the Guangdong report excerpt. */
export const GUANGDONG_2021 = "reports-2021/省自治区/广东省";

// Source: data/corpus/reports-2021/省自治区/河北省.txt (the review of 2020 and the targets for 2021).
const HEBEI: PlanSpec = {
  id: HEBEI_2021,
  name: "河北省人民政府工作报告（2021年）",
  genre: "政府工作报告",
  year: 2021,
  sections: [
    {
      number: "一、",
      name: "2020年和“十三五”时期工作回顾",
      sentences: [
        "扎扎实实推进冬奥会筹办，冬奥场馆和配套设施全部建成，赛会服务保障能力全方位提升，冰雪运动蓬勃发展，冰雪、光伏、氢能、大数据等产业加快壮大，有力带动了张北地区发展。",
        "成功举办中国国际数字经济博览会，数字经济占GDP比重超30%。",
      ],
    },
    {
      number: "三、",
      name: "2021年重点工作",
      sentences: [
        "综合考虑各方面因素，今年全省经济社会发展主要预期目标是：生产总值增长6.5%，一般公共预算收入增长6.5%，固定资产投资增长6.5%左右，社会消费品零售总额增长8%左右，外贸进出口增长5%；",
        "启动互联网产业园、中关村科技园和中科院雄安创新研究院建设，建设中国雄安数字交易中心，打造数字经济创新发展试验区。",
      ],
    },
  ],
  statements: [
    { type: "TARGETS", from: ["Region", "张北地区"], to: ["Industry", "氢能"], sentence: "扎扎实实" },
    { type: "TARGETS", from: ["Region", "张北地区"], to: ["Industry", "大数据"], sentence: "扎扎实实" },
    {
      type: "SUPPORTS",
      from: ["Project", "中国国际数字经济博览会"],
      to: ["Industry", "数字经济"],
      sentence: "成功举办",
    },
    { type: "TARGETS", from: ["Region", "河北"], to: ["Goal", "固定资产投资增长6.5%左右"], sentence: "综合考虑" },
    { type: "LOCATED_IN", from: ["Project", "中国雄安数字交易中心"], to: ["Region", "雄安新区"], sentence: "启动" },
    { type: "SUPPORTS", from: ["Project", "中国雄安数字交易中心"], to: ["Industry", "数字经济"], sentence: "启动" },
    { type: "LOCATED_IN", from: ["Region", "雄安新区"], to: ["Region", "河北"], sentence: "启动" },
  ],
};

// Source: data/corpus/reports-2021/省自治区/广东省.txt (the review of 2020 and the work for 2021).
const GUANGDONG: PlanSpec = {
  id: GUANGDONG_2021,
  name: "广东省人民政府工作报告（2021年）",
  genre: "政府工作报告",
  year: 2021,
  sections: [
    {
      number: "一、",
      name: "2020年工作回顾",
      sentences: [
        "全面推进中央支持深圳综合改革试点的27项举措和40项首批授权事项，落实金融支持粤港澳大湾区建设30条政策，启动大湾区中医药高地建设。",
      ],
    },
    {
      number: "三、",
      name: "2021年工作安排",
      sentences: [
        "固定资产投资增长8%左右，社会消费品零售总额增长6%以上，进出口实现正增长，规上工业增加值增长5%左右；",
        "加快国家数字经济创新发展试验区建设，促进数字经济和实体经济深度融合。",
        "推进韶关新区、河源深河产业共建示范区、广清经济特别合作区、梅州梅兴华丰产业集聚带、云浮氢能产业基地等建设，发展生物医药、绿色矿业等环境友好型产业。",
      ],
    },
  ],
  statements: [
    { type: "LOCATED_IN", from: ["Region", "深圳"], to: ["Region", "粤港澳大湾区"], sentence: "全面推进" },
    { type: "LOCATED_IN", from: ["Region", "深圳"], to: ["Region", "广东"], sentence: "全面推进" },
    { type: "TARGETS", from: ["Region", "广东"], to: ["Goal", "固定资产投资增长8%左右"], sentence: "固定资产投资" },
    {
      type: "SUPPORTS",
      from: ["Project", "国家数字经济创新发展试验区"],
      to: ["Industry", "数字经济"],
      sentence: "加快国家",
    },
    { type: "SUPPORTS", from: ["Project", "云浮氢能产业基地"], to: ["Industry", "氢能"], sentence: "推进韶关" },
    { type: "LOCATED_IN", from: ["Project", "云浮氢能产业基地"], to: ["Region", "云浮"], sentence: "推进韶关" },
  ],
};

/** Gives a goal the target properties the extractor reads from a sentence like 固定资产投资增长8%左右. */
function setTarget(graph: SerializedPlanGraph, name: string, value: number): void {
  const node = graph.nodes.find((n) => n.key === entityId("Goal", name));
  if (!node) throw new Error(`provinces-graph: no goal ${name}`);
  Object.assign(node.attributes, { horizon: 2021, metric: "固定资产投资增长率", value, unit: "%", modifier: "左右" });
}

/** Makes Guangdong's report issued by 广东 (planGraph names every plan Hebei's). */
function issuedByGuangdong(graph: SerializedPlanGraph): void {
  const plan = graph.nodes.find((n) => n.key === planNodeId(GUANGDONG_2021));
  if (!plan) throw new Error("provinces-graph: no Guangdong plan node");
  Object.assign(plan.attributes, { region: "广东" });
  const issued = graph.edges.find((e) => e.attributes.type === "ISSUED_BY");
  if (!issued) throw new Error("provinces-graph: no ISSUED_BY edge");
  issued.target = entityId("Region", "广东");
  issued.key = edgeId("ISSUED_BY", issued.source, issued.target, GUANGDONG_2021);
  graph.nodes = graph.nodes.filter((n) => n.key !== entityId("Region", "河北"));
}

/** Builds the two reports' graph afresh (callers may mutate it). */
export function provincesGraph(): SerializedPlanGraph {
  const hebei = planGraph(HEBEI);
  setTarget(hebei, "固定资产投资增长6.5%左右", 6.5);
  const guangdong = planGraph(GUANGDONG);
  setTarget(guangdong, "固定资产投资增长8%左右", 8);
  issuedByGuangdong(guangdong);
  return mergeGraphs(hebei, guangdong);
}
