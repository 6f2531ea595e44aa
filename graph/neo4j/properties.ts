// Converts schema properties to what Neo4j can store (integers as Integer, evidence as parallel arrays) and back.
import neo4j from "neo4j-driver";
import {
  EDGE_PROPERTIES,
  EVIDENCE_COLUMNS,
  NODE_PROPERTIES,
  type EdgeType,
  type Evidence,
  type NodeLabel,
  type PropertySpec,
} from "../../schema/index.ts";

type Specs = Readonly<Record<string, PropertySpec>>;

const COLUMNS = Object.entries(EVIDENCE_COLUMNS) as [string, keyof Evidence][];
const INTEGER_FIELDS = new Set<keyof Evidence>(["start", "end"]);

function toStored(specs: Specs, attrs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = attrs[name];
    if (value === undefined || value === null) continue;
    switch (spec.kind) {
      case "integer":
        out[name] = neo4j.int(value as number);
        break;
      case "evidence[]": {
        const evidence = value as Evidence[];
        for (const [column, field] of COLUMNS)
          out[column] = evidence.map((e) => (INTEGER_FIELDS.has(field) ? neo4j.int(e[field]) : e[field]));
        break;
      }
      default:
        out[name] = value;
    }
  }
  return out;
}

function fromStored(specs: Specs, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...props };
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.kind !== "evidence[]" || !COLUMNS.every(([column]) => Array.isArray(props[column]))) continue;
    const columns = COLUMNS.map(([column, field]) => [field, props[column] as unknown[]] as const);
    const length = Math.min(...columns.map(([, values]) => values.length));
    out[name] = Array.from({ length }, (_, i) =>
      Object.fromEntries(columns.map(([field, values]) => [field, values[i]])),
    );
    for (const [column] of COLUMNS) delete out[column];
  }
  return out;
}

function storedNames(specs: Specs): string[] {
  return Object.entries(specs).flatMap(([name, spec]) =>
    spec.kind === "evidence[]" ? COLUMNS.map(([c]) => c) : [name],
  );
}

/** The Neo4j property names a node label is stored with, so write statements can set each one explicitly. */
export function nodeStoredNames(label: NodeLabel): string[] {
  return storedNames(NODE_PROPERTIES[label]);
}

/** The Neo4j property names a relationship type is stored with (an `evidence[]` becomes its parallel columns). */
export function edgeStoredNames(type: EdgeType): string[] {
  return storedNames(EDGE_PROPERTIES[type]);
}

/** The Neo4j properties of a node: schema properties only, integers typed, `label` left to the Neo4j label. */
export function nodeToNeo4j(label: NodeLabel, attrs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return toStored(NODE_PROPERTIES[label], attrs);
}

/** The Neo4j properties of a relationship: schema properties only, `evidence` flattened per EVIDENCE_COLUMNS. */
export function edgeToNeo4j(type: EdgeType, attrs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return toStored(EDGE_PROPERTIES[type], attrs);
}

/** The graph-JSON attributes of a stored node with the given label (properties as read, JS numbers). */
export function nodeFromNeo4j(label: NodeLabel, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return fromStored(NODE_PROPERTIES[label], props);
}

/** The graph-JSON attributes of a stored relationship, with its parallel evidence arrays zipped back into objects. */
export function edgeFromNeo4j(type: EdgeType, props: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return fromStored(EDGE_PROPERTIES[type], props);
}
