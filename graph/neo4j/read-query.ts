// Runs a user's Cypher read-only (the console's allow-list, READ access mode, a timeout, row and byte caps) and returns rows plus their graph.
import neo4j, { type Driver } from "neo4j-driver";
import { settingsFromEnv, type Neo4jConnection, type Neo4jSettings } from "./connection.ts";
import { CONSOLE_SUBSET, guardQuery } from "./cypher-guard.ts";
import { Neo4jStoreError, explainNeo4jError } from "./errors.ts";
import { GraphCollector } from "./query-values.ts";

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
  /** True when the query returned more rows or bytes than the caps and the rest were discarded. */
  truncated: boolean;
  /** Which cap cut the result, when one did. */
  cut?: "rows" | "bytes";
  ms: number;
}

/** Limits of a read query. */
export interface ReadQueryOptions {
  /** Transaction timeout, enforced by the server (default 10 s). */
  timeoutMs?: number;
  /** Rows kept before the rest is discarded (default 1,000). */
  maxRows?: number;
  /** Bytes of JSON kept, rows and the graph elements in them, before the rest is discarded (default 8 MiB). */
  maxBytes?: number;
  /** Recorded in the transaction's metadata (`request`), so whoever started the query can find and end it. */
  requestId?: string;
}

/** Default transaction timeout of a read query, in milliseconds. */
export const DEFAULT_READ_TIMEOUT_MS = 10_000;
/** Default row cap of a read query. */
export const DEFAULT_MAX_ROWS = 1_000;
/** Default byte cap of a read query's result (its rows and graph as JSON). */
export const DEFAULT_MAX_RESULT_BYTES = 8 * 1024 * 1024;
/** Deepest nesting of lists and maps accepted in query parameters. */
export const MAX_PARAMETER_DEPTH = 32;
/** Records the server sends ahead of the reader: small, so a query of huge rows cannot flood either side. */
const FETCH_SIZE = 20;

const WRITE_OPERATOR = /^(Create|Merge|Delete|DetachDelete|Set|Remove|Foreach)/;

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}

function operators(plan: PlanNode | false | undefined): string[] {
  if (!plan) return [];
  return [plan.operatorType.replace(/@.*$/, ""), ...plan.children.flatMap((c) => operators(c))];
}

/** Refuses parameters nested deeper than MAX_PARAMETER_DEPTH (checked without recursion, so any depth is safe). */
export function checkParameterDepth(params: unknown): void {
  const stack: [unknown, number][] = [[params, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== "object") continue;
    if (depth > MAX_PARAMETER_DEPTH)
      throw new Neo4jStoreError(
        "neo4j/bad-parameter",
        `query parameters nest lists and maps more than ${MAX_PARAMETER_DEPTH} levels deep; flatten them`,
      );
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

/** Turns JSON parameter values into what Neo4j expects: whole numbers become integers so `LIMIT $n` works. */
function toParameter(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParameter);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParameter(v)]));
  return value;
}

function toConnection(target: Driver | Neo4jConnection): { driver: Driver; settings: Neo4jSettings } {
  return "driver" in target && "settings" in target ? target : { driver: target, settings: settingsFromEnv() };
}

function refused(message: string): Neo4jStoreError {
  return new Neo4jStoreError("neo4j/write-refused", message);
}

/**
 * Runs a Cypher query that passes the console's allow-list (graph/neo4j/cypher-guard) in a READ transaction, with a
 * server-side timeout, and keeps rows until the row or byte cap; Neo4j's plan is checked too, so no write slips by.
 */
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
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RESULT_BYTES;
  const verdict = guardQuery(query);
  if ("refused" in verdict) throw refused(verdict.refused.message);
  checkParameterDepth(params);
  const parameters = toParameter(params) as Record<string, unknown>;
  const session = driver.session({
    defaultAccessMode: neo4j.session.READ,
    database: settings.database,
    fetchSize: FETCH_SIZE,
  });
  try {
    return await session.executeRead(
      async (tx) => {
        const explained = await tx.run(`EXPLAIN ${query}`, parameters);
        const ops = operators(explained.summary.plan as PlanNode | false);
        if (ops.some((op) => op.startsWith("LoadCSV")))
          throw refused("LOAD CSV is not allowed here: read-only queries may not fetch files or URLs");
        const writes = ops.filter((op) => WRITE_OPERATOR.test(op));
        if (writes.length > 0 || explained.summary.queryType !== "r")
          throw refused(
            `this query would change the database (${[...new Set(writes)].join(", ") || explained.summary.queryType}), ` +
              "and queries here are read-only; use MATCH … RETURN, or plangraph load to change data",
          );
        if ("syntax" in verdict) {
          const { line, column } = verdict.syntax;
          throw refused(
            `this query uses Cypher the console does not read (line ${line}, column ${column + 1}: ` +
              `${verdict.syntax.message.slice(0, 120)}); ${CONSOLE_SUBSET}`,
          );
        }
        const result = tx.run(query, parameters);
        const collector = new GraphCollector();
        const rows: Record<string, JsonValue>[] = [];
        let rowBytes = 0;
        let cut: ReadQueryResult["cut"];
        for await (const record of result) {
          if (rows.length === maxRows) {
            cut = "rows";
            break;
          }
          const mark = collector.mark();
          const row = Object.fromEntries(record.keys.map((k) => [String(k), collector.plain(record.get(k))]));
          const bytes = Buffer.byteLength(JSON.stringify(row));
          if (rowBytes + bytes + collector.bytes > maxBytes) {
            collector.rollback(mark);
            cut = "bytes";
            break;
          }
          rowBytes += bytes;
          rows.push(row);
        }
        const columns = (await result.keys()).map(String);
        return {
          columns,
          rows,
          truncated: cut !== undefined,
          ...(cut ? { cut } : {}),
          ms: performance.now() - started,
          ...collector.finish(),
        };
      },
      {
        timeout: timeoutMs,
        metadata: { app: "plangraph cypher", ...(options.requestId ? { request: options.requestId } : {}) },
      },
    );
  } catch (err) {
    throw explainNeo4jError(err, { ...settings, timeoutMs });
  } finally {
    await session.close();
  }
}
