// Errors of the Neo4j layer: one class with a code to branch on, and the translation of driver errors into advice.
import { formatIssue, type Issue } from "../../schema/index.ts";

/** What went wrong, for callers that branch on it (the CLI's exit message, the API's error JSON). */
export type Neo4jErrorCode =
  | "neo4j/unreachable"
  | "neo4j/auth-failed"
  | "neo4j/database-not-found"
  | "neo4j/constraint-violated"
  | "neo4j/invalid-graph"
  | "neo4j/write-refused"
  | "neo4j/timeout"
  | "neo4j/bad-parameter"
  | "neo4j/query-failed"
  | "neo4j/launcher-failed"
  | "neo4j/busy"
  | "neo4j/too-large";

/** An infrastructure failure or refused request in graph/neo4j, with a message that says how to fix it. */
export class Neo4jStoreError extends Error {
  readonly code: Neo4jErrorCode;
  /** The Neo4j status code behind the failure, when the server or driver gave one. */
  readonly neo4jCode: string | undefined;

  constructor(code: Neo4jErrorCode, message: string, options: { cause?: unknown; neo4jCode?: string } = {}) {
    super(`graph/neo4j: ${message}`, { cause: options.cause });
    this.name = "Neo4jStoreError";
    this.code = code;
    this.neo4jCode = options.neo4jCode;
  }
}

/** A graph that failed validation, refused before anything was written; carries every problem found. */
export class InvalidGraphError extends Neo4jStoreError {
  readonly issues: Issue[];

  constructor(issues: Issue[], file?: string) {
    const errors = issues.filter((i) => i.severity === "error");
    const shown = errors.slice(0, 5).map(formatIssue).join("\n  ");
    const more = errors.length > 5 ? `\n  … and ${errors.length - 5} more` : "";
    super(
      "neo4j/invalid-graph",
      `${file ?? "the graph"} was not loaded: ${errors.length} problem(s), nothing was written\n  ${shown}${more}`,
    );
    this.name = "InvalidGraphError";
    this.issues = issues;
  }
}

/** Where a failed request was going, so the advice can name it. */
export interface ErrorContext {
  uri: string;
  user: string;
  database?: string;
  timeoutMs?: number;
}

const LOCAL_HOSTS = /^[a-z+]+:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/i;

function driverCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function driverMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Turns an error from neo4j-driver into a Neo4jStoreError whose message says what failed and what to do. */
export function explainNeo4jError(err: unknown, context: ErrorContext): Neo4jStoreError {
  if (err instanceof Neo4jStoreError) return err;
  const code = driverCode(err);
  const message = driverMessage(err);
  const options = { cause: err, ...(code ? { neo4jCode: code } : {}) };
  const { uri, user, database } = context;

  if (
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    /ECONNREFUSED|ECONNRESET|Could not perform discovery|connect ETIMEDOUT/.test(message)
  ) {
    const hint = LOCAL_HOSTS.test(uri)
      ? "is it running? npm run neo4j"
      : "check NEO4J_URI and that the server is reachable from here";
    return new Neo4jStoreError("neo4j/unreachable", `Neo4j refused the connection at ${uri} (${hint})`, options);
  }
  if (code === "Neo.ClientError.Security.Unauthorized") {
    return new Neo4jStoreError(
      "neo4j/auth-failed",
      `Neo4j at ${uri} rejected user '${user}': wrong user or password ` +
        "(set NEO4J_USER and NEO4J_PASSWORD; the local launcher and docker-compose.yml default to neo4j / plangraph-dev)",
      options,
    );
  }
  if (code === "Neo.ClientError.Security.AuthenticationRateLimit") {
    return new Neo4jStoreError(
      "neo4j/auth-failed",
      `Neo4j at ${uri} is refusing logins for a few seconds after repeated wrong passwords; fix NEO4J_PASSWORD and retry`,
      options,
    );
  }
  if (code === "Neo.ClientError.Database.DatabaseNotFound") {
    return new Neo4jStoreError(
      "neo4j/database-not-found",
      `database '${database ?? "(default)"}' does not exist at ${uri} (check NEO4J_DATABASE; Community Edition has only 'neo4j')`,
      options,
    );
  }
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    return new Neo4jStoreError(
      "neo4j/constraint-violated",
      `a uniqueness constraint refused the write, so the transaction was rolled back: ${message}. ` +
        "Another node or relationship already holds this id or key, probably written by something other than " +
        "plangraph load; remove it (or load into an empty database) and load again",
      options,
    );
  }
  if (code === "Neo.ClientError.Statement.AccessMode" || code === "Neo.ClientError.Security.Forbidden") {
    return new Neo4jStoreError(
      "neo4j/write-refused",
      "this query would change the database, and queries here are read-only; use MATCH … RETURN, " +
        `or plangraph load to change data (${message})`,
      options,
    );
  }
  if (code?.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
    const limit = context.timeoutMs !== undefined ? ` of ${context.timeoutMs / 1000} s` : "";
    return new Neo4jStoreError(
      "neo4j/timeout",
      `the query was stopped by the transaction timeout${limit}; narrow it (add LIMIT, anchor MATCH on an id, avoid cartesian products)`,
      options,
    );
  }
  if (code === "Neo.ClientError.Statement.ParameterMissing" || code === "Neo.ClientError.Statement.TypeError") {
    return new Neo4jStoreError("neo4j/bad-parameter", `${message} (pass values with --param name=value)`, options);
  }
  if (code === "Neo.ClientError.Statement.SyntaxError") {
    return new Neo4jStoreError("neo4j/query-failed", `Cypher syntax error: ${message}`, options);
  }
  return new Neo4jStoreError("neo4j/query-failed", `Neo4j at ${uri} reported: ${message}`, options);
}
