// Reads a graph JSON file written by `plangraph ingest`, with errors that say which file and what to do.
import { readFile } from "node:fs/promises";
import Graph from "graphology";
import { validateGraph, formatIssue, type SerializedPlanGraph } from "../schema/index.ts";
import type { PlanGraph } from "../ingest/stages/build.ts";

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
  const { graph } = await readGraphFile(file);
  return Graph.from(graph as unknown as Parameters<typeof Graph.from>[0]) as unknown as PlanGraph;
}
