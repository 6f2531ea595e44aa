// The Neo4j store's building blocks: labels from ids, per-label and per-type reads, the subgraph a selection fetches, mentions.
import type { Record as Neo4jRecord } from "neo4j-driver";
import {
  EVIDENCE_COLUMNS,
  EDGE_PROPERTIES,
  EDGE_TYPES,
  ENDPOINTS,
  GRAPH_OPTIONS,
  NODE_LABELS,
  NODE_PROPERTIES,
  isNodeLabel,
  type EdgeAttributes,
  type EdgeType,
  type NodeAttributes,
  type NodeLabel,
  type SerializedPlanGraph,
} from "../../schema/index.ts";
import { edgeFromNeo4j, nodeFromNeo4j } from "../neo4j/index.ts";
import { listMentions, type PlanMention } from "../compare/index.ts";
import { byCodePoint } from "./defaults.ts";
import { edgeNotFound, nodeNotFound } from "./errors.ts";

/** Runs a read-only query with parameters and returns its records. */
export type ReadRecords = (query: string, params?: Record<string, unknown>) => Promise<Neo4jRecord[]>;

/** The label a plangraph id names (`region:唐山` → Region), from the schema's closed list. */
export function labelOfKey(key: string): NodeLabel | undefined {
  const prefix = key.slice(0, key.indexOf(":"));
  return NODE_LABELS.find((label) => label.toLowerCase() === prefix);
}

/** The relationship types that may touch a label, so plan membership queries can use each type's plan index. */
function typesTouching(label: NodeLabel): EdgeType[] {
  return EDGE_TYPES.filter((type) => ENDPOINTS[type].some(([a, b]) => a === label || b === label));
}

/** A node set by label for `CALL { … UNION … }`: one index seek per label, never a scan of every node. */
export function groupByLabel(keys: readonly string[]): Map<NodeLabel, string[]> {
  const groups = new Map<NodeLabel, string[]>();
  for (const key of keys) {
    const label = labelOfKey(key);
    if (!label) continue;
    groups.set(label, [...(groups.get(label) ?? []), key]);
  }
  return groups;
}

/** The first plangraph label among a node's labels. */
export function firstLabel(labels: unknown): NodeLabel {
  return ((labels as string[]).find(isNodeLabel) ?? "Region") as NodeLabel;
}

function schemaOnly(specs: Readonly<Record<string, unknown>>, props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([name, value]) => name in specs && value !== null));
}

/** The nodes of a label, optionally only those some edge of the given plans touches, optionally only the given keys. */
export async function nodesOf(
  read: ReadRecords,
  label: NodeLabel,
  plans: readonly string[] | undefined,
  keys: readonly string[] | undefined,
  returning: string,
): Promise<Neo4jRecord[]> {
  const onlyKeys = keys ? "AND n.id IN $keys" : "";
  if (!plans) return read(`MATCH (n:${label}) WHERE true ${onlyKeys} RETURN ${returning}`, { keys: keys ?? null });
  const members = typesTouching(label)
    .map((type) => `MATCH (n:${label})-[r:${type}]-() WHERE r.plan IN $plans ${onlyKeys} RETURN n`)
    .join(" UNION ");
  return read(`CALL () { ${members} } RETURN ${returning}`, { plans, keys: keys ?? null });
}

/** The edges of a type, optionally only those the given plans state. */
export async function edgesOf(
  read: ReadRecords,
  type: EdgeType,
  plans: readonly string[] | undefined,
  returning: string,
): Promise<Neo4jRecord[]> {
  const where = plans ? "WHERE r.plan IN $plans" : "";
  return read(`MATCH (a)-[r:${type}]->(b) ${where} RETURN ${returning}`, { plans: plans ?? null });
}

/** What the database narrows itself: node and edge keys, plan ids, labels and types (the rest is graph/select's). */
export interface DatabaseSelection {
  nodes?: readonly string[];
  edges?: readonly string[];
  plans?: readonly string[];
  labels?: readonly NodeLabel[];
  types?: readonly EdgeType[];
}

/** Reads the listed edges by key, type by type, refusing a key the database does not hold. */
async function listedEdges(read: ReadRecords, keys: readonly string[], returning: string) {
  const byType = new Map<EdgeType, string[]>();
  for (const key of new Set(keys)) {
    const type = EDGE_TYPES.find((t) => key.startsWith(`${t}:`));
    if (!type) throw edgeNotFound(key);
    byType.set(type, [...(byType.get(type) ?? []), key]);
  }
  const out: { type: EdgeType; record: Neo4jRecord }[] = [];
  for (const [type, typeKeys] of byType) {
    const records = await read(`MATCH (a)-[r:${type}]->(b) WHERE r.key IN $keys RETURN ${returning}`, {
      keys: typeKeys,
    });
    const found = new Set(records.map((r) => r.get("key")));
    const missing = typeKeys.find((k) => !found.has(k));
    if (missing !== undefined) throw edgeNotFound(missing);
    out.push(...records.map((record) => ({ type, record })));
  }
  return out;
}

