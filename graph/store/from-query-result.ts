// Turns the nodes and relationships a Cypher query returned into a plan graph that every exporter can write.
import {
  EDGE_PROPERTIES,
  NODE_PROPERTIES,
  isEdgeType,
  isNodeLabel,
  type EdgeAttributes,
  type NodeAttributes,
  type PropertySpec,
} from "../../schema/index.ts";
import type { QueryNode, QueryRelationship } from "../neo4j/index.ts";
import { createPlanGraph, type PlanGraph } from "../model/index.ts";

/** The graph built from a query result and how many elements were left out (no plangraph label or type, or an end missing). */
export interface QueryGraph {
  graph: PlanGraph;
  skippedNodes: number;
  skippedRelationships: number;
}

/** Keeps the schema's properties in schema order; a list Neo4j did not store (it keeps no empty lists from CSV) comes back empty. */
function schemaProperties(specs: Readonly<Record<string, PropertySpec>>, props: Readonly<Record<string, unknown>>) {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = props[name];
    if (value !== undefined && value !== null) out[name] = value;
    else if (spec.required && spec.kind === "string[]") out[name] = [];
  }
  return out;
}

/** Builds a plan graph from query results (nodes by their `id`, relationships by their `key`), dropping non-schema properties such as the loader's digest. */
export function graphFromQueryResult(result: {
  nodes: readonly QueryNode[];
  relationships: readonly QueryRelationship[];
}): QueryGraph {
  const graph = createPlanGraph();
  let skippedNodes = 0;
  let skippedRelationships = 0;
  for (const node of result.nodes) {
    const label = node.labels.find(isNodeLabel);
    if (!label || graph.hasNode(node.id)) {
      if (!label) skippedNodes++;
      continue;
    }
    const attrs = { label, ...schemaProperties(NODE_PROPERTIES[label], node.properties) };
    graph.addNode(node.id, attrs as NodeAttributes);
  }
  for (const rel of result.relationships) {
    if (!isEdgeType(rel.type) || !graph.hasNode(rel.source) || !graph.hasNode(rel.target) || graph.hasEdge(rel.key)) {
      if (!graph.hasEdge(rel.key)) skippedRelationships++;
      continue;
    }
    const attrs = { type: rel.type, ...schemaProperties(EDGE_PROPERTIES[rel.type], rel.properties) };
    graph.addEdgeWithKey(rel.key, rel.source, rel.target, attrs as EdgeAttributes);
  }
  return { graph, skippedNodes, skippedRelationships };
}
