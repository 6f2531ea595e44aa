// The JSON Schema (draft 2020-12) of a plangraph graph file, derived from the labels, endpoints and property tables.
import { EDGE_TYPES, NODE_LABELS } from "./labels.ts";
import { EDGE_PROPERTIES, NODE_PROPERTIES, type PropertyKind, type PropertySpec } from "./properties.ts";

const EVIDENCE = {
  type: "object",
  required: ["plan", "section", "sentence", "start", "end"],
  properties: {
    plan: { type: "string" },
    section: { type: "string" },
    sentence: { type: "string" },
    start: { type: "integer", minimum: 0 },
    end: { type: "integer", minimum: 0 },
  },
};

function kindSchema(kind: PropertyKind): object {
  switch (kind) {
    case "string":
      return { type: "string" };
    case "string[]":
      return { type: "array", items: { type: "string" } };
    case "integer":
      return { type: "integer" };
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "evidence[]":
      return { type: "array", items: EVIDENCE };
  }
}

function attributes(tag: "label" | "type", value: string, specs: Readonly<Record<string, PropertySpec>>): object {
  return {
    type: "object",
    required: [
      tag,
      ...Object.entries(specs)
        .filter(([, s]) => s.required)
        .map(([k]) => k),
    ],
    properties: {
      [tag]: { const: value },
      ...Object.fromEntries(
        Object.entries(specs).map(([k, s]) => [
          k,
          { ...kindSchema(s.kind), ...(s.values ? { enum: s.values } : {}), description: s.doc },
        ]),
      ),
    },
  };
}

/** Builds the JSON Schema of the graph file every command reads and writes (graphology's serialisation with the schema's attributes). */
export function graphJsonSchema(): object {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://plangraph.dev/schema/graph.json",
    title: "plangraph graph",
    description:
      "A plan knowledge graph: graphology's graph.export() with plangraph's labels, relationship types and properties.",
    type: "object",
    required: ["nodes", "edges"],
    properties: {
      attributes: { type: "object" },
      options: { type: "object" },
      nodes: {
        type: "array",
        items: {
          type: "object",
          required: ["key", "attributes"],
          properties: {
            key: { type: "string" },
            attributes: { oneOf: NODE_LABELS.map((l) => attributes("label", l, NODE_PROPERTIES[l])) },
          },
        },
      },
      edges: {
        type: "array",
        items: {
          type: "object",
          required: ["source", "target", "attributes"],
          properties: {
            key: { type: "string" },
            source: { type: "string" },
            target: { type: "string" },
            attributes: { oneOf: EDGE_TYPES.map((t) => attributes("type", t, EDGE_PROPERTIES[t])) },
          },
        },
      },
    },
  };
}
