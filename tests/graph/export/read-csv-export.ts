// Reads a CSV export back the way neo4j-admin does: unzip (Info-ZIP), csv-parse, typed headers, declared array delimiter.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createPlanGraph, type PlanGraph } from "../../../graph/model/index.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../schema/index.ts";
import { zipEvidence } from "./graphs.ts";

/** The files of a CSV export as extracted by the system's unzip. */
export interface CsvFiles {
  names: string[];
  nodes: string;
  relationships: string;
  script: string;
  constraints: string;
}

/** Extracts a zip with Info-ZIP's unzip (not the library that wrote it) and returns its files' text. */
export function unzipExport(bytes: Buffer): CsvFiles {
  const dir = mkdtempSync(join(tmpdir(), "plangraph-csv-"));
  try {
    writeFileSync(join(dir, "export.zip"), bytes);
    execFileSync("unzip", ["-q", "export.zip", "-d", "files"], { cwd: dir });
    const names = execFileSync("ls", [join(dir, "files")], { encoding: "utf8" })
      .trim()
      .split("\n");
    const read = (name: string) => readFileSync(join(dir, "files", name), "utf8");
    return {
      names,
      nodes: read("nodes.csv"),
      relationships: read("relationships.csv"),
      script: read("import.sh"),
      constraints: read("constraints.cypher"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The array delimiter import.sh passes to neo4j-admin (`--array-delimiter=;` or `U+001F`). */
export function declaredDelimiter(script: string): string {
  const match = /--array-delimiter=([^'\s]+)/.exec(script);
  if (!match) throw new Error("import.sh declares no array delimiter");
  const value = match[1] as string;
  return value.startsWith("U+") ? String.fromCodePoint(parseInt(value.slice(2), 16)) : value;
}

type Cell = string | undefined;

/** Parses CSV as neo4j-admin reads it: a quoted empty field is an empty string, an unquoted one is no value. */
export function parseCsv(text: string): { header: string[]; rows: Cell[][] } {
  const records = parse(text, {
    cast: (value: string, context: { quoting: boolean }) => (value === "" && !context.quoting ? undefined : value),
    relax_column_count: false,
  }) as Cell[][];
  const [header, ...rows] = records;
  return { header: (header ?? []) as string[], rows };
}

function typed(type: string, value: string, delimiter: string): unknown {
  if (type.endsWith("[]")) {
    const items = value === "" ? [] : value.split(delimiter);
    return items.map((item) => typed(type.slice(0, -2), item, delimiter));
  }
  if (type === "int" || type === "double") return Number(value);
  if (type === "boolean") return value === "true";
  return value;
}

/** Properties of one row by their header names (`aliases:string[]` → `aliases`), typed as the header says. */
function properties(header: string[], row: Cell[], skip: number, delimiter: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const value = row[i];
    if (i < skip || value === undefined) return;
    const [name, type = "string"] = column.split(":");
    out[name as string] = typed(type, value, delimiter);
  });
  return out;
}

/** Rebuilds a plan graph from nodes.csv and relationships.csv, evidence zipped back from its parallel columns. */
export function graphFromCsv(files: CsvFiles): PlanGraph {
  const delimiter = declaredDelimiter(files.script);
  const graph = createPlanGraph();
  const nodes = parseCsv(files.nodes);
  for (const row of nodes.rows)
    graph.addNode(
      row[0] as string,
      { label: row[1], ...properties(nodes.header, row, 2, delimiter) } as NodeAttributes,
    );
  const rels = parseCsv(files.relationships);
  for (const row of rels.rows) {
    const { key, plans, sections, sentences, starts, ends, ...rest } = properties(rels.header, row, 3, delimiter);
    const evidence =
      plans === undefined
        ? {}
        : {
            evidence: zipEvidence({ plans, sections, sentences, starts, ends } as unknown as Record<
              string,
              unknown[] | undefined
            >),
          };
    graph.addEdgeWithKey(
      key as string,
      row[0] as string,
      row[1] as string,
      { type: row[2], ...rest, ...evidence } as EdgeAttributes,
    );
  }
  return graph;
}
