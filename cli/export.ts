// The `plangraph export` command: a selection of a graph file or of Neo4j, written as JSON, GraphML, GEXF, CSV or Cypher.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { fromSerialized, writeAtomically, type PlanGraph } from "../graph/model/index.ts";
import { runReadQuery, settingsFromEnv, withConnection } from "../graph/neo4j/index.ts";
import { checkFilter } from "../graph/select/index.ts";
import { openStore, type SubgraphSelection } from "../graph/store/index.ts";
import {
  CSV_FILES,
  EXPORT_FORMATS,
  FORMAT_FILES,
  chooseArrayDelimiter,
  constraintsScript,
  csvNodeChunks,
  csvRelationshipChunks,
  exportGraph,
  importScript,
  includesText,
  isExportFormat,
  neo4jAdminImportCommand,
  type ExportFormat,
  type ExportOptions,
} from "../graph/export/index.ts";
import { parseParam } from "./cypher.ts";

/** The options of `plangraph export` as commander parses them. */
export interface ExportCommandOptions {
  output: string;
  format?: string;
  graph?: string;
  neo4j?: boolean;
  plan: string[];
  ego?: string;
  depth: number;
  labels: string[];
  types: string[];
  cypher?: string;
  param: Record<string, unknown>;
  text?: boolean;
  arrayDelimiter?: string;
  batchSize?: number;
  derived?: boolean;
}

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
];

/** The format asked for, or the one the output's extension names (`.zip` and a folder both mean csv). */
export function formatFor(output: string, format?: string): ExportFormat {
  if (format !== undefined) {
    if (!isExportFormat(format)) throw usage(`--format must be one of ${EXPORT_FORMATS.join(", ")}, got '${format}'`);
    return format;
  }
  const ext = path.extname(output).toLowerCase();
  const byExtension = EXPORT_FORMATS.find((f) => FORMAT_FILES[f].extension === ext);
  if (byExtension) return byExtension;
  throw usage(`cannot tell the format from '${output}'; pass --format (${EXPORT_FORMATS.join(", ")})`);
}

function usage(message: string): Error & { code: string } {
  return Object.assign(new Error(`export: ${message}`), { code: "export/usage" });
}

/** Opens the source as a store (the file in memory, or Neo4j) and asks it for the selection, as the explorer's export does. */
async function selectGraph(opts: ExportCommandOptions): Promise<PlanGraph> {
  const { labels, types } = checkFilter({
    ...(opts.labels.length > 0 ? { labels: opts.labels } : {}),
    ...(opts.types.length > 0 ? { types: opts.types } : {}),
  });
  const selection: SubgraphSelection = {
    ...(opts.plan.length > 0 ? { plans: opts.plan } : {}),
    ...(labels ? { labels: [...labels] } : {}),
    ...(types ? { types: [...types] } : {}),
    ...(opts.ego ? { ego: { node: opts.ego, depth: opts.depth } } : {}),
    ...(opts.derived ? { derived: true } : {}),
  };
  const settings = settingsFromEnv();
  if (!opts.neo4j && opts.cypher) {
    // A query against Neo4j picks the items; their data comes from the file, so the export matches what was ingested.
    const result = await withConnection(settings, (connection) =>
      runReadQuery(connection, opts.cypher as string, opts.param, {
        maxRows: 1_000_000,
        maxBytes: Number.POSITIVE_INFINITY,
        timeoutMs: 300_000,
      }),
    );
    selection.nodes = result.nodes.map((n) => n.id);
    selection.edges = result.relationships.map((r) => r.key);
  } else if (opts.cypher) selection.cypher = { query: opts.cypher, params: opts.param };
  const store = await openStore(
    opts.neo4j
      ? { kind: "neo4j", settings, onWarning: (message) => console.error(`warning: ${message}`) }
      : { kind: "memory", file: opts.graph as string },
  );
  try {
    return fromSerialized(await store.subgraph(selection));
  } finally {
    await store.close();
  }
}

/** CSV into a folder: nodes.csv, relationships.csv, import.sh and constraints.cypher, ready for neo4j-admin. */
async function writeCsvFolder(graph: PlanGraph, folder: string, options: ExportOptions): Promise<string> {
  const includeText = includesText("csv", options);
  const arrayDelimiter = chooseArrayDelimiter(graph, includeText, options.arrayDelimiter);
  await mkdir(folder, { recursive: true });
  const files: [string, Iterable<string>][] = [
    [CSV_FILES.nodes, csvNodeChunks(graph, { includeText, arrayDelimiter })],
    [CSV_FILES.relationships, csvRelationshipChunks(graph, { arrayDelimiter })],
    [CSV_FILES.script, [importScript(arrayDelimiter)]],
    [CSV_FILES.constraints, [constraintsScript()]],
  ];
  for (const [name, chunks] of files)
    await writeAtomically(path.join(folder, name), (out) => pipeline(Readable.from(chunks), out));
  return arrayDelimiter;
}

