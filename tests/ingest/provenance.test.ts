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

describe("provenance on Markdown plans of data/corpus-years", () => {
  const files = [
    "five-year-plans/2021-十四五规划纲要.md",
    "statistical-communiques/2024.md",
    "provincial-reports/福建省/2019.md",
  ];

  it.each(files)("keeps every offset of %s on the cleaned text, which holds no Markdown syntax", (file) => {
    const path = `data/corpus-years/${file}`;
    const { graph, extraction, issues } = ingestDocument(readFileSync(path), path, file);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const plan = graph!.getNodeAttributes(`plan:${file}`) as NodeAttributes<"Plan">;
    const text = plan.text!;
    expect(plan.sourceUrl).toMatch(/^https:\/\/www\.(stats\.|fujian\.)?gov\.cn\//u);
    expect(text).not.toMatch(/\*\*|<!--|-->|<\/?(details|summary|br)\b|!\[|\]\(|\||^#{1,6} |^-{3,}$/mu);
    for (const s of extraction!.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    let evidence = 0;
    graph!.forEachEdge((_, attrs) => {
      for (const ev of (attrs as { evidence?: Evidence[] }).evidence ?? []) {
        evidence++;
        expect(text.slice(ev.start, ev.end)).toBe(ev.sentence);
      }
    });
    expect(evidence).toBeGreaterThan(100);
  });

  it("makes each # heading of the 14th outline a section whose heading is its line and whose depth is its level", () => {
    const path = "data/corpus-years/five-year-plans/2021-十四五规划纲要.md";
    const { extraction } = ingestDocument(readFileSync(path), path, "outline-14");
    const { clean: doc, structure } = extraction!;
    expect(doc.headings).toHaveLength(276);
    const byStart = new Map(structure.sections.map((s) => [s.start, s]));
    for (const h of doc.headings!) {
      const section = byStart.get(h.start)!;
      expect(section.depth).toBe(h.level - 1);
      const line = doc.text.slice(section.headingStart, section.headingEnd);
      expect(line).toBe(doc.text.slice(h.start, h.end));
      expect(line.startsWith(section.number) && line.endsWith(section.heading)).toBe(true);
    }
    expect(structure.sections.filter((s) => /^第.+篇/u.test(s.number))).toHaveLength(19);
    expect(structure.sections.find((s) => s.number.startsWith("第三章"))).toMatchObject({
      heading: "主要目标",
      role: "goals",
      depth: 2,
    });
  });
});
