// Applies the schema's constraints and indexes (schema/cypher-schema.ts) to a Neo4j database, once, before loads.
import neo4j, { type Driver } from "neo4j-driver";
import { schemaNames, schemaStatements } from "../../schema/index.ts";
import { explainNeo4jError } from "./errors.ts";
import type { Neo4jSettings } from "./connection.ts";

/** Creates the constraints and indexes if missing and waits until they are online; safe to call before every load. */
export async function ensureSchema(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, database: settings.database });
  try {
    // One look first: when every index is there and online, the twenty-odd no-op statements (about 30 ms, a third
    // of loading a single plan) are skipped. A server that refuses SHOW INDEXES gets the statements as before.
    const shown = await session
      .run("SHOW INDEXES YIELD name, state RETURN collect([name, state]) AS indexes")
      .then((result) => new Map(result.records[0]?.get("indexes") as [string, string][]))
      .catch(() => new Map<string, string>());
    if (schemaNames().every((name) => shown.get(name) === "ONLINE")) return;
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
  } catch (err) {
    throw explainNeo4jError(err, settings);
  } finally {
    await session.close();
  }
}
