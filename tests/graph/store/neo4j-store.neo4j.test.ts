// The Neo4j store against the GraphStore contract, the same answers as the memory store on the sample plan, and its Cypher limits.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGraph } from "../../../graph/neo4j/index.ts";
import { Neo4jStore, createMemoryStore, type GraphStore } from "../../../graph/store/index.ts";
import { NODE_LABELS, EDGE_TYPES, type SerializedPlanGraph } from "../../../schema/index.ts";
import { ingestSamplePlan } from "../../../cli/start.ts";
import { ingestDocument } from "../../../ingest/pipeline.ts";
import { combine } from "../../../graph/model/index.ts";
import { countsInDb, emptyDatabase, testConnection } from "../neo4j/helpers.ts";
import { describeStoreContract } from "./contract.ts";

describeStoreContract("neo4j", async (graph) => {
  const connection = testConnection();
  await emptyDatabase(connection);
  await loadGraph(connection, graph);
  return new Neo4jStore(connection, { ownsDriver: true });
});

describe("Neo4j store and memory store on the sample plan", () => {
  let sample: SerializedPlanGraph;
  let memory: GraphStore;
  let database: Neo4jStore;

  beforeAll(async () => {
    sample = ingestSamplePlan();
    memory = createMemoryStore(sample);
    const connection = testConnection();
    await emptyDatabase(connection);
    await loadGraph(connection, sample);
    database = new Neo4jStore(connection, { ownsDriver: true, cypher: { timeoutMs: 2_000, maxRows: 50 } });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answer plans, graphs and searches identically", async () => {
    expect(await database.plans()).toEqual(await memory.plans());
    expect(await database.graph()).toEqual(await memory.graph());
    const everything = { labels: [...NODE_LABELS], types: [...EDGE_TYPES], limit: 50 };
    expect(await database.graph(everything)).toEqual(await memory.graph(everything));
    for (const query of ["雄安", "河北省", "产业", "5G", "京津冀协同发展", "新区"])
      expect(await database.search(query, { limit: 20 })).toEqual(await memory.search(query, { limit: 20 }));
  });

  it("answer node details, neighbourhoods and paths identically", async () => {
    const hubs = (await memory.graph({ limit: 8 })).nodes.map((n) => n.key);
    expect(hubs).toContain("region:雄安新区");
    for (const key of [...hubs, "plan:hebei-14th-fyp-proposal", "section:hebei-14th-fyp-proposal/1"]) {
      expect(await database.node(key)).toEqual(await memory.node(key));
      expect(await database.neighbourhood(key, { depth: 2, limit: 30 })).toEqual(
        await memory.neighbourhood(key, { depth: 2, limit: 30 }),
      );
    }
    const [first, ...others] = hubs as [string, ...string[]];
    let compared = 0;
    for (const other of others.slice(2)) {
      const path = await memory.shortestPath(first, other);
      expect(await database.shortestPath(first, other)).toEqual(path);
      if (path) compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  });

  it("refuses writes from the Cypher console and leaves the database unchanged", async () => {
    const before = await countsInDb(testConnection());
    for (const query of ["CREATE (n:Hack) RETURN n", "MATCH (n) DETACH DELETE n"])
      await expect(database.cypher(query)).rejects.toMatchObject({
        code: "neo4j/write-refused",
        message: expect.stringContaining("read-only"),
      });
    expect(await countsInDb(testConnection())).toEqual(before);
  });

  it("returns Cypher results as graph and table, capped at the row limit", async () => {
    const result = await database.cypher("MATCH (p:Project)-[:LOCATED_IN]->(r:Region) RETURN p, r LIMIT 25");
    expect(result.columns).toEqual(["p", "r"]);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.nodes.some((n) => n.labels.includes("Region"))).toBe(true);
    // Only nodes were asked for; the relationships among them come along for the graph view.
    expect(result.relationships.length).toBeGreaterThanOrEqual(result.rows.length);
    expect(result.relationships.every((r) => r.type === "LOCATED_IN" || r.type === "SUPPORTS")).toBe(true);
    const many = await database.cypher("MATCH (n) RETURN n.id AS id");
    expect(many.rows).toHaveLength(50);
    expect(many.truncated).toBe(true);
  });
});

describe("Neo4j store and memory store on two real work reports", () => {
  let memory: GraphStore;
  let database: Neo4jStore;

  beforeAll(async () => {
    const report = (province: string) => {
      const file = `省自治区/${province}.txt`;
      const bytes = readFileSync(`data/corpus/reports-2021/${file}`);
      return ingestDocument(bytes, file, `reports-2021/省自治区/${province}`).graph!;
    };
    const graph = combine([report("河北省"), report("广东省")]).export() as unknown as SerializedPlanGraph;
    memory = createMemoryStore(graph);
    const connection = testConnection();
    await emptyDatabase(connection);
    await loadGraph(connection, graph);
    database = new Neo4jStore(connection, { ownsDriver: true });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("compare Hebei with Guangdong identically, 数字经济 and 氢能 in both", async () => {
    const fromDatabase = await database.comparePlans("河北", "广东");
    expect(fromDatabase).toEqual(await memory.comparePlans("河北", "广东"));
    expect(fromDatabase.entities.Industry.both.map((e) => e.name)).toEqual(
      expect.arrayContaining(["数字经济", "氢能"]),
    );
    expect(fromDatabase.goals.filter((g) => g.a && g.b).length).toBeGreaterThan(3);
  });

  it("list the plans mentioning the most-mentioned entities identically", async () => {
    const { entities } = await memory.comparePlans("河北", "广东");
    const keys = Object.values(entities).flatMap((split) => [split.both[0], split.onlyA[0], split.onlyB[0]]);
    for (const entity of keys.filter((e) => e !== undefined))
      expect(await database.plansMentioning(entity.key), entity.key).toEqual(await memory.plansMentioning(entity.key));
    expect((await database.plansMentioning("region:雄安新区")).map((m) => m.region)).toEqual(["河北"]);
  });
});
