// `plangraph ingest … --load` as a user runs it: the graph file is written and the same graph lands in a real Neo4j.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countsInDb, countsInGraph, emptyDatabase, testConnection } from "../graph/neo4j/helpers.ts";

const connection = testConnection();
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plangraph-ingest-load-"));
  await emptyDatabase(connection);
});
afterAll(async () => {
  await connection.driver.close();
  await rm(dir, { recursive: true, force: true });
});

describe("plangraph ingest --load", () => {
  it("writes the graph and loads it into Neo4j with the same counts per label and type", async () => {
    const { uri, user, password } = inject("neo4j");
    const out = join(dir, "baoding.json");
    // The Baoding work-report excerpt (data/gold/inputs), a real plan in the newline-paragraph layout.
    await promisify(execFile)(
      process.execPath,
      [
        "bin/plangraph.js",
        "ingest",
        "data/gold/inputs/baoding-2021-work-report.excerpt.txt",
        "--out",
        out,
        "--load",
        "-q",
      ],
      {
        env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
      },
    );
    const graph = JSON.parse(await readFile(out, "utf8"));
    expect(await countsInDb(connection)).toEqual(countsInGraph(graph));
  });
});
