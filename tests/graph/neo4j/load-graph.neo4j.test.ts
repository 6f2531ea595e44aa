// The loader against a real Neo4j: counts match the JSON, re-loads change nothing, plans share entities, bad input writes nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { InvalidGraphError, Neo4jStoreError, loadGraph, type LoadProgress } from "../../../graph/neo4j/index.ts";
import { schemaStatements, type SerializedPlanGraph } from "../../../schema/index.ts";
import { HEBEI_PROPOSAL, HEBEI_REPORT_2021, generatedCorpus, mergeGraphs, planGraph } from "./fixtures.ts";
import { countsInDb, countsInGraph, emptyDatabase, testConnection } from "./helpers.ts";

const connection = testConnection();

async function elementIds(): Promise<Record<string, string>> {
  const result = await connection.driver.executeQuery("MATCH (n) RETURN n.id AS id, elementId(n) AS element");
  return Object.fromEntries(result.records.map((r) => [r.get("id") as string, r.get("element") as string]));
}

function clone(graph: SerializedPlanGraph): SerializedPlanGraph {
  return structuredClone(graph);
}

beforeEach(() => emptyDatabase(connection));
afterAll(() => connection.driver.close());

describe("loadGraph", () => {
  it("stores as many nodes per label and relationships per type as the graph JSON holds", async () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    const result = await loadGraph(connection, graph);
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
    expect(result.relationships).toBe(graph.edges.length);
    expect(result.nodes).toBe(graph.nodes.length);
  });

  it("creates the schema's constraints and the full-text index on names and aliases", async () => {
    await loadGraph(connection, planGraph(HEBEI_PROPOSAL));
    const constraints = await connection.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names",
    );
    const names = constraints.records[0]?.get("names") as string[];
    expect(names).toEqual(
      expect.arrayContaining(["plangraph_region_id", "plangraph_section_id", "plangraph_supports_key"]),
    );
    expect(names.length).toBe(schemaStatements().filter((s) => s.startsWith("CREATE CONSTRAINT")).length);
    const found = await connection.driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('plangraph_entity_names', $q) YIELD node RETURN node.id AS id",
      { q: "雄安" },
    );
    expect(found.records.map((r) => r.get("id"))).toContain("region:雄安新区");
  });

  it("re-creates an index dropped by hand before the next load", async () => {
    await loadGraph(connection, planGraph(HEBEI_PROPOSAL));
    await connection.driver.executeQuery("DROP INDEX plangraph_section_plan");
    await loadGraph(connection, planGraph(HEBEI_PROPOSAL));
    const indexes = await connection.driver.executeQuery(
      "SHOW INDEXES YIELD name, state WHERE name = 'plangraph_section_plan' RETURN state",
    );
    expect(indexes.records.map((r) => r.get("state"))).toEqual(["ONLINE"]);
  });

  it("stores evidence as parallel arrays and integers as integers", async () => {
    await loadGraph(connection, planGraph(HEBEI_PROPOSAL));
    const result = await connection.driver.executeQuery(
      `MATCH (:Region {id: 'region:张家口'})-[r:TARGETS]->(:Industry {id: 'industry:氢能'})
       RETURN r.key AS key, r.plan AS plan, r.sentences AS sentences, r.starts AS starts, valueType(r.starts) AS startsType`,
    );
    const row = result.records[0];
    expect(row?.get("key")).toBe("TARGETS:region:张家口->industry:氢能@hebei-14th-fyp-proposal");
    expect(row?.get("plan")).toBe("hebei-14th-fyp-proposal");
    expect((row?.get("sentences") as string[])[0]).toContain("国家级氢能产业示范城市");
    expect(row?.get("startsType")).toBe("LIST<INTEGER NOT NULL> NOT NULL");
  });

  it("changes nothing when the same graph is loaded again, whether skipped or forced", async () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    await loadGraph(connection, graph);
    const counts = await countsInDb(connection);
    const ids = await elementIds();

    const again = await loadGraph(connection, graph);
    expect(again.plans.every((p) => p.skipped)).toBe(true);
    expect(await countsInDb(connection)).toEqual(counts);

    const forced = await loadGraph(connection, graph, { force: true });
    expect(forced.plans.some((p) => p.skipped)).toBe(false);
    expect(await countsInDb(connection)).toEqual(counts);
    const after = await elementIds();
    for (const [id, element] of Object.entries(ids)) if (!id.startsWith("section:")) expect(after[id]).toBe(element);
  });

  it("a forced re-load restores schema properties changed by hand and leaves other properties alone", async () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    await loadGraph(connection, graph);
    const edited = await connection.driver.executeQuery(
      `MATCH (n:Region {id: 'region:张家口'}) SET n.name = '改过的名字', n.extra = 1
       WITH n MATCH (n)-[r:TARGETS]->(:Industry {id: 'industry:氢能'}) SET r.sentences = ['改过的句子'], r.cue = null
       RETURN r.key AS key`,
    );
    expect(edited.records).toHaveLength(1);
    await loadGraph(connection, graph);
    const unforced = await connection.driver.executeQuery(
      "MATCH (n:Region {id: 'region:张家口'}) RETURN n.name AS name",
    );
    expect(unforced.records[0]?.get("name")).toBe("改过的名字");

    await loadGraph(connection, graph, { force: true });
    const repaired = await connection.driver.executeQuery(
      `MATCH (n:Region {id: 'region:张家口'})-[r:TARGETS]->(:Industry {id: 'industry:氢能'})
       RETURN n.name AS name, n.extra AS extra, r.sentences AS sentences, r.cue AS cue`,
    );
    const row = repaired.records[0];
    const edge = graph.edges.find((e) => e.source === "region:张家口" && e.target === "industry:氢能");
    expect(row?.get("name")).toBe("张家口");
    expect(row?.get("extra")).toBe(1);
    expect((row?.get("sentences") as string[])[0]).toContain("国家级氢能产业示范城市");
    expect(row?.get("cue")).toBe((edge?.attributes as { cue?: string } | undefined)?.cue ?? null);
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
  });

  it("writes several plans at a time with the same result as one at a time, never more than the window ahead", async () => {
    const graph = generatedCorpus(6, 40);
    const events: LoadProgress[] = [];
    const result = await loadGraph(connection, graph, {
      concurrency: 3,
      batchSize: 30,
      onProgress: (p) => events.push(p),
    });
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
    expect(result.plans.map((p) => p.plan)).toEqual(
      graph.nodes.filter((n) => n.attributes.label === "Plan").map((n) => n.key),
    );
    const done = new Set<number>();
    for (const event of events) {
      if (event.phase === "plan-start") for (let k = 0; k <= event.index - 3; k++) expect(done.has(k)).toBe(true);
      if (event.phase === "plan-done") done.add(event.index);
    }
    expect(done.size).toBe(6);
    expect(events.at(-1)?.relationships).toBe(graph.edges.length);

    await emptyDatabase(connection);
    await loadGraph(connection, graph, { concurrency: 1 });
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
  });

  it("reuses the regions a second plan shares with the first, and leaves the first plan alone", async () => {
    const first = planGraph(HEBEI_PROPOSAL);
    const second = planGraph(HEBEI_REPORT_2021);
    await loadGraph(connection, first);
    const before = await elementIds();
    await loadGraph(connection, second);

    expect(await countsInDb(connection)).toEqual(countsInGraph(mergeGraphs(first, second)));
    const after = await elementIds();
    for (const shared of ["region:雄安新区", "region:张家口", "region:唐山", "region:河北"]) {
      expect(after[shared]).toBe(before[shared]);
    }
    const plans = await connection.driver.executeQuery(
      "MATCH (:Region {id: 'region:雄安新区'})-[r]-() RETURN collect(DISTINCT r.plan) AS plans",
    );
    expect([...(plans.records[0]?.get("plans") as string[])].sort()).toEqual([HEBEI_PROPOSAL.id, HEBEI_REPORT_2021.id]);
  });

  it("re-loading a changed plan replaces only that plan's relations and drops entities nothing references", async () => {
    const second = planGraph(HEBEI_REPORT_2021);
    await loadGraph(connection, mergeGraphs(planGraph(HEBEI_PROPOSAL), second));
    const changed = planGraph({
      ...HEBEI_PROPOSAL,
      statements: HEBEI_PROPOSAL.statements.filter((s) => s.to[1] !== "氢能" && s.from[1] !== "雄安商务服务中心"),
    });
    const result = await loadGraph(connection, changed);

    expect(result.removedEntities).toBe(2);
    expect(await countsInDb(connection)).toEqual(countsInGraph(mergeGraphs(changed, second)));
    const gone = await connection.driver.executeQuery(
      "MATCH (n) WHERE n.id IN ['industry:氢能', 'project:雄安商务服务中心'] RETURN count(n) AS n",
    );
    expect(gone.records[0]?.get("n")).toBe(0);
    const kept = await connection.driver.executeQuery("MATCH ()-[r {plan: $plan}]->() RETURN count(r) AS n", {
      plan: HEBEI_REPORT_2021.id,
    });
    expect(kept.records[0]?.get("n")).toBe(second.edges.length);
  });

  it("re-loading a plan that lost a section removes the section and what hung off it", async () => {
    await loadGraph(connection, planGraph(HEBEI_PROPOSAL));
    const [kept] = HEBEI_PROPOSAL.sections;
    const shorter = planGraph({
      ...HEBEI_PROPOSAL,
      sections: kept ? [kept] : [],
      statements: HEBEI_PROPOSAL.statements.filter((s) => kept?.sentences.some((t) => t.includes(s.sentence))),
    });
    await loadGraph(connection, shorter);
    expect(await countsInDb(connection)).toEqual(countsInGraph(shorter));
    const gone = await connection.driver.executeQuery("MATCH (s:Section {id: $id}) RETURN count(s) AS n", {
      id: `section:${HEBEI_PROPOSAL.id}/2`,
    });
    expect(gone.records[0]?.get("n")).toBe(0);
  });

  it("rejects a node with an unknown label before writing anything, naming the node", async () => {
    const graph = clone(planGraph(HEBEI_PROPOSAL));
    (graph.nodes[3] as { attributes: { label: string } }).attributes.label = "City";
    const key = graph.nodes[3]?.key as string;
    const error = await loadGraph(connection, graph).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidGraphError);
    expect((error as InvalidGraphError).code).toBe("neo4j/invalid-graph");
    expect((error as Error).message).toContain(`node '${key}'`);
    expect((error as Error).message).toContain("City");
    expect(await countsInDb(connection)).toEqual({ labels: {}, types: {} });
  });

  it("rejects an edge that points to a missing node before writing anything, naming the edge", async () => {
    const graph = clone(planGraph(HEBEI_PROPOSAL));
    const edge = graph.edges.find((e) => e.attributes.type === "SUPPORTS");
    if (!edge) throw new Error("fixture has no SUPPORTS edge");
    edge.target = "goal:不存在的目标";
    const error = await loadGraph(connection, graph).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidGraphError);
    expect((error as Error).message).toContain(`edge '${edge.key}'`);
    expect((error as Error).message).toContain("goal:不存在的目标");
    expect(await countsInDb(connection)).toEqual({ labels: {}, types: {} });
  });

  it("explains a constraint violation and leaves none of the plan behind", async () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    await loadGraph(connection, planGraph(HEBEI_REPORT_2021));
    const before = await countsInDb(connection);
    const taken = graph.edges.find((e) => e.attributes.type === "TARGETS");
    if (!taken) throw new Error("fixture has no TARGETS edge");
    await connection.driver.executeQuery(
      "MATCH (a:Region {id: 'region:唐山'}), (b:Region {id: 'region:河北'}) CREATE (a)-[:TARGETS {key: $key}]->(b)",
      { key: taken.key },
    );
    const error = await loadGraph(connection, graph).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Neo4jStoreError);
    expect((error as Neo4jStoreError).code).toBe("neo4j/constraint-violated");
    expect((error as Error).message).toMatch(/^graph\/neo4j: a uniqueness constraint refused the write/);
    const plan = await connection.driver.executeQuery("MATCH (p:Plan {id: $id}) RETURN count(p) AS n", {
      id: `plan:${HEBEI_PROPOSAL.id}`,
    });
    expect(plan.records[0]?.get("n")).toBe(0);
    expect((await countsInDb(connection)).labels).toEqual(before.labels);
  });
});
