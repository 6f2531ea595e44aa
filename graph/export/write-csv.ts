// Writer for CSV in the `neo4j-admin database import` layout: nodes.csv and relationships.csv with typed headers.
import { stringify } from "csv-stringify/sync";
import { schemaStatements, type Evidence, type PropertyKind } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { EVIDENCE_PARTS, edgeColumns, flattenEvidence, nodeColumns, type Column } from "./columns.ts";
import { ExportError } from "./errors.ts";

/** Array delimiters tried in order when none is given: the first that no array element in the export contains wins. */
export const ARRAY_DELIMITERS = [";", "|", "\u001F"] as const;

/** The file names inside a CSV export (a zip, or a folder from the CLI). */
export const CSV_FILES = {
  nodes: "nodes.csv",
  relationships: "relationships.csv",
  script: "import.sh",
  constraints: "constraints.cypher",
} as const;

const ROWS_PER_BATCH = 1_000;

/** neo4j-admin's type for each schema kind, before any `[]`. */
const IMPORT_TYPES: { readonly [K in Exclude<PropertyKind, "evidence[]">]: string } = {
  string: "string",
  "string[]": "string[]",
  integer: "int",
  number: "double",
  boolean: "boolean",
};

interface Field {
  header: string;
  /** The property (or evidence column) the field reads from a row's values. */
  name: string;
  list: boolean;
}

function fields(columns: Column[]): Field[] {
  return columns.flatMap((c): Field[] => {
    if (c.kind === "evidence[]")
      return EVIDENCE_PARTS.map((p) => ({
        header: `${p.name}:${p.kind === "integer" ? "int" : "string"}[]`,
        name: p.name,
        list: true,
      }));
    return [{ header: `${c.name}:${IMPORT_TYPES[c.kind]}`, name: c.name, list: c.kind === "string[]" }];
  });
}

/** A row's values by field name: the attributes, with evidence flattened into its parallel columns when present. */
function values(attrs: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return "evidence" in attrs ? { ...attrs, ...flattenEvidence(attrs.evidence) } : attrs;
}

/** Quotes empty strings (neo4j-admin stores `""` as an empty string) and leaves absent values unquoted (no property). */
/** Empty strings quoted (so they differ from missing values), booleans as neo4j-admin reads them (csv-stringify writes 1 and ""). */
const QUOTING = { quoted_match: /^$/, cast: { boolean: (value: boolean) => String(value) } };

function* rows(header: string[], records: Iterable<unknown[]>): Generator<string> {
  yield stringify([header]);
  let pending: unknown[][] = [];
  for (const record of records) {
    pending.push(record);
    if (pending.length === ROWS_PER_BATCH) {
      yield stringify(pending, QUOTING);
      pending = [];
    }
  }
  if (pending.length > 0) yield stringify(pending, QUOTING);
}

function cells(fieldList: Field[], attrs: Readonly<Record<string, unknown>>, delimiter: string): unknown[] {
  const row = values(attrs);
  return fieldList.map((f) => {
    const v = row[f.name];
    return f.list && Array.isArray(v) ? v.join(delimiter) : v;
  });
}

/** Whether any string that ends up inside an array cell contains the character. */
function inArrays(graph: PlanGraph, includeText: boolean, candidates: readonly string[]): Set<string> {
  const found = new Set<string>();
  const any = new RegExp(`[${candidates.map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("")}]`);
  const check = (text: unknown) => {
    if (typeof text === "string" && any.test(text)) for (const c of candidates) if (text.includes(c)) found.add(c);
  };
  const nodeLists = nodeColumns(includeText).filter((c) => c.kind === "string[]");
  const edgeLists = edgeColumns().filter((c) => c.kind === "string[]");
  for (const { attributes } of graph.nodeEntries()) {
    const attrs = attributes as Readonly<Record<string, unknown>>;
    for (const c of nodeLists) for (const v of (attrs[c.name] as unknown[] | undefined) ?? []) check(v);
  }
  for (const { attributes } of graph.edgeEntries()) {
    const attrs = attributes as Readonly<Record<string, unknown>>;
    for (const c of edgeLists) for (const v of (attrs[c.name] as unknown[] | undefined) ?? []) check(v);
    for (const e of (attrs.evidence as Evidence[] | undefined) ?? []) {
      check(e.plan);
      check(e.section);
      check(e.sentence);
    }
  }
  return found;
}

