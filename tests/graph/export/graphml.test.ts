// GraphML export read back by graphology-graphml's parser (and checked well-formed by fast-xml-parser): same graph as the source.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Graph from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { createPlanGraph, type PlanGraph } from "../../../graph/model/index.ts";
import { EDGE_PROPERTIES, NODE_PROPERTIES, type EdgeAttributes, type NodeAttributes } from "../../../schema/index.ts";
import { CASES, TRICKY_EDGE, TRICKY_SENTENCE, evidenceOf, expectSameGraph, specialCharacters } from "./graphs.ts";
import { exportToMemory } from "./export-to-text.ts";

/** Properties GraphML holds as JSON text: every list the schema declares (aliases, rules, chain, evidence). */
const JSON_KEYS = new Set(
  [...Object.values(NODE_PROPERTIES), ...Object.values(EDGE_PROPERTIES)].flatMap((specs) =>
    Object.entries(specs)
      .filter(([, spec]) => spec.kind.endsWith("[]"))
      .map(([name]) => name),
  ),
);

/** Turns graphology-graphml's reading (ids n0…, JSON text for lists) back into a plan graph keyed by plangraph ids. */
function readBack(text: string): PlanGraph {
  const parsed = parse(Graph, text);
  const graph = createPlanGraph();
  const decode = (attrs: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, JSON_KEYS.has(k) ? JSON.parse(v as string) : v]));
  parsed.forEachNode((_n, attrs) => {
    const { id, ...rest } = decode(attrs);
    graph.addNode(id as string, rest as NodeAttributes);
  });
  parsed.forEachEdge((_e, attrs, source, target) => {
    const { key, ...rest } = decode(attrs);
    graph.addEdgeWithKey(
      key as string,
      parsed.getNodeAttribute(source, "id"),
      parsed.getNodeAttribute(target, "id"),
      rest as EdgeAttributes,
    );
  });
  return graph;
}

describe("GraphML export", () => {
  for (const { name, graph } of CASES) {
    it(`round-trips ${name}: well-formed XML, every node, edge and attribute back with its type`, async () => {
      const source = graph();
      const { text } = await exportToMemory(source, "graphml");
      expect(XMLValidator.validate(text)).toBe(true);
      expectSameGraph(readBack(text), source, { includeText: false });
    });
  }

  it("declares a typed <key> for every attribute it writes", async () => {
    const { text } = await exportToMemory(specialCharacters(), "graphml", { includeText: true });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text);
    const keys = doc.graphml.key as { id: string; for: string; "attr.name": string; "attr.type": string }[];
    const declared = new Map(keys.map((k) => [k.id, k]));
    const used = new Set<string>();
    for (const element of [...doc.graphml.graph.node, ...doc.graphml.graph.edge])
      for (const d of [element.data].flat()) used.add(d.key);
    for (const id of used) expect(declared.has(id), id).toBe(true);
    const type = (domain: string, name: string) =>
      keys.find((k) => k.for === domain && k["attr.name"] === name)?.["attr.type"];
    expect(type("node", "horizon")).toBe("int");
    expect(type("node", "value")).toBe("double");
    expect(type("node", "code")).toBe("string");
    expect(type("node", "text")).toBe("string");
    expect(type("edge", "evidence")).toBe("string");
    expect(keys.find((k) => k["attr.name"] === "aliases")).toMatchObject({
      desc: expect.stringContaining("JSON array"),
    });
  });

  it("keeps the Chinese sentence with quotes, commas, < & and a line break exactly, and Plan text only when asked", async () => {
    const plain = readBack((await exportToMemory(specialCharacters(), "graphml")).text);
    expect(evidenceOf(plain, TRICKY_EDGE)[0]?.sentence).toBe(TRICKY_SENTENCE);
    expect(plain.getNodeAttributes("plan:hebei-special-characters")).not.toHaveProperty("text");
    const withText = readBack((await exportToMemory(specialCharacters(), "graphml", { includeText: true })).text);
    expectSameGraph(withText, specialCharacters(), { includeText: true });
  });
});
