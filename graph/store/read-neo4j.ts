// A Cypher query's result, or the whole database, read from Neo4j as a plan graph (the Neo4j store's Cypher selection).
import { runReadQuery, type Neo4jConnection, type QueryNode, type QueryRelationship } from "../neo4j/index.ts";
import { graphFromQueryResult, type QueryGraph } from "./from-query-result.ts";

/** A read of Neo4j for export: a query (the whole database when left out), its parameters and limits. */
export interface Neo4jReadOptions {
  query?: string;
  params?: Record<string, unknown>;
  /** Server-side timeout per query (default 5 minutes: a whole corpus takes a while). */
  timeoutMs?: number;
  /** Rows kept from the query before the rest is discarded (default 1,000,000). */
  maxRows?: number;
}

/** The graph read and whether the query returned more rows than were kept. */
export interface Neo4jRead extends QueryGraph {
  truncated: boolean;
}

const WHOLE_NODES = "MATCH (n) RETURN n";
const WHOLE_RELATIONSHIPS = "MATCH ()-[r]->() RETURN r";

/**
 * Reads a graph from Neo4j through the read-only query runner: the nodes and relationships found anywhere in the
 * query's rows, plus the end nodes of returned relationships the query did not return itself.
 */
export async function readNeo4jGraph(connection: Neo4jConnection, options: Neo4jReadOptions = {}): Promise<Neo4jRead> {
  // An export is a file, not a page: no byte cap (the console's 8 MiB would cut a corpus short).
  const limits = {
    timeoutMs: options.timeoutMs ?? 300_000,
    maxRows: options.maxRows ?? 1_000_000,
    maxBytes: Number.POSITIVE_INFINITY,
  };
  const results = options.query
    ? [await runReadQuery(connection, options.query, options.params ?? {}, limits)]
    : [
        await runReadQuery(connection, WHOLE_NODES, {}, limits),
        await runReadQuery(connection, WHOLE_RELATIONSHIPS, {}, limits),
      ];
  const nodes = new Map<string, QueryNode>();
  for (const node of results.flatMap((r) => r.nodes)) nodes.set(node.elementId, node);
  const relationships: QueryRelationship[] = results.flatMap((r) => r.relationships);
  // The runner names an end by plangraph id when the same result held the node, by element id otherwise.
  const ids = new Set([...nodes.values()].map((n) => n.id));
  const unresolved = [...new Set(relationships.flatMap((r) => [r.source, r.target]))].filter(
    (end) => !ids.has(end) && !nodes.has(end),
  );
  if (unresolved.length > 0) {
    const ends = await runReadQuery(
      connection,
      "MATCH (n) WHERE elementId(n) IN $ids RETURN n",
      { ids: unresolved },
      limits,
    );
    for (const node of ends.nodes) nodes.set(node.elementId, node);
  }
  const idOf = (end: string) => (ids.has(end) ? end : (nodes.get(end)?.id ?? end));
  const resolved = relationships.map((r) => ({ ...r, source: idOf(r.source), target: idOf(r.target) }));
  const built = graphFromQueryResult({ nodes: [...nodes.values()], relationships: resolved });
  return { ...built, truncated: results.some((r) => r.truncated) };
}
