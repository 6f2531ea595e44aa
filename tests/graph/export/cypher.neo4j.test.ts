// The Cypher script export run statement by statement in an empty Neo4j recreates the graph exactly; read back for export too.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readNeo4jGraph } from "../../../graph/store/read-neo4j.ts";
import { emptyDatabase, testConnection } from "../neo4j/helpers.ts";
import { CASES, TRICKY_EDGE, expectSameGraph, specialCharacters } from "./graphs.ts";
import { EXPECTED_TYPES, expectDatabaseHolds, storedTypes } from "./database-contents.ts";
import { exportToMemory } from "./export-to-text.ts";
import { splitStatements } from "./read-cypher-script.ts";

const connection = testConnection();
const { driver, settings } = connection;

async function runScript(script: string): Promise<number> {
  const statements = splitStatements(script);
  const session = driver.session({ database: settings.database });
  try {
    for (const statement of statements) await session.run(statement);
  } finally {
    await session.close();
  }
  return statements.length;
}

beforeEach(() => emptyDatabase(connection));
afterAll(() => driver.close());

describe("Cypher script export in a real Neo4j", () => {
  for (const { name, graph } of CASES) {
    it(`recreates ${name}: every node, relationship and property`, async () => {
      const source = graph();
      expect(await runScript((await exportToMemory(source, "cypher")).text)).toBeGreaterThan(20);
      await expectDatabaseHolds(driver, source, {
        includeText: false,
        emptyListsAbsent: false,
        database: settings.database,
      });
    });
  }

  it("stores floats, integers, integer lists and digit strings with the schema's types, and Plan text when asked", async () => {
    const source = specialCharacters();
    await runScript((await exportToMemory(source, "cypher", { includeText: true })).text);
    expect(await storedTypes(driver, settings.database)).toEqual(EXPECTED_TYPES);
    await expectDatabaseHolds(driver, source, {
      includeText: true,
      emptyListsAbsent: false,
      database: settings.database,
    });
  });

  it("can be run twice without duplicating anything (MERGE on ids and keys)", async () => {
    const source = specialCharacters();
    const { text } = await exportToMemory(source, "cypher");
    await runScript(text);
    await runScript(text);
    await expectDatabaseHolds(driver, source, {
      includeText: false,
      emptyListsAbsent: false,
      database: settings.database,
    });
  });

  it("reads the loaded graph back for export, whole or as a query's result with the ends it did not return", async () => {
    const source = specialCharacters();
    await runScript((await exportToMemory(source, "cypher")).text);
    const whole = await readNeo4jGraph(connection);
    expectSameGraph(whole.graph, source, { includeText: false });
    expect([whole.skippedNodes, whole.skippedRelationships, whole.truncated]).toEqual([0, 0, false]);
    const query = await readNeo4jGraph(connection, {
      query: "MATCH ()-[r:LOCATED_IN]->(:Region {id: $id}) RETURN r",
      params: { id: "region:雄安新区" },
    });
    expect(query.graph.edges()).toEqual([TRICKY_EDGE]);
    expect(query.graph.nodes().sort()).toEqual(["project:京雄城际铁路", "region:雄安新区"]);
    expect(query.graph.getNodeAttributes("project:京雄城际铁路")).toStrictEqual(
      source.getNodeAttributes("project:京雄城际铁路"),
    );
  });
});

describe("plangraph export --neo4j", () => {
  it("exports what a Cypher query returns from the configured Neo4j", async () => {
    const source = specialCharacters();
    await runScript((await exportToMemory(source, "cypher")).text);
    const dir = mkdtempSync(join(tmpdir(), "plangraph-export-neo4j-"));
    try {
      const out = join(dir, "located.json");
      const { uri, user, password } = settings;
      const run = spawnSync(
        process.execPath,
        ["bin/plangraph.js", "export", "--neo4j", "--cypher", "MATCH p = ()-[:LOCATED_IN]->() RETURN p", "-o", out],
        { encoding: "utf8", env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password } },
      );
      expect(run.status, run.stderr).toBe(0);
      const written = JSON.parse(readFileSync(out, "utf8")) as { edges: { key: string }[] };
      const located = source.filterEdges((_k, a) => a.type === "LOCATED_IN");
      expect(written.edges.map((e) => e.key).sort()).toEqual(located.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
