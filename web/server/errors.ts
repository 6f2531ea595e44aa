// API errors: one JSON shape ({ error: { code, message } }) and the HTTP status for every code the layers below use.
import type { ApiOwnCode, ErrorBody, ErrorCode } from "../api-contract.ts";

/** A request the API refuses itself (bad input, no Cypher without Neo4j), with a code and an HTTP status. */
export class ApiError extends Error {
  readonly code: ApiOwnCode;
  readonly statusCode: number;

  constructor(code: ApiOwnCode, statusCode: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.statusCode = statusCode;
  }
}

/** The HTTP status of every error code; typed against the union of codes, so a code added or renamed below fails tsc here. */
const STATUS: Readonly<Record<ErrorCode, number>> = {
  "api/bad-request": 400,
  "api/bad-json": 400,
  "api/bad-url": 400,
  "api/wrong-host": 421,
  "api/not-found": 404,
  "api/internal": 500,
  "cypher/not-configured": 501,
  "store/not-found": 404,
  "store/bad-request": 400,
  "store/unavailable": 503,
  "select/unknown-node": 404,
  "select/ambiguous-node": 400,
  "select/not-an-entity": 400,
  "select/bad-depth": 400,
  "select/unknown-label": 400,
  "select/unknown-type": 400,
  "select/unknown-item": 404,
  "plan/not-found": 404,
  "plan/ambiguous": 400,
  "neo4j/unreachable": 503,
  "neo4j/auth-failed": 503,
  "neo4j/database-not-found": 503,
  "neo4j/launcher-failed": 503,
  "neo4j/constraint-violated": 500,
  "neo4j/invalid-graph": 400,
  "neo4j/write-refused": 403,
  "neo4j/timeout": 504,
  "neo4j/bad-parameter": 400,
  "neo4j/query-failed": 400,
  "neo4j/busy": 503,
  "neo4j/too-large": 422,
  "export/unknown-format": 400,
  "export/bad-option": 400,
  "export/schema-conflict": 500,
};

/** Codes whose message may name server settings (user names, database names): replaced by advice that names none. */
const PRIVATE: Partial<Record<ErrorCode, string>> = {
  "neo4j/auth-failed":
    "the server could not log in to Neo4j; check NEO4J_USER and NEO4J_PASSWORD where the server runs",
  "neo4j/database-not-found": "the server's Neo4j database does not exist; check NEO4J_DATABASE where the server runs",
  "neo4j/unreachable":
    "the server cannot reach its Neo4j (is it running? npm run neo4j, or docker compose up); check NEO4J_URI where the server runs",
};

/** A Bolt or Neo4j address in a message, with the words that introduce it: the browser is not told where Neo4j is. */
const ADDRESS = /(?: at)? (?:bolt|neo4j)(?:\+s|\+ssc)?:\/\/[^\s),;'"]+/gi;

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === "string" && Object.hasOwn(STATUS, code);

/** Strips the `module: ` prefix the layers below put in messages meant for logs. */
function userMessage(message: string): string {
  return message.replace(/^(graph\/[a-z0-9]+|web\/[a-z]+): /, "").replace(ADDRESS, "");
}

/** Turns anything thrown while answering into a status and error body; unknown errors become a 500 that reveals nothing. */
export function errorReply(err: unknown): { status: number; body: ErrorBody } {
  const e = err as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
    validation?: unknown;
    candidates?: unknown;
  };
  if (e?.validation) return reply(400, "api/bad-request", String(e.message));
  if (err instanceof ApiError) return reply(err.statusCode, err.code, err.message);
  if (isErrorCode(e?.code)) {
    const { status, body } = reply(STATUS[e.code], e.code, PRIVATE[e.code] ?? userMessage(String(e.message)));
    if (!Array.isArray(e.candidates) || !e.code.startsWith("plan/")) return { status, body };
    return { status, body: { error: { ...body.error, candidates: e.candidates as ErrorBody["error"]["candidates"] } } };
  }
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500)
    return reply(e.statusCode, "api/bad-request", String(e.message));
  return reply(500, "api/internal", "the server failed to answer; its log says why");
}

function reply(status: number, code: ErrorCode, message: string): { status: number; body: ErrorBody } {
  return { status, body: { error: { code, message } } };
}
