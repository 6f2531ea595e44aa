// The graphs the export and selection tests use (sample plan, its 雄安新区 ego network, special characters) and a comparison.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { EVIDENCE_COLUMNS, type Evidence } from "../../../schema/index.ts";
import { ingestDocument } from "../../../ingest/pipeline.ts";
import { createPlanGraph, type PlanGraph } from "../../../graph/model/index.ts";
import { select } from "../../../graph/select/index.ts";

/** The plan id the sample is ingested under, as `plangraph ingest data/plans/hebei-14th-fyp-proposal.txt` names it. */
export const SAMPLE_PLAN = "hebei-14th-fyp-proposal";

let sample: PlanGraph | undefined;

/** The sample plan's graph, ingested once per test file from data/plans. */
export function sampleGraph(): PlanGraph {
  if (!sample) {
    const bytes = readFileSync("data/plans/hebei-14th-fyp-proposal.txt");
    const { graph } = ingestDocument(bytes, "data/plans/hebei-14th-fyp-proposal.txt", SAMPLE_PLAN);
    if (!graph) throw new Error("tests: the sample plan did not ingest");
    sample = graph;
  }
  return sample;
}

/** The ego network of 雄安新区, two relation steps deep, from the sample graph. */
export function xiongAnEgo(): PlanGraph {
  return select(sampleGraph(), { ego: { node: "雄安新区", depth: 2 } });
}

/** tests/fixtures/export/special-characters: quotes, <, &, commas, semicolons, pipes and line breaks in every kind of field. */
export function specialCharacters(): PlanGraph {
  const graph = createPlanGraph();
  graph.import(JSON.parse(readFileSync("tests/fixtures/export/special-characters/graph.json", "utf8")));
  return graph;
}

/** The three graphs every format is round-tripped on. */
export const CASES: readonly { name: string; graph: () => PlanGraph }[] = [
  { name: "the sample plan", graph: sampleGraph },
  { name: "the 2-hop ego network of 雄安新区", graph: xiongAnEgo },
  { name: "the special-characters fixture", graph: specialCharacters },
];

/** The sentence of the fixture that holds every troublesome character (", comma, ;, |, &, <, >, LF). */
export const TRICKY_SENTENCE =
  '京津冀协同发展向纵深推进, "中期目标"基本实现; 京张高铁 & 大兴国际机场建成投运 <2019>,\n京雄城际铁路全线轨道贯通 | 北京现代沧州工厂等一批产业转移重大项目建成投产。';

/** The fixture's relation whose evidence is TRICKY_SENTENCE. */
export const TRICKY_EDGE = "LOCATED_IN:project:京雄城际铁路->region:雄安新区@hebei-special-characters";

/** The evidence of an edge of a graph read back, or an empty list when it has none. */
export function evidenceOf(graph: PlanGraph, edge: string): Evidence[] {
  return ((graph.getEdgeAttributes(edge) as { evidence?: Evidence[] }).evidence ?? []) as Evidence[];
}

/** Zips parallel evidence columns (plans, sections, …) back into evidence objects, as EVIDENCE_COLUMNS defines them. */
export function zipEvidence(columns: Record<string, unknown[] | undefined>): Evidence[] {
  const length = columns.plans?.length ?? 0;
  return Array.from({ length }, (_, i) => {
    const entry: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(EVIDENCE_COLUMNS)) entry[field] = columns[column]?.[i];
    return entry as unknown as Evidence;
  });
}

/** The source's attributes as an export should carry them: Plan text only when the export includes it. */
function expectedAttributes(attrs: Record<string, unknown>, includeText: boolean): Record<string, unknown> {
  if (includeText || attrs.label !== "Plan") return attrs;
  const rest = { ...attrs };
  delete rest.text;
  return rest;
}

/**
 * Asserts that a graph read back from a file holds exactly the source's nodes and edges, with the same labels, types,
 * ends and every attribute (arrays, numbers, evidence sentences) equal.
 */
export function expectSameGraph(
  actual: PlanGraph,
  expected: PlanGraph,
  { includeText }: { includeText: boolean },
): void {
  expect(actual.order).toBe(expected.order);
  expect(actual.size).toBe(expected.size);
  expect(new Set(actual.nodes())).toEqual(new Set(expected.nodes()));
  expected.forEachNode((key, attrs) => {
    expect(actual.getNodeAttributes(key), key).toStrictEqual(expectedAttributes(attrs, includeText));
  });
  expected.forEachEdge((key, attrs, source, target) => {
    expect(actual.hasEdge(key), key).toBe(true);
    expect([actual.source(key), actual.target(key)], key).toEqual([source, target]);
    expect(actual.getEdgeAttributes(key), key).toStrictEqual(attrs);
  });
}
