// Errors of graph/export: a request no writer can honour, or a schema the formats cannot express, with a code.

/** What went wrong, for callers that branch on it. */
export type ExportErrorCode = "export/unknown-format" | "export/schema-conflict" | "export/bad-option";

/** A failure of an exporter that is not a problem in the data (those are written, escaped, as they are). */
export class ExportError extends Error {
  readonly code: ExportErrorCode;

  constructor(code: ExportErrorCode, message: string) {
    super(`graph/export: ${message}`);
    this.name = "ExportError";
    this.code = code;
  }
}
