// Runs a user's Cypher read-only (READ access mode, a timeout, a row cap) and returns rows plus the graph they contain.
import neo4j, { isInt, isNode, isPath, isRelationship, type Driver, type Node, type Relationship } from "neo4j-driver";
import { isEdgeType, isNodeLabel } from "../../schema/index.ts";
import { settingsFromEnv, type Neo4jConnection, type Neo4jSettings } from "./connection.ts";
import { Neo4jStoreError, explainNeo4jError } from "./errors.ts";
import { edgeFromNeo4j, nodeFromNeo4j } from "./properties.ts";

/** A plain JSON value, what every row cell becomes. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A node found in the results: `id` is plangraph's id property (the element id when a node has none). */
export interface QueryNode {
  id: string;
  elementId: string;
  labels: string[];
  properties: Record<string, JsonValue>;
}

/** A relationship found in the results, with its ends as node ids and plangraph's `key` when it has one. */
export interface QueryRelationship {
  key: string;
  elementId: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, JsonValue>;
}

/** A path found in the results, as the ids of its nodes and the keys of its relationships, in order. */
export interface QueryPath {
  nodes: string[];
  relationships: string[];
}

/** Rows as plain JSON plus every node, relationship and path found anywhere in them, each listed once. */
export interface ReadQueryResult {
  columns: string[];
  rows: Record<string, JsonValue>[];
  nodes: QueryNode[];
  relationships: QueryRelationship[];
  paths: QueryPath[];
  /** True when the query returned more rows than the cap and the rest were discarded. */
  truncated: boolean;
  ms: number;
}

/** Limits of a read query. */
export interface ReadQueryOptions {
  /** Transaction timeout, enforced by the server (default 10 s). */
  timeoutMs?: number;
  /** Rows kept before the rest is discarded (default 1,000). */
  maxRows?: number;
}

/** Default transaction timeout of a read query, in milliseconds. */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;
/** Default row cap of a read query. */
export const DEFAULT_MAX_ROWS = 1_000;

const WRITE_OPERATOR = /^(Create|Merge|Delete|DetachDelete|Set|Remove|Foreach)/;

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

function operators(plan: PlanNode | false | undefined): string[] {
  if (!plan) return [];
  return [plan.operatorType.replace(/@.*$/, ""), ...plan.children.flatMap((c) => operators(c))];
}

/** Turns JSON parameter values into what Neo4j expects: whole numbers become integers so `LIMIT $n` works. */
function toParameter(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParameter);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParameter(v)]));
  return value;
}

class GraphCollector {
  readonly nodes = new Map<string, QueryNode>();
  readonly relationships = new Map<string, QueryRelationship>();
  readonly paths = new Map<string, QueryPath>();

  node(n: Node): QueryNode {
    const existing = this.nodes.get(n.elementId);
    if (existing) return existing;
    const props = n.properties as Record<string, unknown>;
    const label = n.labels.find(isNodeLabel);
    const converted = label ? nodeFromNeo4j(label, props) : props;
    const { id, ...rest } = converted;
    const node: QueryNode = {
      id: typeof id === "string" ? id : n.elementId,
      elementId: n.elementId,
      labels: [...n.labels],
      properties: this.plainMap(rest),
    };
    this.nodes.set(n.elementId, node);
    return node;
  }

  relationship(r: Relationship): QueryRelationship {
    const existing = this.relationships.get(r.elementId);
    if (existing) return existing;
    const props = r.properties as Record<string, unknown>;
    const converted = isEdgeType(r.type) ? edgeFromNeo4j(r.type, props) : props;
    const { key, ...rest } = converted;
    const rel: QueryRelationship = {
      key: typeof key === "string" ? key : r.elementId,
      elementId: r.elementId,
      type: r.type,
      source: r.startNodeElementId,
      target: r.endNodeElementId,
      properties: this.plainMap(rest),
    };
    this.relationships.set(r.elementId, rel);
    return rel;
  }