/**
 * The array delimiter for this graph: the one asked for (refused if an element contains it), else the first of
 * ARRAY_DELIMITERS no element contains, since neo4j-admin has no way to escape a delimiter inside an element.
 */
export function chooseArrayDelimiter(graph: PlanGraph, includeText: boolean, wanted?: string): string {
  if (wanted !== undefined && ([...wanted].length !== 1 || wanted === "," || wanted === '"' || wanted === "\n"))
    throw new ExportError(
      "export/bad-option",
      `the array delimiter must be one character other than , " and a line break, not '${wanted}'`,
    );
  const candidates = wanted !== undefined ? [wanted] : [...ARRAY_DELIMITERS];
  const taken = inArrays(graph, includeText, candidates);
  const chosen = candidates.find((d) => !taken.has(d));
  if (chosen === undefined)
    throw new ExportError(
      "export/bad-option",
      `array elements in this graph contain ${candidates.map((d) => JSON.stringify(d)).join(" and ")}; pick another array delimiter`,
    );
  return chosen;
}

/** Yields nodes.csv: `id:ID`, `:LABEL`, then one typed column per node property (lists joined by the delimiter). */
export function* csvNodeChunks(
  graph: PlanGraph,
  options: { includeText: boolean; arrayDelimiter: string },
): Generator<string> {
  const columns = fields(nodeColumns(options.includeText));
  const header = ["id:ID", ":LABEL", ...columns.map((f) => f.header)];
  function* records() {
    for (const { node, attributes } of graph.nodeEntries())
      yield [node, attributes.label, ...cells(columns, attributes, options.arrayDelimiter)];
  }
  yield* rows(header, records());
}

/** Yields relationships.csv: `:START_ID`, `:END_ID`, `:TYPE`, `key`, then typed property columns, evidence as parallel lists. */
export function* csvRelationshipChunks(graph: PlanGraph, options: { arrayDelimiter: string }): Generator<string> {
  const columns = fields(edgeColumns());
  const header = [":START_ID", ":END_ID", ":TYPE", "key:string", ...columns.map((f) => f.header)];
  function* records() {
    for (const { edge, attributes, source, target } of graph.edgeEntries())
      yield [source, target, attributes.type, edge, ...cells(columns, attributes, options.arrayDelimiter)];
  }
  yield* rows(header, records());
}

/** The arguments after `neo4j-admin` that import these files into a database (default `neo4j`), replacing its contents. */
export function neo4jAdminImportArgs(arrayDelimiter: string, database = "neo4j"): string[] {
  const code = arrayDelimiter.codePointAt(0) ?? 0;
  const printable =
    code > 0x20 && code < 0x7f ? arrayDelimiter : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return [
    "database",
    "import",
    "full",
    database,
    `--nodes=${CSV_FILES.nodes}`,
    `--relationships=${CSV_FILES.relationships}`,
    `--array-delimiter=${printable}`,
    "--multiline-fields=true",
  ];
}

/** The neo4j-admin command line for these files, quoted for a POSIX shell. */
export function neo4jAdminImportCommand(arrayDelimiter: string): string {
  const args = neo4jAdminImportArgs(arrayDelimiter).map((a) => (/^[\w:=./+-]+$/.test(a) ? a : `'${a}'`));
  return `neo4j-admin ${args.join(" ")}`;
}

/** The import.sh shipped next to the CSV files: the exact neo4j-admin command, then the constraints to create. */
export function importScript(arrayDelimiter: string): string {
  const shown = arrayDelimiter === "\u001F" ? "U+001F" : arrayDelimiter;
  return [
    "#!/bin/sh",
    "# Imports plangraph's CSV export into an EMPTY Neo4j 5 database with neo4j-admin (stop the database first).",
    `# Array columns (aliases, sentences, …) separate elements with '${shown}'; evidence is`,
    "# flattened into parallel lists plans/sections/sentences/starts/ends, as plangraph load stores it; empty lists are absent.",
    "set -e",
    `${neo4jAdminImportCommand(arrayDelimiter)} "$@"`,
    `echo "imported; start Neo4j and create plangraph's constraints: cypher-shell -f ${CSV_FILES.constraints}"`,
    "",
  ].join("\n");
}

/** The constraints and indexes plangraph load creates, as a script to run once the imported database is started. */
export function constraintsScript(): string {
  return `${schemaStatements()
    .map((s) => `${s};`)
    .join("\n")}\n`;
}
