// The one way to open a graph store: a graph file held in memory, or a Neo4j database, chosen by the caller.
import type { Config } from "neo4j-driver";
import { openConnection, type Neo4jSettings, type ReadQueryOptions } from "../neo4j/index.ts";
import { openMemoryStore } from "./memory-store.ts";
import { Neo4jStore } from "./neo4j-store.ts";
import type { GraphStore } from "./types.ts";

/** Where a store's graph lives: a graph JSON file (read into memory), or a Neo4j database, its console limits and warnings. */
export type StoreSource =
  | { kind: "memory"; file: string }
  | {
      kind: "neo4j";
      settings: Neo4jSettings;
      /** Driver options, e.g. SERVING_DRIVER_CONFIG for a server that must give up on a dead Neo4j quickly. */
      driver?: Config;
      cypher?: ReadQueryOptions;
      onWarning?: (message: string) => void;
    };

/** Opens a store: reads and validates the graph file, or connects to Neo4j and checks it answers (the store owns the driver). */
export async function openStore(source: StoreSource): Promise<GraphStore> {
  if (source.kind === "memory") return openMemoryStore(source.file);
  const connection = await openConnection(source.settings, source.driver);
  const { cypher, onWarning } = source;
  return new Neo4jStore(connection, {
    ownsDriver: true,
    ...(cypher ? { cypher } : {}),
    ...(onWarning ? { onWarning } : {}),
  });
}
