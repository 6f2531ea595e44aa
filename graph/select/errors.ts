// Errors of graph/select: a selection that names something the graph does not hold, with a code to branch on.

/** What went wrong, for callers that branch on it (the CLI's exit message, the API's 400 response). */
export type SelectErrorCode =
  | "select/unknown-node"
  | "select/ambiguous-node"
  | "select/not-an-entity"
  | "select/bad-depth"
  | "select/unknown-label"
  | "select/unknown-type"
  | "select/unknown-item";

/** A selection the graph cannot satisfy; the message names what was asked for and what to try instead. */
export class SelectError extends Error {
  readonly code: SelectErrorCode;
  /** Ids the request could have meant, for an ambiguous or unknown name (at most a handful). */
  readonly candidates: string[];

  constructor(code: SelectErrorCode, message: string, candidates: string[] = []) {
    super(`graph/select: ${message}`);
    this.name = "SelectError";
    this.code = code;
    this.candidates = candidates;
  }
}