/**
 * The nodes of the labels (those the plans touch, those listed or at the ends of listed edges) with every schema
 * property, and the edges of the types among them (those the plans state, or only the listed ones), sorted by key.
 */
export async function fetchSubgraph(read: ReadRecords, selection: DatabaseSelection): Promise<SerializedPlanGraph> {
  const labels = selection.labels?.length ? selection.labels : NODE_LABELS;
  const types = new Set(selection.types?.length ? selection.types : EDGE_TYPES);
  const plans = selection.plans?.length ? selection.plans : undefined;
  const returning = "r.key AS key, a.id AS source, b.id AS target, r.plan AS plan, properties(r) AS props";
  const edgeRecords: { type: EdgeType; record: Neo4jRecord }[] = [];
  if (selection.edges) edgeRecords.push(...(await listedEdges(read, selection.edges, returning)));
  else
    for (const type of types)
      edgeRecords.push(...(await edgesOf(read, type, plans, returning)).map((record) => ({ type, record })));
  const chosen =
    selection.nodes || selection.edges
      ? [
          ...new Set([
            ...(selection.nodes ?? []),
            ...(selection.edges
              ? edgeRecords.flatMap(({ record }) => [record.get("source"), record.get("target")])
              : []),
          ]),
        ]
      : undefined;
  for (const key of chosen ?? []) if (!labelOfKey(key)) throw nodeNotFound(key);
  const groups = chosen ? groupByLabel(chosen) : undefined;
  const nodes: SerializedPlanGraph["nodes"] = [];
  for (const label of labels) {
    const keys = groups ? groups.get(label) : undefined;
    if (groups && !keys) continue;
    for (const r of await nodesOf(read, label, plans, keys, "n.id AS key, properties(n) AS props")) {
      const props = nodeFromNeo4j(label, r.get("props") as Record<string, unknown>);
      const attributes = { label, ...schemaOnly(NODE_PROPERTIES[label], props) } as NodeAttributes;
      nodes.push({ key: String(r.get("key")), attributes });
    }
  }
  const returned = new Set(nodes.map((n) => n.key));
  for (const [label, keys] of groupByLabel((chosen ?? []).filter((k) => !returned.has(k)))) {
    const exist = new Set((await nodesOf(read, label, undefined, keys, "n.id AS key")).map((r) => r.get("key")));
    const missing = keys.find((k) => !exist.has(k));
    if (missing !== undefined) throw nodeNotFound(missing);
  }
  const edges: SerializedPlanGraph["edges"] = [];
  for (const { type, record } of edgeRecords) {
    const [source, target] = [String(record.get("source")), String(record.get("target"))];
    if (!types.has(type) || !returned.has(source) || !returned.has(target)) continue;
    if (plans && !plans.includes(String(record.get("plan")))) continue;
    const props = edgeFromNeo4j(type, record.get("props") as Record<string, unknown>);
    const attributes = { type, ...schemaOnly(EDGE_PROPERTIES[type], props) } as EdgeAttributes;
    edges.push({ key: String(record.get("key")), source, target, attributes });
  }
  nodes.sort((a, b) => byCodePoint(a.key, b.key));
  edges.sort((a, b) => byCodePoint(a.key, b.key));
  return { attributes: {}, options: { ...GRAPH_OPTIONS }, nodes, edges };
}

/** The Neo4j column holding a relationship's evidence sentences, one entry per sentence (see EVIDENCE_COLUMNS). */
const SENTENCE_COLUMN = Object.entries(EVIDENCE_COLUMNS).find(([, field]) => field === "sentence")?.[0] as string;

/** The plans that mention an entity, with the number of their sentences that do, named as graph/compare names them. */
export async function mentionsOf(read: ReadRecords, label: NodeLabel, key: string): Promise<PlanMention[]> {
  const edges = await read(
    `MATCH (n:${label} {id: $key})-[r:MENTIONED_IN]->() RETURN r.plan AS plan, size(r.${SENTENCE_COLUMN}) AS sentences`,
    { key },
  );
  const counts = new Map<string, number>();
  for (const r of edges) {
    const plan = String(r.get("plan"));
    counts.set(plan, (counts.get(plan) ?? 0) + ((r.get("sentences") as number | null) ?? 1));
  }
  const plans = await read(
    "MATCH (p:Plan) WHERE p.id IN $keys RETURN p.id AS key, p.name AS name, p.region AS region, p.level AS level",
    { keys: [...counts.keys()].map((plan) => `plan:${plan}`) },
  );
  const byId = new Map(
    plans.map((r) => [
      String(r.get("key")).replace(/^plan:/, ""),
      Object.fromEntries(["name", "region", "level"].map((k) => [k, r.get(k)]).filter(([, v]) => v !== null)),
    ]),
  );
  return listMentions(counts, (plan) => byId.get(plan));
}
