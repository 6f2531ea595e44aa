// The `plangraph cypher` command: a read-only Cypher query against the configured Neo4j, printed as a table or JSON.
import type { Command } from "commander";
import {
  DEFAULT_MAX_ROWS,
  DEFAULT_READ_TIMEOUT_MS,
  runReadQuery,
  settingsFromEnv,
  withConnection,
  type JsonValue,
} from "../graph/neo4j/index.ts";

const MAX_CELL = 60;

/** Parses `name=value`: the value as JSON when it is JSON (5, true, ["a"]), as a string otherwise (雄安新区). */
export function parseParam(text: string, params: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new Error(`--param needs name=value, got '${text}'`);
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { ...params, [text.slice(0, eq)]: value };
}

/** Columns a string takes on a terminal: CJK and full-width characters take two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

function clip(text: string): string {
  if (width(text) <= MAX_CELL) return text;
  let out = "";
  for (const ch of text) {
    if (width(out + ch) > MAX_CELL - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function isGraphObject(value: JsonValue, ...keys: string[]): value is Record<string, JsonValue> {
  return value !== null && typeof value === "object" && !Array.isArray(value) && keys.every((k) => k in value);
}

/** One table cell: nodes as (:Label id), relationships as [:TYPE], paths as their chain of ids, the rest as text or JSON. */
function cell(value: JsonValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (isGraphObject(value, "labels", "elementId"))
    return `(:${(value.labels as string[]).join(":")} ${String(value.id)})`;
  if (isGraphObject(value, "type", "source", "target")) return `[:${String(value.type)}]`;
  if (isGraphObject(value, "nodes", "relationships")) {
    const nodes = value.nodes as Record<string, JsonValue>[];
    const rels = value.relationships as Record<string, JsonValue>[];
    return nodes.map((n, i) => `(${String(n.id)})${rels[i] ? `-[:${String(rels[i].type)}]-` : ""}`).join("");
  }
  return JSON.stringify(value);
}

/** Lays rows out as an aligned text table. */
export function formatTable(columns: string[], rows: Record<string, JsonValue>[]): string {
  const cells = rows.map((row) => columns.map((c) => clip(cell(row[c] ?? null).replace(/\s+/g, " "))));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i] ?? ""))));
  const line = (values: string[]) =>
    values
      .map((v, i) => v + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(v))))
      .join(" │ ")
      .trimEnd();
  return [line(columns), widths.map((w) => "─".repeat(w)).join("─┼─"), ...cells.map(line)].join("\n");
}

/** Registers `plangraph cypher`. */
export function registerCypher(program: Command): void {
  program
    .command("cypher")
    .description("run a read-only Cypher query against Neo4j and print the rows")
    .argument("<query>", "the Cypher query; pass values with --param, never by pasting them into the query")
    .option("-p, --param <name=value>", "a query parameter ($name); repeatable; JSON values are parsed", parseParam, {})
    .option("-f, --format <format>", "table or json", "table")
    .option("--timeout <seconds>", "stop the query after this long", (v) => Number(v), DEFAULT_READ_TIMEOUT_MS / 1000)
    .option("--max-rows <n>", "print at most this many rows", (v) => Number(v), DEFAULT_MAX_ROWS)
    .addHelpText(
      "after",
      `
Queries run in a READ transaction: CREATE, MERGE, SET, DELETE and LOAD CSV are refused.
Connection: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE (defaults: the local npm run neo4j).

Examples:
  plangraph cypher 'MATCH (p:Project)-[:LOCATED_IN]->(r:Region {name: $name}) RETURN p.name, r.name' --param name=雄安新区
  plangraph cypher 'CALL db.index.fulltext.queryNodes("plangraph_entity_names", $q) YIELD node, score
                    RETURN node.name, labels(node), score LIMIT 10' -p q=氢能
  plangraph cypher 'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n' --format json`,
    )
    .action(
      async (
        query: string,
        opts: { param: Record<string, unknown>; format: string; timeout: number; maxRows: number },
      ) => {
        if (opts.format !== "table" && opts.format !== "json") {
          console.error(`plangraph cypher: --format must be table or json, got '${opts.format}'`);
          process.exitCode = 1;
          return;
        }
        try {
          const result = await withConnection(settingsFromEnv(), (connection) =>
            runReadQuery(connection, query, opts.param, { timeoutMs: opts.timeout * 1000, maxRows: opts.maxRows }),
          );
          if (opts.format === "json") {
            console.log(JSON.stringify(result, null, 2));
            return;
          }
          if (result.columns.length > 0) console.log(formatTable(result.columns, result.rows));
          const cut = result.truncated ? `, cut at --max-rows ${opts.maxRows}` : "";
          console.error(`${result.rows.length} row(s)${cut} in ${Math.round(result.ms)} ms`);
        } catch (err) {
          console.error((err as Error).message);
          process.exitCode = 1;
        }
      },
    );
}
