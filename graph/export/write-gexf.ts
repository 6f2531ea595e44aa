// Writer for GEXF 1.3 (Gephi): attribute declarations from the schema, node labels as names, typed lists for arrays.
import type { PropertyKind } from "../../schema/index.ts";
import type { PlanGraph } from "../model/index.ts";
import { EVIDENCE_PARTS, edgeColumns, flattenEvidence, nodeColumns, type Column } from "./columns.ts";
import { xmlAttr } from "./xml.ts";

type GexfType = "string" | "integer" | "double" | "boolean" | "liststring" | "listinteger";

const GEXF_TYPES: { readonly [K in Exclude<PropertyKind, "evidence[]">]: GexfType } = {
  string: "string",
  "string[]": "liststring",
  integer: "integer",
  number: "double",
  boolean: "boolean",
};

interface Attribute {
  id: string;
  title: string;
  type: GexfType;
}

/** Declares the columns; `evidence` becomes its parallel lists (plans, sections, sentences, starts, ends) as in Neo4j. */
function declare(columns: Column[], leading: string): Attribute[] {
  const titles: { title: string; type: GexfType }[] = [{ title: leading, type: "string" }];
  for (const c of columns) {
    if (c.kind === "evidence[]")
      titles.push(...EVIDENCE_PARTS.map((p) => ({ title: p.name, type: `list${p.kind}` as GexfType })));
    else titles.push({ title: c.name, type: GEXF_TYPES[c.kind] });
  }
  return titles.map((t, i) => ({ id: String(i), ...t }));
}

/** GEXF 1.3 list syntax: `[a, b]` with each element a JSON literal, which Gephi and graphology both read. */
function value(type: GexfType, v: unknown): string {
  return type.startsWith("list") ? `[${(v as unknown[]).map((x) => JSON.stringify(x)).join(", ")}]` : String(v);
}

function attvalues(attributes: Attribute[], attrs: Readonly<Record<string, unknown>>): string {
  let out = "\n        <attvalues>";
  for (const a of attributes) {
    const v = attrs[a.title];
    if (v !== undefined && v !== null)
      out += `\n          <attvalue for="${a.id}" value="${xmlAttr(value(a.type, v))}"/>`;
  }
  return `${out}\n        </attvalues>`;
}

function* declarations(kind: "node" | "edge", attributes: Attribute[]): Generator<string> {
  yield `\n    <attributes class="${kind}" mode="static">`;
  for (const a of attributes) yield `\n      <attribute id="${a.id}" title="${a.title}" type="${a.type}"/>`;
  yield "\n    </attributes>";
}

/**
 * Yields the graph as GEXF 1.3. A node's GEXF label is its name (what Gephi shows) and its plangraph label is the
 * `nodeLabel` attribute; an edge's GEXF label and kind are its type, also kept as the `relType` attribute.
 */
export function* gexfChunks(graph: PlanGraph, { includeText }: { includeText: boolean }): Generator<string> {
  const nodeAttributes = declare(nodeColumns(includeText), "nodeLabel");
  const edgeAttributes = declare(edgeColumns(), "relType");
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  yield ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield "  <meta>\n    <creator>plangraph</creator>\n";
  yield "    <description>Regions, industries, projects and goals from Chinese development plans, with the sentences that state each relation</description>\n";
  yield "  </meta>\n";
  yield '  <graph defaultedgetype="directed" mode="static">';
  yield* declarations("node", nodeAttributes);
  yield* declarations("edge", edgeAttributes);
  yield `\n    <nodes count="${graph.order}">`;
  for (const { node, attributes } of graph.nodeEntries()) {
    const values = attvalues(nodeAttributes, { ...attributes, nodeLabel: attributes.label });
    yield `\n      <node id="${xmlAttr(node)}" label="${xmlAttr(String(attributes.name ?? node))}">${values}\n      </node>`;
  }
  yield `\n    </nodes>\n    <edges count="${graph.size}">`;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const type = xmlAttr(attributes.type);
    const evidence = "evidence" in attributes ? flattenEvidence(attributes.evidence) : {};
    const values = attvalues(edgeAttributes, { ...attributes, ...evidence, relType: attributes.type });
    yield `\n      <edge id="${xmlAttr(edge)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}" label="${type}" kind="${type}">${values}\n      </edge>`;
  }
  yield "\n    </edges>\n  </graph>\n</gexf>\n";
}
