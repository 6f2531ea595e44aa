// The properties every format writes, derived from schema/: one column per property name across labels and types.
import {
  EDGE_PROPERTIES,
  EVIDENCE_COLUMNS,
  NODE_PROPERTIES,
  type Evidence,
  type PropertyKind,
} from "../../schema/index.ts";
import { ExportError } from "./errors.ts";

/** One property as a column: its name, its kind in the schema, and what it means (for key declarations). */
export interface Column {
  name: string;
  kind: PropertyKind;
  doc: string;
}

/** One of the parallel columns an `evidence[]` property is flattened into, as Neo4j stores it. */
export interface EvidenceColumn {
  name: string;
  field: keyof Evidence;
  kind: "string" | "integer";
}

const EVIDENCE_FIELD_KINDS: { readonly [F in keyof Evidence]: "string" | "integer" } = {
  plan: "string",
  section: "string",
  sentence: "string",
  start: "integer",
  end: "integer",
};

/** The evidence columns in EVIDENCE_COLUMNS order (plans, sections, sentences, starts, ends). */
export const EVIDENCE_PARTS: readonly EvidenceColumn[] = Object.entries(EVIDENCE_COLUMNS).map(([name, field]) => ({
  name,
  field,
  kind: EVIDENCE_FIELD_KINDS[field],
}));

/** The Plan property that holds the whole cleaned text, left out of exports unless asked for. */
export const TEXT_PROPERTY = "text";

function union(
  tables: Readonly<Record<string, Readonly<Record<string, { kind: PropertyKind; doc: string }>>>>,
): Column[] {
  const columns = new Map<string, { name: string; kind: PropertyKind; docs: Map<string, string[]> }>();
  for (const [owner, specs] of Object.entries(tables)) {
    for (const [name, spec] of Object.entries(specs)) {
      const seen = columns.get(name) ?? { name, kind: spec.kind, docs: new Map<string, string[]>() };
      if (seen.kind !== spec.kind)
        throw new ExportError(
          "export/schema-conflict",
          `property '${name}' is ${seen.kind} on one label and ${spec.kind} on ${owner}; one column cannot hold both`,
        );
      seen.docs.set(spec.doc, [...(seen.docs.get(spec.doc) ?? []), owner]);
      columns.set(name, seen);
    }
  }
  return [...columns.values()].map(({ name, kind, docs }) => ({
    name,
    kind,
    doc: [...docs].map(([doc, owners]) => `${doc} (${owners.join(", ")})`).join("; "),
  }));
}

/** Node columns: every node property of every label once, in schema order, `text` only when asked for. */
export function nodeColumns(includeText: boolean): Column[] {
  return union(NODE_PROPERTIES).filter((c) => includeText || c.name !== TEXT_PROPERTY);
}

/** Edge columns: every relationship property of every type once, in schema order. */
export function edgeColumns(): Column[] {
  return union(EDGE_PROPERTIES);
}

/** Evidence flattened to parallel arrays, one per EVIDENCE_COLUMNS entry (what Neo4j stores); empty when absent. */
export function flattenEvidence(value: unknown): Record<string, (string | number)[]> {
  const evidence = Array.isArray(value) ? (value as Evidence[]) : [];
  return Object.fromEntries(EVIDENCE_PARTS.map((p) => [p.name, evidence.map((e) => e[p.field])]));
}
