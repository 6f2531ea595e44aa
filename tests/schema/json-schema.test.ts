// The derived JSON Schema, checked with an independent validator (Ajv) on the sample plan's real graph and on broken copies.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { graphJsonSchema, validateGraph, type SerializedPlanGraph } from "../../schema/index.ts";
import { ingestDocument } from "../../ingest/pipeline.ts";

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(graphJsonSchema());
// The sample plan (data/plans/hebei-14th-fyp-proposal.txt), ingested as users do.
const plan = ingestDocument(readFileSync("data/plans/hebei-14th-fyp-proposal.txt"), "hebei.txt", "hebei");
const graph = plan.graph!.export() as unknown as SerializedPlanGraph;
const copy = () =>
  JSON.parse(JSON.stringify(graph)) as {
    nodes: { attributes: Record<string, unknown> }[];
    edges: { attributes: Record<string, unknown> }[];
  };

describe("graphJsonSchema", () => {
  it("accepts the graph the extractor writes", () => {
    expect(validate(graph), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("rejects an unknown label, a missing name and evidence without offsets", () => {
    const unknown = copy();
    unknown.nodes[0]!.attributes.label = "Company";
    expect(validate(unknown)).toBe(false);
    const nameless = copy();
    delete nameless.nodes.find((n) => n.attributes.label === "Region")!.attributes.name;
    expect(validate(nameless)).toBe(false);
    const broken = copy();
    const relation = broken.edges.find((e) => e.attributes.type === "SUPPORTS")!;
    delete (relation.attributes.evidence as { start?: number }[])[0]!.start;
    expect(validate(broken)).toBe(false);
  });

  it("accepts the declared plan genres, 统计公报 among them, and rejects any other, as the runtime validator does", () => {
    const genre = (value: string) => {
      const g = copy();
      g.nodes.find((n) => n.attributes.label === "Plan")!.attributes.genre = value;
      return g;
    };
    expect(validate(genre("统计公报"))).toBe(true);
    expect(validate(genre("年度报告"))).toBe(false);
    const { issues } = validateGraph(genre("年度报告"), "g.json");
    expect(issues).toEqual([
      expect.objectContaining({
        code: "graph/bad-property",
        message: expect.stringMatching(/'genre' must be one of .*统计公报/u),
      }),
    ]);
  });
});
