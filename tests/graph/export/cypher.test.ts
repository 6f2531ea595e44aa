// Cypher script export: constraints first, then UNWIND batches whose literal rows evaluate back to the source graph.
import { describe, expect, it } from "vitest";
import { schemaStatements } from "../../../schema/index.ts";
import { cypherFloat, cypherInteger, cypherString } from "../../../graph/export/cypher-literal.ts";
import {
  CASES,
  TRICKY_EDGE,
  TRICKY_SENTENCE,
  evidenceOf,
  expectSameGraph,
  sampleGraph,
  specialCharacters,
} from "./graphs.ts";
import { exportToMemory } from "./export-to-text.ts";
import { graphFromScript, parseLiteral, splitStatements } from "./read-cypher-script.ts";

describe("Cypher script export", () => {
  for (const { name, graph } of CASES) {
    it(`recreates ${name}: schema statements first, then every node and relationship`, async () => {
      const source = graph();
      const { text } = await exportToMemory(source, "cypher");
      const { graph: back, schema } = graphFromScript(text);
      expect(schema).toEqual([...schemaStatements(), "CALL db.awaitIndexes(300)"]);
      expectSameGraph(back, source, { includeText: false });
    });
  }

  it("batches rows (500 by default, or as asked), one label or one type and pair of end labels per statement", async () => {
    const source = sampleGraph();
    const statements = (batchSize?: number) =>
      exportToMemory(source, "cypher", batchSize ? { batchSize } : {}).then((w) =>
        splitStatements(w.text).filter((s) => s.startsWith("UNWIND")),
      );
    const regions = source.filterNodes((_k, a) => a.label === "Region").length;
    const byDefault = await statements();
    const mentioned = source.filterEdges((_k, a) => a.type === "MENTIONED_IN").length;
    expect(byDefault.filter((s) => s.includes("MERGE (n:Region")).length).toBe(Math.ceil(regions / 500));
    expect(byDefault.filter((s) => s.includes("[r:MENTIONED_IN")).length).toBeGreaterThanOrEqual(
      Math.ceil(mentioned / 500),
    );
    const small = await statements(10);
    expect(small.filter((s) => s.includes("MERGE (n:Region")).length).toBe(Math.ceil(regions / 10));
    for (const s of small)
      expect((parseLiteral(s.slice(7, s.lastIndexOf("] AS row") + 1)) as unknown[]).length).toBeLessThanOrEqual(10);
  });

  it("writes whole-number floats as floats and integers as integers, so Neo4j stores the schema's types", async () => {
    const { text } = await exportToMemory(specialCharacters(), "cypher");
    expect(text).toContain("value: 35.0");
    expect(text).toContain("horizon: 2025,");
    expect(text).toContain("code: '130000'");
  });

  it("escapes the Chinese sentence with quotes, commas, < & and line breaks so it reads back exactly", async () => {
    const { graph } = graphFromScript((await exportToMemory(specialCharacters(), "cypher")).text);
    expect(evidenceOf(graph, TRICKY_EDGE)[0]?.sentence).toBe(TRICKY_SENTENCE);
  });

  it("writes Plan text only when asked", async () => {
    const source = specialCharacters();
    const withText = graphFromScript((await exportToMemory(source, "cypher", { includeText: true })).text).graph;
    expectSameGraph(withText, source, { includeText: true });
    const without = graphFromScript((await exportToMemory(source, "cypher")).text).graph;
    expect(without.getNodeAttributes("plan:hebei-special-characters")).not.toHaveProperty("text");
  });
});

describe("Cypher literals", () => {
  it("escapes backslashes, quotes and control characters and nothing else", () => {
    expect(cypherString("雄安新区")).toBe("'雄安新区'");
    expect(cypherString('it\'s \\ "x"\n\r\t\u0001')).toBe("'it\\'s \\\\ \"x\"\\n\\r\\t\\u0001'");
  });

  it("keeps floats floats and integers integers", () => {
    expect(cypherFloat(35)).toBe("35.0");
    expect(cypherFloat(34.5)).toBe("34.5");
    expect(cypherFloat(1e21)).toBe("1e21");
    expect(cypherFloat(1e-7)).toBe("1e-7");
    expect(cypherInteger(2025)).toBe("2025");
    expect(() => cypherFloat(Number.NaN)).toThrow(RangeError);
  });
});
