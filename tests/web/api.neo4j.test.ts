// The explorer's API over a real Neo4j: the Cypher endpoint's answers, refusals and timeouts as HTTP statuses with codes.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { loadGraph } from "../../graph/neo4j/index.ts";
import { Neo4jStore } from "../../graph/store/index.ts";
import { buildServer } from "../../web/server/index.ts";
import { emptyDatabase, testConnection } from "../graph/neo4j/helpers.ts";
import { contractGraph } from "../graph/store/fixture.ts";

let app: FastifyInstance;
const { password } = inject("neo4j");

beforeAll(async () => {
  const connection = testConnection();
  await emptyDatabase(connection);
  await loadGraph(connection, contractGraph());
  app = buildServer({
    store: new Neo4jStore(connection, { ownsDriver: true, cypher: { timeoutMs: 2_000, maxRows: 100 } }),
  });
  await app.ready();
});
afterAll(() => app?.close());

const cypher = (query: string) => app.inject({ method: "POST", url: "/api/cypher", payload: { query } });

describe("/api/cypher on Neo4j", () => {
  it("turns the console on in /api/health and never sends the password", async () => {
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.json()).toMatchObject({ store: "neo4j", cypher: true });
    expect(health.json()).not.toHaveProperty("cypherHelp");
    expect(health.body).not.toContain(password);
  });

  it("answers a read query with rows, nodes and relationships", async () => {
    const res = await cypher(
      "MATCH (p:Project)-[:LOCATED_IN]->(r:Region {name: '雄安新区'}) RETURN p, r ORDER BY p.id",
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual(["p", "r"]);
    expect(body.rows.map((row: { p: { properties: { name: string } } }) => row.p.properties.name)).toEqual([
      "京雄城际铁路",
      "京雄城际铁路",
      "雄安商务服务中心",
      "雄安高铁站",
    ]);
    expect(body.relationships.length).toBeGreaterThanOrEqual(4);
  });

  it("refuses writes and file reads with 403, and says why", async () => {
    for (const query of [
      "CREATE (n:Hack) RETURN n",
      "MATCH (n) DETACH DELETE n",
      "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
    ]) {
      const res = await cypher(query);
      expect(res.statusCode, query).toBe(403);
      expect(res.json().error.code, query).toBe("neo4j/write-refused");
      expect(res.body, query).not.toContain("root:");
    }
    const count = await cypher("MATCH (n) RETURN count(n) AS n");
    expect(count.json().rows[0].n).toBe(contractGraph().nodes.length);
  });

  it("stops a query at the timeout with 504, and reports syntax errors with 400", async () => {
    const slow = await cypher("UNWIND range(1, 2000000000) AS x RETURN sum(x)");
    expect(slow.statusCode).toBe(504);
    expect(slow.json().error).toMatchObject({ code: "neo4j/timeout" });
    expect(slow.json().error.message).toContain("2 s");
    const bad = await cypher("MATCH (n RETURN n");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("neo4j/query-failed");
  });
});
