// Hand-made plan graphs that obey the schema: real sentences from two Hebei plans, plus a generated multi-plan corpus.
import {
  GRAPH_OPTIONS,
  edgeId,
  entityId,
  planNodeId,
  sectionId,
  type EdgeType,
  type EntityLabel,
  type SerializedEdge,
  type SerializedNode,
  type SerializedPlanGraph,
} from "../../../schema/index.ts";

/** A relation read from one sentence of a plan, or inferred with its evidence sentence (`extra`: derived, basis, via …). */
export interface Statement {
  type: "LOCATED_IN" | "SUPPORTS" | "TARGETS" | "SUBSECTOR_OF" | "DEVELOPS" | "PURSUES";
  from: [EntityLabel, string];
  to: [EntityLabel, string];
  sentence: string;
  extra?: Record<string, unknown>;
}

/** A plan to turn into a graph: metadata, sections of real sentences, and the relations they state. */
export interface PlanSpec {
  id: string;
  name: string;
  genre: string;
  year: number;
  sections: { number: string; name: string; sentences: string[] }[];
  statements: Statement[];
}

// Source: 中共河北省委关于制定…第十四个五年规划和二〇三五年远景目标的建议 (2020-11-08), data/plans/hebei-14th-fyp-proposal.txt.
export const HEBEI_PROPOSAL: PlanSpec = {
  id: "hebei-14th-fyp-proposal",
  name: "中共河北省委关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
  genre: "建议",
  year: 2020,
  sections: [
    {
      number: "一、",
      name: "坚持科学总结和全面建成小康社会",
      sentences: [
        "雄安新区规划体系、政策体系基本形成，重点片区和工程项目建设全面展开，雄安商务服务中心、“三校一院”、“千年秀林”建设成效明显，呈现塔吊林立、热火朝天的建设局面。",
        "京津冀协同发展向纵深推进，中期目标基本实现，京张高铁和大兴国际机场建成投运，京雄城际铁路全线轨道贯通，北京现代沧州工厂等一批产业转移重大项目建成投产。",
      ],
    },
    {
      number: "二、",
      name: "推动京津冀协同发展",
      sentences: [
        "因势发展奥运经济，建设张家口国家可再生能源示范区、国家级氢能产业示范城市，打造河北发展重要一翼，努力交出“两份优异答卷”。",
        "深入落实习近平总书记“三个努力建成”的重要指示要求，加快唐山建成东北亚地区经济合作窗口城市、环渤海地区新型工业化基地、首都经济圈重要支点。",
      ],
    },
  ],
  statements: [
    {
      type: "LOCATED_IN",
      from: ["Project", "雄安商务服务中心"],
      to: ["Region", "雄安新区"],
      sentence: "雄安新区规划体系",
    },
    { type: "LOCATED_IN", from: ["Region", "雄安新区"], to: ["Region", "河北"], sentence: "雄安新区规划体系" },
    { type: "LOCATED_IN", from: ["Project", "京雄城际铁路"], to: ["Region", "雄安新区"], sentence: "京津冀协同发展" },
    { type: "SUPPORTS", from: ["Project", "京张高铁"], to: ["Goal", "京津冀协同发展"], sentence: "京津冀协同发展" },
    { type: "SUPPORTS", from: ["Project", "京雄城际铁路"], to: ["Goal", "京津冀协同发展"], sentence: "京津冀协同发展" },
    { type: "TARGETS", from: ["Region", "张家口"], to: ["Industry", "氢能"], sentence: "因势发展奥运经济" },
    { type: "TARGETS", from: ["Region", "张家口"], to: ["Industry", "可再生能源"], sentence: "因势发展奥运经济" },
    { type: "LOCATED_IN", from: ["Region", "张家口"], to: ["Region", "河北"], sentence: "因势发展奥运经济" },
    { type: "TARGETS", from: ["Region", "唐山"], to: ["Goal", "东北亚地区经济合作窗口城市"], sentence: "加快唐山" },
    { type: "LOCATED_IN", from: ["Region", "唐山"], to: ["Region", "河北"], sentence: "加快唐山" },
  ],
};

// Source: 2021年河北省政府工作报告, reports-2021/省自治区/河北省.txt in the project's corpus.
export const HEBEI_REPORT_2021: PlanSpec = {
  id: "reports-2021/hebei",
  name: "2021年河北省政府工作报告",
  genre: "政府工作报告",
  year: 2021,
  sections: [
    {
      number: "一、",
      name: "“十三五”时期和2020年工作回顾",
      sentences: [
        "雄安新区进入大规模建设新阶段，形成塔吊林立、热火朝天的建设场面，京雄城际和雄安高铁站开通运营，张北-雄安特高压工程建成投运，北京援建“三校”主体完工，白洋淀水质稳定达到Ⅳ类标准。",
        "张家口获批国家冰雪装备产业基地，成功举办全省第二届冰雪运动会，参与冰雪运动人次同比增长22%。",
        "唐山市转型升级成效显著，获国务院表彰。",
      ],
    },
  ],
  statements: [
    { type: "LOCATED_IN", from: ["Project", "雄安高铁站"], to: ["Region", "雄安新区"], sentence: "雄安新区进入" },
    { type: "LOCATED_IN", from: ["Project", "京雄城际铁路"], to: ["Region", "雄安新区"], sentence: "雄安新区进入" },
    { type: "LOCATED_IN", from: ["Region", "雄安新区"], to: ["Region", "河北"], sentence: "雄安新区进入" },
    { type: "TARGETS", from: ["Region", "张家口"], to: ["Industry", "冰雪装备"], sentence: "张家口获批" },
    { type: "LOCATED_IN", from: ["Region", "张家口"], to: ["Region", "河北"], sentence: "张家口获批" },
    { type: "LOCATED_IN", from: ["Region", "唐山"], to: ["Region", "河北"], sentence: "唐山市转型" },
  ],
};

