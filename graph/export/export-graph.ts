// The one call the CLI and the explorer's API make: a graph, a format and a writable stream in, the file streamed out.
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PlanGraph } from "../model/index.ts";
import { batch } from "../model/index.ts";
import { ExportError } from "./errors.ts";
import { FORMAT_FILES, includesText, isExportFormat, type ExportFormat, type ExportOptions } from "./formats.ts";
import {
  CSV_FILES,
  chooseArrayDelimiter,
  constraintsScript,
  csvNodeChunks,
  csvRelationshipChunks,
  importScript,
} from "./write-csv.ts";
import { cypherChunks } from "./write-cypher.ts";
import { gexfChunks } from "./write-gexf.ts";
import { graphmlChunks } from "./write-graphml.ts";
import { jsonChunks } from "./write-json.ts";
import { zipChunks } from "./write-zip.ts";

/** What was written, for a summary line or response headers. */
export interface ExportSummary {
  format: ExportFormat;
  nodes: number;
  edges: number;
  includeText: boolean;
  /** CSV only: the delimiter between array elements, which neo4j-admin must be told (see import.sh in the zip). */
  arrayDelimiter?: string;
}

/** A format's output as a lazy sequence of chunks plus its summary; nothing is produced until the chunks are read. */
export function exportChunks(
  graph: PlanGraph,
  format: ExportFormat,
  options: ExportOptions = {},
): { chunks: Iterable<string | Uint8Array>; summary: ExportSummary } {
  if (!isExportFormat(format))
    throw new ExportError(
      "export/unknown-format",
      `unknown format '${String(format)}' (formats: ${Object.keys(FORMAT_FILES).join(", ")})`,
    );
  const includeText = includesText(format, options);
  const summary: ExportSummary = { format, nodes: graph.order, edges: graph.size, includeText };
  switch (format) {
    case "json":
      return { chunks: batch(jsonChunks(graph, { includeText })), summary };
    case "graphml":
      return { chunks: batch(graphmlChunks(graph, { includeText })), summary };
    case "gexf":
      return { chunks: batch(gexfChunks(graph, { includeText })), summary };
    case "cypher": {
      const batchSize = options.batchSize;
      return { chunks: batch(cypherChunks(graph, { includeText, ...(batchSize ? { batchSize } : {}) })), summary };
    }
    case "csv": {
      const arrayDelimiter = chooseArrayDelimiter(graph, includeText, options.arrayDelimiter);
      const chunks = zipChunks([
        { name: CSV_FILES.nodes, chunks: csvNodeChunks(graph, { includeText, arrayDelimiter }) },
        { name: CSV_FILES.relationships, chunks: csvRelationshipChunks(graph, { arrayDelimiter }) },
        { name: CSV_FILES.script, chunks: [importScript(arrayDelimiter)] },
        { name: CSV_FILES.constraints, chunks: [constraintsScript()] },
      ]);
      return { chunks, summary: { ...summary, arrayDelimiter } };
    }
  }
}

/**
 * Writes a graph in a format to a stream (a file, an HTTP response), chunk by chunk with backpressure, so the whole
 * output never sits in memory; CSV is written as a zip. Ends the stream unless `options.end` is false.
 */
export async function exportGraph(
  graph: PlanGraph,
  format: ExportFormat,
  output: Writable,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const { chunks, summary } = exportChunks(graph, format, options);
  await pipeline(Readable.from(chunks), output, { end: options.end ?? true });
  return summary;
}
