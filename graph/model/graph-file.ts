// The graph file on disk (graph JSON, what `plangraph ingest` writes): its writer and its reader, side by side.
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  validateGraph,
  formatIssue,
  type SerializedEdge,
  type SerializedNode,
  type SerializedPlanGraph,
} from "../../schema/index.ts";
import { batch } from "./batch.ts";
import { fromSerialized, type PlanGraph } from "./plan-graph.ts";
import { writeAtomically } from "./write-atomically.ts";

/** A serialised graph whose nodes and edges may be produced lazily, e.g. straight from a graphology graph. */
export interface GraphStream {
  attributes: SerializedPlanGraph["attributes"];
  options: SerializedPlanGraph["options"];
  nodes: Iterable<SerializedNode>;
  edges: Iterable<SerializedEdge>;
}

/** Yields graph JSON one node or edge per line, the shape `graph.export()` gives and `Graph.from` reads. */
export function* graphJsonChunks(graph: GraphStream): Generator<string> {
  yield `{"attributes":${JSON.stringify(graph.attributes)},"options":${JSON.stringify(graph.options)},"nodes":[`;
  let separator = "\n";
  for (const node of graph.nodes) {
    yield `${separator}${JSON.stringify(node)}`;
    separator = ",\n";
  }
  yield `],"edges":[`;
  separator = "\n";
  for (const edge of graph.edges) {
    yield `${separator}${JSON.stringify(edge)}`;
    separator = ",\n";
  }
  yield "]}\n";
}

/** Writes a graph file in 1 MB pieces through a temporary file, so a failed run never leaves half a graph. */
export async function writeGraphFile(file: string, graph: GraphStream): Promise<void> {
  await writeAtomically(file, (out) => pipeline(Readable.from(batch(graphJsonChunks(graph), 1 << 20)), out));
}

/** Thrown when a graph file cannot be used: missing, not JSON, or not a plan graph; `code` tells which. */
export class GraphFileError extends Error {
  readonly code: "graph-file/unreadable" | "graph-file/not-json" | "graph-file/invalid";
  constructor(code: GraphFileError["code"], message: string) {
    super(message);
    this.code = code;
  }
}

/** Reads and validates a graph file against the schema; warnings are returned, errors thrown. */
export async function readGraphFile(file: string): Promise<{ graph: SerializedPlanGraph; warnings: string[] }> {
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new GraphFileError(
      "graph-file/unreadable",
      `cannot read the graph ${file} (${err.code ?? err.message}); create it with: plangraph ingest <plans> --out ${file}`,
    );
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GraphFileError("graph-file/not-json", `the graph ${file} is not valid JSON (${(err as Error).message})`);
  }
  const { graph, issues } = validateGraph(data, file);
  if (!graph) {
    const errors = issues.filter((i) => i.severity === "error");
    throw new GraphFileError(
      "graph-file/invalid",
      `the graph ${file} does not fit the schema:\n  ${errors.slice(0, 10).map(formatIssue).join("\n  ")}${errors.length > 10 ? `\n  … and ${errors.length - 10} more` : ""}`,
    );
  }
  return { graph, warnings: issues.map(formatIssue) };
}

/** Reads a graph file into a graphology graph. */
export async function openGraphFile(file: string): Promise<PlanGraph> {
  return fromSerialized((await readGraphFile(file)).graph);
}
