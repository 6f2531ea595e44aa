// plangraph load and plangraph cypher as a user runs them: real processes, a real Neo4j, output and exit codes.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { HEBEI_PROPOSAL, planGraph } from "./fixtures.ts";
import { countsInDb, countsInGraph, emptyDatabase, testConnection } from "./helpers.ts";

const CLI = new URL("../../../bin/plangraph.js", import.meta.url).pathname;
const connection = testConnection();
let dir = "";

/** Runs the CLI with the test server's connection in the environment; never throws, returns output and exit code. */
async function plangraph(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri, user, password } = inject("neo4j");
  const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plangraph-cli-"));
  await emptyDatabase(connection);
});
afterAll(async () => {
  await connection.driver.close();
  await rm(dir, { recursive: true, force: true });
});

describe("plangraph load", () => {
  it("loads a graph file and says what it wrote; a second run skips the unchanged plan", async () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    const file = join(dir, "hebei.json");
    await writeFile(file, JSON.stringify(graph));
    const first = await plangraph("load", file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`loaded 1 plan\\(s\\) into .*: ${graph.nodes.length} nodes, ${graph.edges.length} relationships`),
    );
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
    const second = await plangraph("load", file);
    expect(second.stdout).toContain("1 plan(s) unchanged since the last load, skipped");
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
  });

  it("refuses an invalid file with exit code 1, naming the item, and writes nothing", async () => {
    const graph = planGraph(HEBEI_PROPOSAL);
    graph.edges.push({ ...(graph.edges[0] as (typeof graph.edges)[number]), key: "broken", target: "region:不存在" });
    const file = join(dir, "broken.json");
    await writeFile(file, JSON.stringify(graph));
    await emptyDatabase(connection);
    const result = await plangraph("load", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("edge 'broken'");
    expect(result.stderr).toContain("region:不存在");
    expect(await countsInDb(connection)).toEqual({ labels: {}, types: {} });
  });
});

describe("plangraph load of a graph that does not match its plan text", () => {
  it("refuses it with exit code 1, naming the edge and what the text holds there, and writes nothing", async () => {
    await emptyDatabase(connection);
    const graph = planGraph(HEBEI_PROPOSAL);
    const edge = graph.edges.find((e) => (e.attributes as { evidence?: unknown[] }).evidence?.length);
    const evidence = (edge?.attributes as { evidence: { start: number; end: number }[] }).evidence[0]!;
    evidence.start += 3;
    evidence.end += 3;
    const file = join(dir, "shifted.json");
    await writeFile(file, JSON.stringify(graph));
    const { code, stderr } = await plangraph("load", file);
    expect(code).toBe(1);
    expect(stderr).toContain(`edge '${edge?.key}'`);
    expect(stderr).toMatch(/but its text there reads '.*'.*does not match its plan text/);
    expect(await countsInDb(connection)).toEqual({ labels: {}, types: {} });
  });
});

describe("plangraph cypher", () => {
  it("prints rows as a table, with parameters from --param", async () => {
    await plangraph("load", join(dir, "hebei.json"));
    const result = await plangraph(
      "cypher",
      "MATCH (r:Region {name: $name})-[:TARGETS]->(i:Industry) RETURN i.name AS industry ORDER BY industry",
      "--param",
      "name=张家口",
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]?.trim()).toBe("industry");
    expect(result.stdout).toContain("可再生能源");
    expect(result.stdout).toContain("氢能");
    expect(result.stderr).toContain("2 row(s)");
  });

  it("prints JSON with the graph found in the rows", async () => {
    const result = await plangraph(
      "cypher",
      "MATCH p = (:Region)-[:LOCATED_IN]->(:Region) RETURN p LIMIT $n",
      "-p",
      "n=1",
      "--format",
      "json",
    );
    const parsed = JSON.parse(result.stdout) as { rows: unknown[]; nodes: { id: string }[]; relationships: unknown[] };
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.nodes).toHaveLength(2);
    expect(parsed.relationships).toHaveLength(1);
  });

  it("refuses a write with exit code 1 and a readable message", async () => {
    const before = await countsInDb(connection);
    const result = await plangraph("cypher", "MATCH (n) DETACH DELETE n");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("this query would change the database");
    expect(await countsInDb(connection)).toEqual(before);
  });
});