/** Registers `plangraph export`. */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write a selection of the graph as JSON, GraphML, GEXF, CSV (neo4j-admin import) or a Cypher script")
    .requiredOption("-o, --output <file>", "where to write ('-' for standard output; for csv a .zip, or a folder)")
    .option("-f, --format <format>", `${EXPORT_FORMATS.join(", ")} (default: from the output's extension)`)
    .option("-g, --graph <file>", "read this graph JSON (from plangraph ingest)")
    .option("--neo4j", "read from Neo4j instead (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
    .option(
      "--plan <plan>",
      "keep what this plan states (id, file, issuing region such as 河北, or title words); repeatable or a,b",
      list,
      [],
    )
    .option("--ego <node>", "keep the ego network of this entity (id, name or alias)")
    .option("--depth <n>", "relation steps around --ego: 1, 2 or 3", (v) => Number(v), 1)
    .option("--labels <labels>", "keep these node labels, e.g. Region,Industry", list, [])
    .option("--types <types>", "keep these relationship types, e.g. LOCATED_IN,SUPPORTS", list, [])
    .option("--cypher <query>", "keep the nodes and relationships a read-only Cypher query returns")
    .option("-p, --param <name=value>", "a parameter of --cypher ($name); repeatable", parseParam, {})
    .option("--derived", "include the derived relations (DEVELOPS, PURSUES), left out by default")
    .option("--text", "include each plan's whole text (default: only in json)")
    .option("--no-text", "leave plan text out, in json too")
    .option(
      "--array-delimiter <char>",
      "csv: between list elements (default ';', or '|' / U+001F if the data holds ';')",
    )
    .option("--batch-size <n>", "cypher: rows per UNWIND statement (default 500)", (v) => Number(v))
    .addHelpText(
      "after",
      `
Selections narrow one another in this order: --cypher, --plan, --labels/--types, --ego.
With --graph and --cypher, the query runs in Neo4j and picks nodes and relationships of the file by id.
csv is a zip (nodes.csv, relationships.csv, import.sh, constraints.cypher) when -o ends in .zip, else a folder.

Examples:
  plangraph export -g out/hebei.json -o out/hebei.graphml
  plangraph export -g out/hebei.json --ego 雄安新区 --depth 2 -o out/xiongan.gexf
  plangraph export -g out/corpus.json --plan reports-2021/省自治区/河北省 --types SUPPORTS,TARGETS -o out/hebei-2021.zip
  plangraph export -g out/hebei.json -f csv -o out/hebei-csv/ && (cd out/hebei-csv && sh import.sh)
  plangraph export --neo4j --cypher 'MATCH p = (:Region {name: $r})<-[:LOCATED_IN*1..2]-() RETURN p' -p r=雄安新区 -o out/x.cypher`,
    )
    .action(async (opts: ExportCommandOptions) => {
      if (Boolean(opts.graph) === Boolean(opts.neo4j)) throw usage("pass either --graph <file> or --neo4j");
      if (opts.depth !== 1 && !opts.ego) throw usage("--depth needs --ego");
      const format = formatFor(opts.output === "-" ? "" : opts.output, opts.format);
      const options: ExportOptions = {
        ...(opts.text !== undefined ? { includeText: opts.text } : {}),
        ...(opts.arrayDelimiter !== undefined ? { arrayDelimiter: opts.arrayDelimiter } : {}),
        ...(opts.batchSize !== undefined ? { batchSize: opts.batchSize } : {}),
      };
      const started = performance.now();
      const graph = await selectGraph(opts);
      let delimiter: string | undefined;
      if (opts.output === "-") {
        delimiter = (await exportGraph(graph, format, process.stdout, { ...options, end: false })).arrayDelimiter;
      } else if (format === "csv" && path.extname(opts.output).toLowerCase() !== ".zip") {
        delimiter = await writeCsvFolder(graph, opts.output, options);
      } else {
        await mkdir(path.dirname(opts.output), { recursive: true });
        await writeAtomically(opts.output, async (out) => {
          delimiter = (await exportGraph(graph, format, out, options)).arrayDelimiter;
        });
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.error(
        `exported ${graph.order} nodes and ${graph.size} relationships as ${format} → ${opts.output} in ${seconds} s`,
      );
      if (delimiter !== undefined) console.error(`import with: ${neo4jAdminImportCommand(delimiter)} (see import.sh)`);
    });
}
