// The read-only Cypher runner against a real Neo4j: graph results, refused writes, no file access, timeouts, row caps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Neo4jStoreError, loadGraph, runReadQuery } from "../../../graph/neo4j/index.ts";
import { HEBEI_PROPOSAL, HEBEI_REPORT_2021, mergeGraphs, planGraph } from "./fixtures.ts";
import { countsInDb, emptyDatabase, testConnection, type Counts } from "./helpers.ts";

const connection = testConnection();
let loaded: Counts;

beforeAll(async () => {
  await emptyDatabase(connection);
  await loadGraph(connection, mergeGraphs(planGraph(HEBEI_PROPOSAL), planGraph(HEBEI_REPORT_2021)));
  loaded = await countsInDb(connection);
});
afterAll(() => connection.driver.close());

async function refusal(query: string, options = {}): Promise<Neo4jStoreError> {
  const error = await runReadQuery(connection, query, {}, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Neo4jStoreError);
  return error as Neo4jStoreError;
}

describe("runReadQuery", () => {
  it("returns rows as plain JSON and the nodes, relationships and paths found in them", async () => {
    const result = await runReadQuery(
      connection,
      "MATCH p = (a:Project)-[r:LOCATED_IN]->(b:Region {id: $region}) RETURN p, a, r, b.name AS name ORDER BY a.id",
      { region: "region:雄安新区" },
    );
    expect(result.columns).toEqual(["p", "a", "r", "name"]);
    // 京雄城际铁路 is sited in 雄安新区 by both plans: two relationships, one per plan that states it.
    expect(result.rows.map((row) => row.name)).toEqual(["雄安新区", "雄安新区", "雄安新区", "雄安新区"]);
    expect(result.nodes.map((n) => n.id).sort()).toEqual([
      "project:京雄城际铁路",
      "project:雄安商务服务中心",
      "project:雄安高铁站",
      "region:雄安新区",
    ]);
    const rel = result.relationships.find((r) => r.source === "project:雄安高铁站");
    expect(rel).toMatchObject({
      type: "LOCATED_IN",
      target: "region:雄安新区",
      properties: { plan: HEBEI_REPORT_2021.id },
    });
    expect(rel?.key).toBe("LOCATED_IN:project:雄安高铁站->region:雄安新区@reports-2021/hebei");
    const evidence = (rel?.properties.evidence as { sentence: string; start: number }[])[0];
    expect(evidence?.sentence).toContain("雄安高铁站开通运营");
    expect(typeof evidence?.start).toBe("number");
    expect(result.relationships).toHaveLength(4);
    expect(result.paths).toHaveLength(4);
    expect(result.paths[0]?.nodes).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(result.rows))).toEqual(result.rows);
  });

  it("passes whole-number parameters as integers, so LIMIT $n works", async () => {
    const result = await runReadQuery(connection, "MATCH (r:Region) RETURN r.id AS id LIMIT $n", { n: 2 });
    expect(result.rows).toHaveLength(2);
  });

  it("refuses CREATE and DETACH DELETE with a readable message and leaves the database unchanged", async () => {
    const create = await refusal("CREATE (n:Hack) RETURN n");
    expect(create.code).toBe("neo4j/write-refused");
    expect(create.message).toMatch(/^graph\/neo4j: this query would change the database \(Create\).*read-only/);
    const remove = await refusal("MATCH (n) DETACH DELETE n");
    expect(remove.code).toBe("neo4j/write-refused");
    expect(remove.message).toContain("DetachDelete");
    expect(await countsInDb(connection)).toEqual(loaded);
  });

  it("lets Neo4j itself reject a write the plan check cannot see, in READ access mode", async () => {
    const error = await refusal("CALL db.createLabel('Hack')");
    expect(error.code).toBe("neo4j/write-refused");
    const labels = await connection.driver.executeQuery("CALL db.labels() YIELD label RETURN collect(label) AS labels");
    expect(labels.records[0]?.get("labels")).not.toContain("Hack");
  });

  it("returns no file content for LOAD CSV from a file URL, in the runner and on the server itself", async () => {
    const error = await refusal("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r");
    expect(error.message).toContain("LOAD CSV is not allowed");
    expect(error.message).not.toContain("root:");
    const direct = await connection.driver
      .executeQuery("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r")
      .catch((e: unknown) => e as Error);
    expect(direct).toBeInstanceOf(Error);
    expect((direct as Error).message).toContain("allow_csv_import_from_file_urls");
    expect((direct as Error).message).not.toContain("root:");
  });

  it("stops a query that runs past the timeout, and says so", async () => {
    const started = Date.now();
    const error = await refusal("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN sum(a * b) AS s", {
      timeoutMs: 1_000,
    });
    expect(error.code).toBe("neo4j/timeout");
    expect(error.message).toContain("timeout of 1 s");
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("keeps at most the row cap and says the rest was cut", async () => {
    const result = await runReadQuery(connection, "UNWIND range(1, 5000) AS x RETURN x", {}, { maxRows: 100 });
    expect(result.rows).toHaveLength(100);
    expect(result.truncated).toBe(true);
    const small = await runReadQuery(connection, "UNWIND range(1, 5) AS x RETURN x", {}, { maxRows: 100 });
    expect(small.truncated).toBe(false);
  });

  it("reports a syntax error as a failed query", async () => {
    const error = await refusal("MATCH (n RETURN n");
    expect(error.code).toBe("neo4j/query-failed");
    expect(error.message).toContain("Cypher syntax error");
  });
});
