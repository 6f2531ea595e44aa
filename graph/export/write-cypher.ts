// Writer for a Cypher script that recreates the graph in an empty database: constraints first, then batched MERGEs.
import {
  EDGE_PROPERTIES,
  EDGE_TYPES,
  NODE_LABELS,
  NODE_PROPERTIES,
  schemaStatements,
  type EdgeType,
  type NodeLabel,
  type PropertySpec,
} from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { EVIDENCE_PARTS, TEXT_PROPERTY, flattenEvidence } from "./columns.ts";
import { cypherFloat, cypherInteger, cypherName, cypherString } from "./cypher-literal.ts";

/** Rows per UNWIND statement when none is given: large enough to be fast, small enough for any client's buffer. */
export const DEFAULT_CYPHER_BATCH = 500;

function literal(kind: PropertySpec["kind"] | "integer[]", value: unknown): string {
  switch (kind) {
    case "string":
      return cypherString(String(value));
    case "integer":
      return cypherInteger(value as number);
    case "number":
      return cypherFloat(value as number);
    case "boolean":
      return value ? "true" : "false";
    case "string[]":
      return `[${(value as unknown[]).map((v) => cypherString(String(v))).join(", ")}]`;
    case "integer[]":
      return `[${(value as number[]).map(cypherInteger).join(", ")}]`;
    case "evidence[]":
      throw new Error("graph/export: evidence is flattened before it becomes a literal");
  }
}

/** The `{…}` map of a node's or relationship's properties, as Neo4j stores them (evidence as parallel lists). */
function propsMap(
  specs: Readonly<Record<string, PropertySpec>>,
  attrs: Readonly<Record<string, unknown>>,
  includeText: boolean,
): string {
  const entries: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const value = attrs[name];
    if (value === undefined || value === null || (!includeText && name === TEXT_PROPERTY)) continue;
    if (spec.kind === "evidence[]") {
      const flat = flattenEvidence(value);
      for (const p of EVIDENCE_PARTS)
        entries.push(
          `${cypherName(p.name)}: ${literal(p.kind === "integer" ? "integer[]" : "string[]", flat[p.name])}`,
        );
    } else entries.push(`${cypherName(name)}: ${literal(spec.kind, value)}`);
  }
  return `{${entries.join(", ")}}`;
}

function* statements(rows: Iterable<string>, size: number, head: string, tail: string): Generator<string> {
  let count = 0;
  for (const row of rows) {
    yield count === 0 ? `${head}\n  ${row}` : `,\n  ${row}`;
    if (++count === size) {
      yield `\n${tail}\n`;
      count = 0;
    }
  }
  if (count > 0) yield `\n${tail}\n`;
}

/**
 * Yields a script for cypher-shell (`cypher-shell -f graph.cypher`) or Neo4j Browser: the schema's constraints and
 * indexes, then one `UNWIND [literal rows] … MERGE` per batch, by label and by relationship type and end labels.
 * MERGE on ids and keys makes a re-run after a failure safe.
 */
export function* cypherChunks(
  graph: PlanGraph,
  options: { includeText: boolean; batchSize?: number },
): Generator<string> {
  const size = Math.max(1, options.batchSize ?? DEFAULT_CYPHER_BATCH);
  yield `// plangraph export: ${graph.order} nodes and ${graph.size} relationships.\n`;
  yield "// Run against an empty Neo4j 5 database: cypher-shell -a bolt://host:7687 -u neo4j -f this-file.cypher\n";
  for (const statement of schemaStatements()) yield `${statement};\n`;
  yield "CALL db.awaitIndexes(300);\n";
  const byLabel = new Map<NodeLabel, string[]>(NODE_LABELS.map((l) => [l, []]));
  graph.forEachNode((key, attrs) => byLabel.get(attrs.label)?.push(key));
  for (const [label, keys] of byLabel) {
    function* rows() {
      for (const key of keys)
        yield `{id: ${cypherString(key)}, props: ${propsMap(NODE_PROPERTIES[label], graph.getNodeAttributes(key), options.includeText)}}`;
    }
    yield* statements(rows(), size, "UNWIND [", `] AS row\nMERGE (n:${label} {id: row.id}) SET n += row.props;`);
  }
  const groups = new Map<string, { type: EdgeType; from: NodeLabel; to: NodeLabel; keys: string[] }>();
  for (const type of EDGE_TYPES) {
    graph.forEachEdge((key, attrs, _s, _t, sourceAttrs, targetAttrs) => {
      if (attrs.type !== type) return;
      const id = `${type}|${sourceAttrs.label}|${targetAttrs.label}`;
      const group = groups.get(id) ?? { type, from: sourceAttrs.label, to: targetAttrs.label, keys: [] };
      group.keys.push(key);
      groups.set(id, group);
    });
  }
  for (const { type, from, to, keys } of groups.values()) {
    function* rows() {
      for (const key of keys) {
        const props = propsMap(EDGE_PROPERTIES[type], graph.getEdgeAttributes(key), options.includeText);
        yield `{s: ${cypherString(graph.source(key))}, t: ${cypherString(graph.target(key))}, key: ${cypherString(key)}, props: ${props}}`;
      }
    }
    yield* statements(
      rows(),
      size,
      "UNWIND [",
      `] AS row\nMATCH (a:${from} {id: row.s}) MATCH (b:${to} {id: row.t})\nMERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props;`,
    );
  }
}
