// Public names of graph/export: the export call, formats and options, and each writer for callers that need one file.
export { exportGraph, exportChunks } from "./export-graph.ts";
export type { ExportSummary } from "./export-graph.ts";
export { EXPORT_FORMATS, FORMAT_FILES, isExportFormat, includesText } from "./formats.ts";
export type { ExportFormat, ExportOptions } from "./formats.ts";
export { jsonChunks } from "./write-json.ts";
export { graphmlChunks } from "./write-graphml.ts";
export { gexfChunks } from "./write-gexf.ts";
export {
  csvNodeChunks,
  csvRelationshipChunks,
  chooseArrayDelimiter,
  neo4jAdminImportArgs,
  neo4jAdminImportCommand,
  importScript,
  constraintsScript,
  ARRAY_DELIMITERS,
  CSV_FILES,
} from "./write-csv.ts";
export { cypherChunks, DEFAULT_CYPHER_BATCH } from "./write-cypher.ts";
export { zipChunks } from "./write-zip.ts";
export type { ZipEntry } from "./write-zip.ts";
export { batch, BATCH_CHARS } from "../model/index.ts";
export { nodeColumns, edgeColumns, flattenEvidence, EVIDENCE_PARTS, TEXT_PROPERTY } from "./columns.ts";
export type { Column, EvidenceColumn } from "./columns.ts";
export { ExportError } from "./errors.ts";
export type { ExportErrorCode } from "./errors.ts";
