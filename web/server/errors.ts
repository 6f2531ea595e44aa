// API errors: one JSON shape ({ error: { code, message } }) and the HTTP status for every code the layers below use.

/** What the API answers when a request fails; a plan reference that matched several plans or none lists candidates. */
export interface ErrorBody {
  error: { code: string; message: string; candidates?: { id: string; title: string }[] };
}

/** A request the API refuses itself (bad input, no Cypher without Neo4j), with a code and an HTTP status. */
export class ApiError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, statusCode: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.statusCode = statusCode;
  }
}

const STATUS: Readonly<Record<string, number>> = {
  "store/not-found": 404,
  "store/bad-request": 400,
  "store/unavailable": 503,
  "select/unknown-node": 404,
  "select/unknown-item": 404,
  "select/unknown-plan": 404,
  "neo4j/write-refused": 403,
  "neo4j/timeout": 504,
  "neo4j/bad-parameter": 400,
  "neo4j/query-failed": 400,
  "neo4j/unreachable": 503,
  "neo4j/auth-failed": 503,
  "neo4j/database-not-found": 503,
  "neo4j/busy": 503,
  "neo4j/too-large": 422,
  "export/unknown-format": 400,
  "export/bad-option": 400,
  "compare/plan-not-found": 404,
  "compare/plan-ambiguous": 400,
};

/** Codes whose message may name server settings (user names, database names): replaced by advice that names none. */
const PRIVATE: Readonly<Record<string, string>> = {
  "neo4j/auth-failed":
    "the server could not log in to Neo4j; check NEO4J_USER and NEO4J_PASSWORD where the server runs",
  "neo4j/database-not-found": "the server's Neo4j database does not exist; check NEO4J_DATABASE where the server runs",
  "neo4j/unreachable":
    "the server cannot reach its Neo4j (is it running? npm run neo4j, or docker compose up); check NEO4J_URI where the server runs",
};

/** A Bolt or Neo4j address in a message, with the words that introduce it: the browser is not told where Neo4j is. */
const ADDRESS = /(?: at)? (?:bolt|neo4j)(?:\+s|\+ssc)?:\/\/[^\s),;'"]+/gi;

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
  const code = typeof e?.code === "string" ? e.code : undefined;
  if (code?.startsWith("compare/") && STATUS[code] && Array.isArray(e.candidates)) {
    const { status, body } = reply(STATUS[code], code, userMessage(String(e.message)));
    return { status, body: { error: { ...body.error, candidates: e.candidates as { id: string; title: string }[] } } };
  }
  if (code && STATUS[code]) return reply(STATUS[code], code, PRIVATE[code] ?? userMessage(String(e.message)));
  if (code?.startsWith("select/")) return reply(400, code, userMessage(String(e.message)));
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500)
    return reply(e.statusCode, "api/bad-request", String(e.message));
  return reply(500, "api/internal", "the server failed to answer; its log says why");
}

function reply(status: number, code: string, message: string): { status: number; body: ErrorBody } {
  return { status, body: { error: { code, message } } };
}
