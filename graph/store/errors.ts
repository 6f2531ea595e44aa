// The store's error class: a code to branch on (the API turns it into an HTTP status) and a message naming the module.

/** What went wrong in a store call. */
export type StoreErrorCode = "store/not-found" | "store/bad-request" | "store/unavailable";

/** A request the store cannot answer: an unknown node or plan, or a filter it cannot apply. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(`graph/store: ${message}`, options);
    this.name = "StoreError";
    this.code = code;
  }
}

/** The error for a node key that is not in the graph. */
export function nodeNotFound(key: string): StoreError {
  return new StoreError("store/not-found", `no node '${key}' in the graph`);
}

/** The error for a plan id that is not in the graph. */
export function planNotFound(id: string): StoreError {
  return new StoreError("store/not-found", `no plan '${id}' in the graph`);
}

/** The error for an edge key that is not in the graph. */
export function edgeNotFound(key: string): StoreError {
  return new StoreError("store/not-found", `no edge '${key}' in the graph`);
}

/** The error for a Cypher selection asked of a store that is not a database. */
export function cypherNeedsNeo4j(): StoreError {
  return new StoreError(
    "store/bad-request",
    "a Cypher selection needs Neo4j: load the graph (plangraph load) and read from Neo4j instead of a file",
  );
}

/** The error for a node that plans cannot mention (a Plan or Section rather than an entity). */
export function notAnEntity(key: string, label: string): StoreError {
  return new StoreError(
    "store/bad-request",
    `'${key}' is a ${label}; only regions, industries, projects and goals are mentioned by plans`,
  );
}
