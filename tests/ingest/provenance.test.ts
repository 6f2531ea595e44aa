// Every entity and relation of the sample plan points at a sentence that is exactly the cleaned text at its offsets.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isEntityLabel,
  isRelationType,
  validateGraph,
  type EdgeAttributes,
  type Evidence,
  type NodeAttributes,
} from "../../schema/index.ts";
import { ingestDocument } from "../../ingest/pipeline.ts";

describe("provenance on the sample plan", () => {
  const { graph } = ingestDocument(readFileSync("data/plans/hebei-14th-fyp-proposal.txt"), "hebei.txt", "hebei");
  const g = graph!;
  const text = (g.getNodeAttributes("plan:hebei") as NodeAttributes<"Plan">).text ?? "";

  it("produces a graph the schema accepts", () => {
    const { issues } = validateGraph(g.export(), "hebei.json");
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("gives every entity at least one mention whose sentence is the text at its offsets", () => {
    let entities = 0;
    g.forEachNode((key, attrs) => {
      if (!isEntityLabel(attrs.label)) return;
      entities++;
      const mentions = g.outEdges(key).filter((e) => g.getEdgeAttribute(e, "type") === "MENTIONED_IN");
      expect(mentions.length, key).toBeGreaterThan(0);
      for (const e of mentions) {
        const { evidence } = g.getEdgeAttributes(e) as EdgeAttributes<"MENTIONED_IN">;
        expect(evidence.length).toBeGreaterThan(0);
        for (const ev of evidence) {
          expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
          expect(g.hasNode(ev.section)).toBe(true);
        }
      }
    });
    expect(entities).toBeGreaterThan(200);
  });

  it("gives every relation evidence sentences that are the text at their offsets and name its section", () => {
    let relations = 0;
    g.forEachEdge((_, attrs) => {
      if (!isRelationType(attrs.type)) return;
      relations++;
      const evidence = (attrs as { evidence: Evidence[] }).evidence;
      expect(evidence.length).toBeGreaterThan(0);
      for (const ev of evidence) {
        expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
        expect(ev.plan).toBe("hebei");
        expect(g.getNodeAttribute(ev.section, "label")).toBe("Section");
      }
    });
    expect(relations).toBeGreaterThan(80);
  });

  it("places every section inside the text and links it to its parent", () => {
    g.forEachNode((key, attrs) => {
      if (attrs.label !== "Section") return;
      const { start, end } = attrs as { start: number; end: number };
      expect(start).toBeLessThan(end);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(g.outEdges(key).filter((e) => g.getEdgeAttribute(e, "type") === "PART_OF")).toHaveLength(1);
    });
  });
});
