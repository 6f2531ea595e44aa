// JSON export round-trips through JSON.parse and graphology's import: same nodes, edges and attributes as the source.
import { describe, expect, it } from "vitest";
import { validateGraph } from "../../../schema/index.ts";
import { createPlanGraph } from "../../../graph/model/index.ts";
import { CASES, TRICKY_EDGE, TRICKY_SENTENCE, evidenceOf, expectSameGraph, specialCharacters } from "./graphs.ts";
import { exportToMemory } from "./export-to-text.ts";

async function readBack(text: string) {
  const graph = createPlanGraph();
  graph.import(JSON.parse(text));
  return graph;
}

describe("JSON export", () => {
  for (const { name, graph } of CASES) {
    it(`round-trips ${name} with Plan text, as graph.export() would write it`, async () => {
      const source = graph();
      const { text, summary } = await exportToMemory(source, "json");
      expect(summary).toMatchObject({ format: "json", nodes: source.order, edges: source.size, includeText: true });
      expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(source.export())));
      expectSameGraph(await readBack(text), source, { includeText: true });
      expect(validateGraph(JSON.parse(text)).issues.filter((i) => i.severity === "error")).toEqual([]);
    });
  }

  it("keeps quotes, commas, < & and line breaks of a Chinese sentence exactly", async () => {
    const back = await readBack((await exportToMemory(specialCharacters(), "json")).text);
    expect(evidenceOf(back, TRICKY_EDGE)[0]?.sentence).toBe(TRICKY_SENTENCE);
  });

  it("leaves Plan text out when asked, and only Plan text", async () => {
    const source = specialCharacters();
    const { text, summary } = await exportToMemory(source, "json", { includeText: false });
    expect(summary.includeText).toBe(false);
    const plan = (JSON.parse(text) as { nodes: { attributes: Record<string, unknown> }[] }).nodes[0]?.attributes;
    expect(plan).toMatchObject({ label: "Plan", chars: 251 });
    expect(plan).not.toHaveProperty("text");
    expectSameGraph(await readBack(text), source, { includeText: false });
  });
});