  /** Converts any value the driver returns into plain JSON, collecting graph elements on the way. */
  plain(value: unknown): JsonValue {
    if (value === null || value === undefined) return null;
    if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
    if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    if (isNode(value)) return this.node(value) as unknown as JsonValue;
    if (isRelationship(value)) return this.relationship(value) as unknown as JsonValue;
    if (isPath(value)) {
      const nodes = [this.node(value.start), ...value.segments.map((s) => this.node(s.end))];
      const rels = value.segments.map((s) => this.relationship(s.relationship));
      const path: QueryPath = { nodes: nodes.map((n) => n.elementId), relationships: rels.map((r) => r.elementId) };
      this.paths.set(`${path.nodes.join(",")}|${path.relationships.join(",")}`, path);
      return { nodes, relationships: rels } as unknown as JsonValue;
    }
    if (Array.isArray(value)) return value.map((v) => this.plain(v));
    if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
    if (typeof value === "object") {
      const text = String(value);
      const isPlainObject = Object.getPrototypeOf(value) === Object.prototype;
      return isPlainObject || text === "[object Object]" ? this.plainMap(value as Record<string, unknown>) : text;
    }
    return String(value);
  }

  plainMap(map: Record<string, unknown>): Record<string, JsonValue> {
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, this.plain(v)]));
  }

  /** Rewrites relationship ends and paths from element ids to plangraph ids once every node has been seen. */
  finish(): Pick<ReadQueryResult, "nodes" | "relationships" | "paths"> {
    const idOf = (elementId: string) => this.nodes.get(elementId)?.id ?? elementId;
    const keyOf = (elementId: string) => this.relationships.get(elementId)?.key ?? elementId;
    for (const rel of this.relationships.values()) {
      rel.source = idOf(rel.source);
      rel.target = idOf(rel.target);
    }
    return {
      nodes: [...this.nodes.values()],
      relationships: [...this.relationships.values()],
      paths: [...this.paths.values()].map((p) => ({
        nodes: p.nodes.map(idOf),
        relationships: p.relationships.map(keyOf),
      })),
    };
  }
}

function toConnection(target: Driver | Neo4jConnection): { driver: Driver; settings: Neo4jSettings } {
  return "driver" in target && "settings" in target ? target : { driver: target, settings: settingsFromEnv() };
}

/** Runs a Cypher query in a READ transaction with a server-side timeout and a row cap; refuses writes and LOAD CSV. */
export async function runReadQuery(
  target: Driver | Neo4jConnection,
  query: string,
  params: Record<string, unknown> = {},
  options: ReadQueryOptions = {},
): Promise<ReadQueryResult> {
  const started = performance.now();
  const { driver, settings } = toConnection(target);
  const timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const parameters = toParameter(params) as Record<string, unknown>;
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: settings.database });
  try {
    const { keys, records, truncated } = await session.executeRead(
      async (tx) => {
        const explained = await tx.run(`EXPLAIN ${query}`, parameters);
        const ops = operators(explained.summary.plan as PlanNode | false);
        if (ops.some((op) => op.startsWith("LoadCSV")))
          throw new Neo4jStoreError(
            "neo4j/write-refused",
            "LOAD CSV is not allowed here: read-only queries may not fetch files or URLs",
          );
        const writes = ops.filter((op) => WRITE_OPERATOR.test(op));
        if (writes.length > 0 || explained.summary.queryType !== "r")
          throw new Neo4jStoreError(
            "neo4j/write-refused",
            `this query would change the database (${[...new Set(writes)].join(", ") || explained.summary.queryType}), ` +
              "and queries here are read-only; use MATCH … RETURN, or plangraph load to change data",
          );
        const result = tx.run(query, parameters);
        const kept = [];
        let more = false;
        for await (const record of result) {
          if (kept.length === maxRows) {
            more = true;
            break;
          }
          kept.push(record);
        }
        return { keys: kept[0]?.keys ?? (await result.keys()), records: kept, truncated: more };
      },
      { timeout: timeoutMs, metadata: { app: "plangraph cypher" } },
    );
    const collector = new GraphCollector();
    const rows = records.map((record) =>
      Object.fromEntries(keys.map((k) => [String(k), collector.plain(record.get(k))])),
    );
    return { columns: keys.map(String), rows, truncated, ms: performance.now() - started, ...collector.finish() };
  } catch (err) {
    throw explainNeo4jError(err, { ...settings, timeoutMs });
  } finally {
    await session.close();
  }
}
