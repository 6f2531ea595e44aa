// Writer for GraphML: typed <key> declarations from the schema, then nodes and edges with <data> per property present.
import { DESCRIPTIONS, EDGE_TYPES, NODE_LABELS, type PropertyKind } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { edgeColumns, nodeColumns, type Column } from "./columns.ts";
import { xmlAttr, xmlText } from "./xml.ts";

/** GraphML's `attr.type` for each schema kind; lists and evidence have no GraphML type and travel as JSON text. */
const GRAPHML_TYPES: { readonly [K in PropertyKind]: "string" | "int" | "double" | "boolean" } = {
  string: "string",
  "string[]": "string",
  integer: "int",
  number: "double",
  boolean: "boolean",
  "evidence[]": "string",
};

const ENCODING_NOTES: { readonly [K in PropertyKind]?: string } = {
  "string[]": "JSON array of strings. ",
  "evidence[]":
    "JSON array of {plan, section, sentence, start, end}: the sentence and its offsets in the plan's cleaned text. ",
};

interface Key {
  id: string;
  name: string;
  kind: PropertyKind;
  desc: string;
}

function keysFor(prefix: "n" | "e", columns: Column[], leading: Key[]): Key[] {
  const fromSchema = columns.map((c) => ({
    id: `${prefix}.${c.name}`,
    name: c.name,
    kind: c.kind,
    desc: `${ENCODING_NOTES[c.kind] ?? ""}${c.doc}`,
  }));
  return [...leading, ...fromSchema];
}

function value(kind: PropertyKind, v: unknown): string {
  return kind === "string[]" || kind === "evidence[]" ? JSON.stringify(v) : String(v);
}

function data(keys: Key[], attrs: Readonly<Record<string, unknown>>): string {
  let out = "";
  for (const key of keys) {
    const v = attrs[key.name];
    if (v !== undefined && v !== null) out += `\n      <data key="${key.id}">${xmlText(value(key.kind, v))}</data>`;
  }
  return out;
}

/**
 * Yields the graph as GraphML. Node and edge ids are `n0`, `e0`… (GraphML ids must be XML name tokens, which plangraph
 * ids are not); the plangraph id travels in the `id` key of nodes and the `key` key of edges.
 */
export function* graphmlChunks(graph: PlanGraph, { includeText }: { includeText: boolean }): Generator<string> {
  const nodeKeys = keysFor("n", nodeColumns(includeText), [
    {
      id: "n.id",
      name: "id",
      kind: "string",
      desc: "plangraph id: lower-case label and normalised name (region:唐山)",
    },
    {
      id: "n.label",
      name: "label",
      kind: "string",
      desc: `node label: ${NODE_LABELS.map((l) => `${l} (${DESCRIPTIONS[l]})`).join(", ")}`,
    },
  ]);
  const edgeKeys = keysFor("e", edgeColumns(), [
    { id: "e.key", name: "key", kind: "string", desc: "plangraph key: TYPE:source->target@plan" },
    {
      id: "e.type",
      name: "type",
      kind: "string",
      desc: `relationship type: ${EDGE_TYPES.map((t) => `${t} (${DESCRIPTIONS[t]})`).join(", ")}`,
    },
  ]);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  yield ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [domain, keys] of [
    ["node", nodeKeys],
    ["edge", edgeKeys],
  ] as const) {
    for (const key of keys)
      yield (
        `  <key id="${key.id}" for="${domain}" attr.name="${xmlAttr(key.name)}" attr.type="${GRAPHML_TYPES[key.kind]}">` +
        `<desc>${xmlText(key.desc)}</desc></key>\n`
      );
  }
  yield `  <graph id="plangraph" edgedefault="directed">`;
  const ids = new Map<string, string>();
  for (const { node, attributes } of graph.nodeEntries()) {
    const id = `n${ids.size}`;
    ids.set(node, id);
    yield `\n    <node id="${id}">${data(nodeKeys, { ...attributes, id: node })}\n    </node>`;
  }
  let count = 0;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const values = data(edgeKeys, { ...attributes, key: edge });
    yield `\n    <edge id="e${count++}" source="${ids.get(source)}" target="${ids.get(target)}">${values}\n    </edge>`;
  }
  yield "\n  </graph>\n</graphml>\n";
}
