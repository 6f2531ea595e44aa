// Runs exportGraph into memory for tests: the bytes a user would get, and how they arrived (chunk sizes).
import { Writable } from "node:stream";
import type { PlanGraph } from "../../../graph/model/index.ts";
import { exportGraph, type ExportFormat, type ExportOptions, type ExportSummary } from "../../../graph/export/index.ts";

/** What an export wrote: its bytes, the sizes of the writes, and the summary. */
export interface Written {
  bytes: Buffer;
  text: string;
  writes: number[];
  summary: ExportSummary;
}

/** Exports to an in-memory stream, exactly as to a file or an HTTP response. */
export async function exportToMemory(
  graph: PlanGraph,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Written> {
  const parts: Buffer[] = [];
  const writes: number[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      writes.push(chunk.length);
      done();
    },
  });
  const summary = await exportGraph(graph, format, sink, options);
  const bytes = Buffer.concat(parts);
  return { bytes, text: bytes.toString("utf8"), writes, summary };
}