/** Builds the graph-JSON of one plan: Plan, sections, entities, MENTIONED_IN, PART_OF, ISSUED_BY and the relations. */
export function planGraph(spec: PlanSpec): SerializedPlanGraph {
  const planKey = planNodeId(spec.id);
  const nodes = new Map<string, SerializedNode>();
  const edges = new Map<string, SerializedEdge>();
  const addEdge = (type: EdgeType, source: string, target: string, extra: Record<string, unknown> = {}) => {
    const key = edgeId(type, source, target, spec.id);
    if (!edges.has(key))
      edges.set(key, { key, source, target, attributes: { type, plan: spec.id, ...extra } as never });
    return edges.get(key) as SerializedEdge;
  };
  const addEntity = (label: EntityLabel, name: string) => {
    const key = entityId(label, name);
    if (!nodes.has(key)) nodes.set(key, { key, attributes: { label, name, aliases: [] } as never });
    return key;
  };

  let text = "";
  const located: { sentence: string; start: number; end: number; section: string }[] = [];
  spec.sections.forEach((section, i) => {
    const key = sectionId(spec.id, String(i + 1));
    const start = text.length;
    text += `${section.number}${section.name}\n`;
    for (const sentence of section.sentences) {
      located.push({ sentence, start: text.length, end: text.length + sentence.length, section: key });
      text += sentence;
    }
    text += "\n";
    nodes.set(key, {
      key,
      attributes: {
        label: "Section",
        name: section.name,
        aliases: [],
        plan: spec.id,
        number: section.number,
        depth: 1,
        order: i,
        start,
        end: text.length,
      },
    });
    addEdge("PART_OF", key, planKey);
  });
  nodes.set(planKey, {
    key: planKey,
    attributes: {
      label: "Plan",
      name: spec.name,
      aliases: [],
      file: `${spec.id}.txt`,
      genre: spec.genre,
      level: "province",
      region: "河北",
      year: spec.year,
      sha256: "0".repeat(64),
      chars: text.length,
      text,
    },
  });
  addEdge("ISSUED_BY", planKey, addEntity("Region", "河北"));

  for (const statement of spec.statements) {
    const found = located.find((l) => l.sentence.includes(statement.sentence));
    if (!found) throw new Error(`fixture: no sentence contains ${statement.sentence}`);
    const evidence = {
      plan: spec.id,
      section: found.section,
      sentence: found.sentence,
      start: found.start,
      end: found.end,
    };
    const source = addEntity(...statement.from);
    const target = addEntity(...statement.to);
    const edge = addEdge(statement.type, source, target, { evidence: [], ...statement.extra });
    (edge.attributes as { evidence: unknown[] }).evidence.push(evidence);
    for (const entity of statement.extra?.derived ? [] : [source, target]) {
      const mention = addEdge("MENTIONED_IN", entity, found.section, { evidence: [] });
      const list = (mention.attributes as { evidence: { sentence: string }[] }).evidence;
      if (!list.some((e) => e.sentence === found.sentence)) list.push(evidence);
    }
  }
  return {
    attributes: { name: spec.name },
    options: { ...GRAPH_OPTIONS },
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}

/** Combines plan graphs into one, keeping each shared entity once (as the extractor's merge does). */
export function mergeGraphs(...graphs: SerializedPlanGraph[]): SerializedPlanGraph {
  const nodes = new Map<string, SerializedNode>();
  const edges = new Map<string, SerializedEdge>();
  for (const graph of graphs) {
    for (const node of graph.nodes) if (!nodes.has(node.key)) nodes.set(node.key, node);
    for (const edge of graph.edges) edges.set(edge.key, edge);
  }
  return {
    attributes: { name: "merged" },
    options: { ...GRAPH_OPTIONS },
    nodes: [...nodes.values()],
    edges: [...edges.values()],
  };
}

const REGIONS = [
  "河北",
  "石家庄",
  "唐山",
  "秦皇岛",
  "邯郸",
  "邢台",
  "保定",
  "张家口",
  "承德",
  "沧州",
  "廊坊",
  "衡水",
  "雄安新区",
];
const SENTENCE = "因势发展奥运经济，建设张家口国家可再生能源示范区、国家级氢能产业示范城市，打造河北发展重要一翼。";

/** A generated corpus of plans sharing the Hebei regions, for load sizes the real excerpts cannot reach. */
export function generatedCorpus(plans: number, projectsPerPlan: number): SerializedPlanGraph {
  const graphs: SerializedPlanGraph[] = [];
  for (let p = 0; p < plans; p++) {
    const statements: Statement[] = [];
    for (let i = 0; i < projectsPerPlan; i++) {
      const project: [EntityLabel, string] = ["Project", `示范项目${p}-${i}`];
      const region = REGIONS[(p + i) % REGIONS.length] as string;
      statements.push({ type: "LOCATED_IN", from: project, to: ["Region", region], sentence: SENTENCE });
      statements.push({ type: "SUPPORTS", from: project, to: ["Industry", `产业${i % 40}`], sentence: SENTENCE });
      statements.push({ type: "SUPPORTS", from: project, to: ["Goal", `目标${p}-${i % 25}`], sentence: SENTENCE });
    }
    graphs.push(
      planGraph({
        id: `generated/plan-${p}`,
        name: `生成的规划 ${p}`,
        genre: "纲要",
        year: 2021,
        sections: [{ number: "一、", name: "重点任务", sentences: [SENTENCE] }],
        statements,
      }),
    );
  }
  return mergeGraphs(...graphs);
}
