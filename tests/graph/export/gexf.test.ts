// GEXF 1.3 export read back by graphology-gexf's parser (and checked well-formed by fast-xml-parser): same graph as the source.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { createPlanGraph, type PlanGraph } from "../../../graph/model/index.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../schema/index.ts";
import {
  CASES,
  TRICKY_EDGE,
  TRICKY_SENTENCE,
  evidenceOf,
  expectSameGraph,
  sampleGraph,
  specialCharacters,
  zipEvidence,
} from "./graphs.ts";
import { exportToMemory } from "./export-to-text.ts";

/** Turns graphology-gexf's reading back into a plan graph, checking GEXF labels are names (nodes) and types (edges). */
function readBack(text: string): PlanGraph {
  const parsed = parse(Graph, text);
  const graph = createPlanGraph();
  parsed.forEachNode((key, attrs) => {
    const { label: shown, nodeLabel, ...rest } = attrs;
    expect(shown, key).toBe(rest.name);
    graph.addNode(key, { label: nodeLabel, ...rest } as NodeAttributes);
  });
  parsed.forEachEdge((key, attrs, source, target) => {
    const { label: shown, kind, relType, plans, sections, sentences, starts, ends, ...rest } = attrs;
    expect([shown, kind], key).toEqual([relType, relType]);
    const evidence = plans === undefined ? {} : { evidence: zipEvidence({ plans, sections, sentences, starts, ends }) };
    graph.addEdgeWithKey(key, source, target, { type: relType, ...rest, ...evidence } as EdgeAttributes);
  });
  return graph;
}

describe("GEXF export", () => {
  for (const { name, graph } of CASES) {
    it(`round-trips ${name}: well-formed XML, every node, edge and attribute back with its type`, async () => {
      const source = graph();
      const { text } = await exportToMemory(source, "gexf");
      expect(XMLValidator.validate(text)).toBe(true);
      expectSameGraph(readBack(text), source, { includeText: false });
    });
  }

  it("is GEXF 1.3 with the 1.3 namespace, node names as labels and relationship types as edge labels for Gephi", async () => {
    const { text } = await exportToMemory(sampleGraph(), "gexf");
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text);
    expect(doc.gexf).toMatchObject({ version: "1.3", xmlns: "http://gexf.net/1.3" });
    expect(text).not.toContain("http:///");
    const parsed = parse(Graph, text);
    expect(parsed.getNodeAttribute("region:雄安新区", "label")).toBe("雄安新区");
    const edge = parsed.edges("project:北京现代沧州工厂", "region:沧州")[0] as string;
    expect(parsed.getEdgeAttributes(edge)).toMatchObject({
      label: "LOCATED_IN",
      kind: "LOCATED_IN",
      relType: "LOCATED_IN",
    });
    const types = Object.fromEntries(
      [doc.gexf.graph.attributes]
        .flat()
        .flatMap((a: { class: string; attribute: { title: string; type: string }[] }) =>
          a.attribute.map((x) => [`${a.class}.${x.title}`, x.type]),
        ),
    );
    expect(types).toMatchObject({
      "node.aliases": "liststring",
      "node.horizon": "integer",
      "node.value": "double",
      "edge.sentences": "liststring",
      "edge.starts": "listinteger",
    });
  });

  it("keeps the Chinese sentence with quotes, commas, < & and a line break exactly", async () => {
    const back = readBack((await exportToMemory(specialCharacters(), "gexf")).text);
    expect(evidenceOf(back, TRICKY_EDGE)[0]?.sentence).toBe(TRICKY_SENTENCE);
    expect(back.getNodeAttribute("project:京雄城际铁路", "aliases")).toEqual([
      '"京雄"城际, 一期',
      "京雄;城际|二期",
      "<京雄>&城际\n换行",
    ]);
    const withText = readBack((await exportToMemory(specialCharacters(), "gexf", { includeText: true })).text);
    expectSameGraph(withText, specialCharacters(), { includeText: true });
  });
});
