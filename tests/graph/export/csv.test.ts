// CSV export: a zip that Info-ZIP extracts, with neo4j-admin headers, read back by csv-parse into the same graph as the source.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ExportError, exportGraph } from "../../../graph/export/index.ts";
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
import { declaredDelimiter, graphFromCsv, parseCsv, unzipExport } from "./read-csv-export.ts";

describe("CSV export", () => {
  for (const { name, graph } of CASES) {
    it(`round-trips ${name} through unzip and csv-parse`, async () => {
      const source = graph();
      const { bytes, summary } = await exportToMemory(source, "csv");
      const files = unzipExport(bytes);
      expect(files.names.sort()).toEqual(["constraints.cypher", "import.sh", "nodes.csv", "relationships.csv"]);
      expect(declaredDelimiter(files.script)).toBe(summary.arrayDelimiter);
      expectSameGraph(graphFromCsv(files), source, { includeText: false });
    });
  }

  it("writes the neo4j-admin import headers with typed columns", async () => {
    const files = unzipExport((await exportToMemory(sampleGraph(), "csv")).bytes);
    const nodes = parseCsv(files.nodes).header;
    expect(nodes.slice(0, 4)).toEqual(["id:ID", ":LABEL", "name:string", "aliases:string[]"]);
    expect(nodes).toEqual(
      expect.arrayContaining(["horizon:int", "value:double", "year:int", "code:string", "start:int"]),
    );
    expect(nodes).not.toContain("text:string");
    const rels = parseCsv(files.relationships).header;
    expect(rels.slice(0, 4)).toEqual([":START_ID", ":END_ID", ":TYPE", "key:string"]);
    expect(rels).toEqual(
      expect.arrayContaining(["plan:string", "sentences:string[]", "sections:string[]", "starts:int[]", "ends:int[]"]),
    );
    expect(files.script).toContain(
      "neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv",
    );
    expect(files.constraints).toContain("CREATE CONSTRAINT plangraph_region_id IF NOT EXISTS");
  });

  it("uses ';' between array elements unless the data holds one, then '|', then U+001F", async () => {
    expect((await exportToMemory(sampleGraph(), "csv")).summary.arrayDelimiter).toBe(";");
    // The fixture has both ';' and '|' inside sentences and aliases.
    const special = await exportToMemory(specialCharacters(), "csv");
    expect(special.summary.arrayDelimiter).toBe("\u001F");
    expect(unzipExport(special.bytes).script).toContain("--array-delimiter=U+001F");
    const back = graphFromCsv(unzipExport(special.bytes));
    expect(back.getNodeAttribute("project:京雄城际铁路", "aliases")).toContain("京雄;城际|二期");
    expect(evidenceOf(back, TRICKY_EDGE)[0]?.sentence).toBe(TRICKY_SENTENCE);
  });

  it("keeps an empty string as a quoted empty field and an absent value as an unquoted one", async () => {
    const { nodes } = unzipExport((await exportToMemory(specialCharacters(), "csv")).bytes);
    const section = nodes.split("\n").find((line) => line.startsWith("section:hebei-special-characters/0,"));
    // aliases (an empty list) and number (the preface has none) are quoted empty fields; the Plan-only columns are absent.
    expect(section).toMatch(
      /^section:hebei-special-characters\/0,Section,（前言）,"",(,)+hebei-special-characters,"",1,0,0,\d+$/,
    );
  });

  it("writes Plan text, line breaks and all, when asked", async () => {
    const source = specialCharacters();
    const back = graphFromCsv(unzipExport((await exportToMemory(source, "csv", { includeText: true })).bytes));
    expectSameGraph(back, source, { includeText: true });
  });

  it("refuses an array delimiter that occurs inside an element, before writing anything", async () => {
    let written = 0;
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        written += chunk.length;
        done();
      },
    });
    const error = await exportGraph(specialCharacters(), "csv", sink, { arrayDelimiter: "|" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ code: "export/bad-option" });
    expect(written).toBe(0);
  });
});
