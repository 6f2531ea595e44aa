// Data problems as typed values with codes, collected next to results instead of thrown.

/** Every code an issue may carry, grouped by the stage that reports it. */
export const ISSUE_CODES = [
  "read/not-found",
  "read/unreadable",
  "read/symlink",
  "read/odd-name",
  "read/utf16-no-bom",
  "read/empty",
  "read/too-large",
  "read/binary",
  "read/undecodable",
  "read/truncated-utf8",
  "read/legacy-encoding",
  "read/html",
  "read/pdf-invalid",
  "read/pdf-no-text",
  "read/pdf-pages-without-text",
  "structure/no-sections",
  "ingest/crashed",
  "ingest/time-budget",
  "structure/long-sentence",
  "plan/metadata-missing",
  "graph/not-a-graph",
  "graph/duplicate-key",
  "graph/unknown-label",
  "graph/unknown-type",
  "graph/dangling-edge",
  "graph/bad-endpoints",
  "graph/missing-property",
  "graph/bad-property",
  "graph/unknown-property",
  "graph/bad-id",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** Where in the input a problem is: a file and, where known, a byte, a line, a character offset, or a graph item. */
export interface IssueSource {
  file?: string;
  byte?: number;
  line?: number;
  offset?: number;
  item?: string;
}

/** A problem found in the data: errors stop that input, warnings are reported and the input is used. */
export interface Issue {
  code: IssueCode;
  severity: "error" | "warning";
  message: string;
  source: IssueSource;
}

/** Builds an error-severity issue. */
export function error(code: IssueCode, message: string, source: IssueSource = {}): Issue {
  return { code, severity: "error", message, source };
}

/** Builds a warning-severity issue. */
export function warning(code: IssueCode, message: string, source: IssueSource = {}): Issue {
  return { code, severity: "warning", message, source };
}

/** Formats an issue as one line a person can act on (`file:line: code: message`). */
export function formatIssue(issue: Issue): string {
  const { file, byte, line, offset, item } = issue.source;
  const where = [
    file,
    line !== undefined ? `line ${line}` : undefined,
    byte !== undefined ? `byte ${byte}` : undefined,
    offset !== undefined ? `character ${offset}` : undefined,
    item,
  ]
    .filter((x) => x !== undefined)
    .join(", ");
  return `${issue.severity} ${issue.code}${where ? ` (${where})` : ""}: ${issue.message}`;
}
