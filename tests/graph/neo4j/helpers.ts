// Shared helpers of the Neo4j tests: a connection to the test server, emptying it, and counts to compare with graph JSON.
import { inject } from "vitest";
import { createDriver, type Neo4jConnection } from "../../../graph/neo4j/index.ts";
import type { SerializedPlanGraph } from "../../../schema/index.ts";

/** Node counts per label and relationship counts per type. */
export interface Counts {
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** A driver for the Neo4j the global setup started or was pointed at. */
export function testConnection(): Neo4jConnection {
  const { uri, user, password, database } = inject("neo4j");
  return createDriver({ uri, user, password, ...(database ? { database } : {}) });
}

/** Deletes every node and relationship (constraints and indexes stay). */
export async function emptyDatabase({ driver, settings }: Neo4jConnection): Promise<void> {
  await driver.executeQuery("MATCH (n) DETACH DELETE n", {}, { database: settings.database });
}

/** Counts what the database holds, per label and per relationship type. */
export async function countsInDb({ driver, settings }: Neo4jConnection): Promise<Counts> {
  const options = { database: settings.database };
  const labels = await driver.executeQuery("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c", {}, options);
  const types = await driver.executeQuery("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c", {}, options);
  return {
    labels: Object.fromEntries(labels.records.map((r) => [r.get("l") as string, Number(r.get("c"))])),
    types: Object.fromEntries(types.records.map((r) => [r.get("t") as string, Number(r.get("c"))])),
  };
}

/** Counts what a graph JSON holds, per label and per relationship type, in the same shape as countsInDb. */
export function countsInGraph(graph: SerializedPlanGraph): Counts {
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const node of graph.nodes) labels[node.attributes.label] = (labels[node.attributes.label] ?? 0) + 1;
  for (const edge of graph.edges) types[edge.attributes.type] = (types[edge.attributes.type] ?? 0) + 1;
  return { labels, types };
}
