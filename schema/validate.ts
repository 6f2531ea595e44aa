// Runtime validation of a serialised graph against the schema, before anything is written anywhere.
import { ENDPOINTS, isEdgeType, isNodeLabel, type EdgeType, type NodeLabel } from "./labels.ts";
import { EDGE_PROPERTIES, NODE_PROPERTIES, type PropertyKind, type PropertySpec } from "./properties.ts";
import { error, warning, type Issue } from "./issues.ts";
import type { SerializedPlanGraph } from "./graph-json.ts";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isEvidence(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.plan === "string" &&
    typeof v.section === "string" &&
    typeof v.sentence === "string" &&
    Number.isInteger(v.start) &&
    Number.isInteger(v.end)
  );
}

/** Whether a value has the given property kind. */
export function hasKind(kind: PropertyKind, v: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof v === "string";
    case "string[]":
      return Array.isArray(v) && v.every((x) => typeof x === "string");
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "boolean":
      return typeof v === "boolean";
    case "evidence[]":
      return Array.isArray(v) && v.every(isEvidence);
  }
}

function checkProperties(
  specs: Readonly<Record<string, PropertySpec>>,
  attrs: Record<string, unknown>,
  reserved: string,
  item: string,
  issues: Issue[],
): void {
  for (const [name, spec] of Object.entries(specs)) {
    const value = attrs[name];
    if (value === undefined || value === null) {
      if (spec.required)
        issues.push(error("graph/missing-property", `${item} has no '${name}' (${spec.doc})`, { item }));
    } else if (!hasKind(spec.kind, value)) {
      issues.push(
        error(
          "graph/bad-property",
          `${item}: '${name}' must be ${spec.kind}, got ${JSON.stringify(value).slice(0, 80)}`,
          { item },
        ),
      );
    } else if (spec.values && !spec.values.includes(value as string)) {
      issues.push(
        error(
          "graph/bad-property",
          `${item}: '${name}' must be one of ${spec.values.join(", ")}, got ${JSON.stringify(value).slice(0, 80)}`,
          { item },
        ),
      );
    }
  }
  for (const name of Object.keys(attrs)) {
    if (name !== reserved && !(name in specs))
      issues.push(
        warning("graph/unknown-property", `${item}: property '${name}' is not in the schema and will be ignored`, {
          item,
        }),
      );
  }
}

/** Checks a parsed graph JSON against the schema: labels, types, endpoints, required properties and dangling edges; returns every problem found. */
export function validateGraph(data: unknown, file?: string): { graph?: SerializedPlanGraph; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (item: string) => (file ? { file, item } : { item });
  if (!isObject(data) || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    issues.push(
      error("graph/not-a-graph", "expected graphology JSON with 'nodes' and 'edges' arrays", file ? { file } : {}),
    );
    return { issues };
  }
  const labels = new Map<string, NodeLabel>();
  data.nodes.forEach((node: unknown, i: number) => {
    const key = isObject(node) && typeof node.key === "string" ? node.key : undefined;
    const item = key ? `node '${key}'` : `node #${i}`;
    if (!key || !isObject(node) || !isObject(node.attributes)) {
      issues.push(error("graph/not-a-graph", `${item} needs a string 'key' and an 'attributes' object`, at(item)));
      return;
    }
    if (labels.has(key)) issues.push(error("graph/duplicate-key", `${item} appears twice`, at(item)));
    const label = node.attributes.label;
    if (!isNodeLabel(label)) {
      issues.push(
        error(
          "graph/unknown-label",
          `${item} has label ${JSON.stringify(label)}; allowed: ${Object.keys(NODE_PROPERTIES).join(", ")}`,
          at(item),
        ),
      );
      return;
    }
    if (!key.startsWith(`${label.toLowerCase()}:`))
      issues.push(error("graph/bad-id", `${item}: a ${label} id must start with '${label.toLowerCase()}:'`, at(item)));
    labels.set(key, label);
    checkProperties(NODE_PROPERTIES[label], node.attributes, "label", item, issues);
  });
  const edgeKeys = new Set<string>();
  data.edges.forEach((edge: unknown, i: number) => {
    const key = isObject(edge) && typeof edge.key === "string" ? edge.key : undefined;
    const item = key ? `edge '${key}'` : `edge #${i}`;
    if (
      !isObject(edge) ||
      typeof edge.source !== "string" ||
      typeof edge.target !== "string" ||
      !isObject(edge.attributes)
    ) {
      issues.push(
        error("graph/not-a-graph", `${item} needs string 'source' and 'target' and an 'attributes' object`, at(item)),
      );
      return;
    }
    if (key !== undefined) {
      if (edgeKeys.has(key)) issues.push(error("graph/duplicate-key", `${item} appears twice`, at(item)));
      edgeKeys.add(key);
    }
    const type = edge.attributes.type;
    if (!isEdgeType(type)) {
      issues.push(
        error(
          "graph/unknown-type",
          `${item} has type ${JSON.stringify(type)}; allowed: ${Object.keys(EDGE_PROPERTIES).join(", ")}`,
          at(item),
        ),
      );
      return;
    }
    const s = labels.get(edge.source);
    const t = labels.get(edge.target);
    if (!s || !t) {
      const missing = [!s ? `source '${edge.source}'` : "", !t ? `target '${edge.target}'` : ""]
        .filter(Boolean)
        .join(" and ");
      issues.push(error("graph/dangling-edge", `${item} (${type}) points to a missing node: ${missing}`, at(item)));
      return;
    }
    if (!ENDPOINTS[type as EdgeType].some(([a, b]) => a === s && b === t))
      issues.push(error("graph/bad-endpoints", `${item}: ${type} cannot go from ${s} to ${t}`, at(item)));
    checkProperties(EDGE_PROPERTIES[type], edge.attributes, "type", item, issues);
  });
  const ok = !issues.some((x) => x.severity === "error");
  return ok ? { graph: data as unknown as SerializedPlanGraph, issues } : { issues };
}
