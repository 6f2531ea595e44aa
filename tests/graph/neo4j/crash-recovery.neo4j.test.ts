// Kills a real Neo4j JVM with SIGKILL in the middle of a multi-plan load: no plan is left half-written, and a re-load completes it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import {
  createDriver,
  loadGraph,
  startLocalNeo4j,
  type LocalNeo4j,
  type Neo4jConnection,
} from "../../../graph/neo4j/index.ts";
import { generatedCorpus } from "./fixtures.ts";
import { countsInDb, countsInGraph } from "./helpers.ts";

let home = "";
let server: LocalNeo4j | undefined;
let connection: Neo4jConnection | undefined;

afterAll(async () => {
  await connection?.driver.close();
  await server?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

/** Per plan: its Plan node, sections and relationships as stored. */
async function perPlan(conn: Neo4jConnection): Promise<Map<string, { plan: number; sections: number; rels: number }>> {
  const result = await conn.driver.executeQuery(
    `CALL () { MATCH (p:Plan) RETURN p.id AS plan, 'plan' AS kind
               UNION ALL MATCH (s:Section) RETURN 'plan:' + s.plan AS plan, 'sections' AS kind
               UNION ALL MATCH ()-[r]->() RETURN 'plan:' + r.plan AS plan, 'rels' AS kind }
     RETURN plan, kind, count(*) AS n`,
  );
  const out = new Map<string, { plan: number; sections: number; rels: number }>();
  for (const record of result.records) {
    const entry = out.get(record.get("plan") as string) ?? { plan: 0, sections: 0, rels: 0 };
    entry[record.get("kind") as "plan" | "sections" | "rels"] = Number(record.get("n"));
    out.set(record.get("plan") as string, entry);
  }
  return out;
}

it("leaves no partial plan after the JVM is killed mid-load, and a re-load ends equal to a clean load", async () => {
  home = await mkdtemp(join(tmpdir(), "plangraph-neo4j-crash-"));
  server = await startLocalNeo4j({ home });
  const graph = generatedCorpus(5, 150);
  const expected = new Map(
    graph.nodes
      .filter((n) => n.attributes.label === "Plan")
      .map((n) => [
        n.key,
        {
          plan: 1,
          sections: graph.nodes.filter((s) => s.attributes.label === "Section" && `plan:${s.attributes.plan}` === n.key)
            .length,
          rels: graph.edges.filter((e) => `plan:${e.attributes.plan}` === n.key).length,
        },
      ]),
  );

  connection = createDriver(server.settings, { maxTransactionRetryTime: 1_000 });
  const victim = server;
  let killed: Promise<void> | undefined;
  const load = loadGraph(connection, graph, {
    batchSize: 50,
    onProgress: (p) => {
      if (p.index === 2 && p.phase === "batch" && !killed) killed = victim.kill();
    },
  });
  const error = await load.catch((e: unknown) => e);
  await killed;
  expect(killed).toBeDefined();
  expect(error).toMatchObject({ code: "neo4j/unreachable" });
  await connection.driver.close();

  server = await startLocalNeo4j({ home, port: server.port });
  connection = createDriver(server.settings);
  const stored = await perPlan(connection);
  for (const [plan, counts] of expected) {
    const found = stored.get(plan) ?? { plan: 0, sections: 0, rels: 0 };
    expect([{ plan: 0, sections: 0, rels: 0 }, counts]).toContainEqual(found);
  }
  expect(stored.get("plan:generated/plan-0")).toEqual(expected.get("plan:generated/plan-0"));
  expect(stored.get("plan:generated/plan-2")).toBeUndefined();

  await loadGraph(connection, graph);
  expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
  expect(await perPlan(connection)).toEqual(expected);
});
