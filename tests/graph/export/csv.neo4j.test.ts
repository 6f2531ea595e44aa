// The CSV export imported by the real neo4j-admin into a fresh store and served by the embedded Neo4j holds the exact graph.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDriver, startLocalNeo4j, type LocalNeo4j } from "../../../graph/neo4j/index.ts";
import type { PlanGraph } from "../../../graph/model/index.ts";
import { CASES, specialCharacters } from "./graphs.ts";
import { EXPECTED_TYPES, expectDatabaseHolds, storedTypes } from "./database-contents.ts";
import { exportToMemory } from "./export-to-text.ts";
import { splitStatements } from "./read-cypher-script.ts";
import { unzipExport, type CsvFiles } from "./read-csv-export.ts";

const NEO4J_LIB = resolve("tools/neo4j/lib");
const cleanups: (() => Promise<void>)[] = [];

/** The arguments import.sh passes to neo4j-admin, unquoted as the shell would. */
function importArguments(script: string): string[] {
  const line = script.split("\n").find((l) => l.startsWith("neo4j-admin ")) ?? "";
  return (line.match(/'[^']*'|\S+/g) ?? [])
    .slice(1)
    .filter((a) => a !== '"$@"')
    .map((a) => a.replace(/^'(.*)'$/, "$1"));
}

/** Imports the files with neo4j-admin (AdminTool from the same Neo4j jars as the server) and starts Neo4j on the store. */
async function importAndStart(files: CsvFiles): Promise<LocalNeo4j> {
  const dir = mkdtempSync(join(tmpdir(), "plangraph-csv-import-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "nodes.csv"), files.nodes);
  writeFileSync(join(dir, "relationships.csv"), files.relationships);
  mkdirSync(join(dir, "home"));
  execFileSync("java", ["-cp", `${NEO4J_LIB}/*`, "org.neo4j.cli.AdminTool", ...importArguments(files.script)], {
    cwd: dir,
    env: { ...process.env, NEO4J_HOME: join(dir, "home") },
    stdio: "pipe",
  });
  const server = await startLocalNeo4j({ home: join(dir, "home") });
  cleanups.push(() => server.stop());
  return server;
}

async function importAndCheck(source: PlanGraph, includeText: boolean) {
  const files = unzipExport((await exportToMemory(source, "csv", { includeText })).bytes);
  const server = await importAndStart(files);
  const { driver } = createDriver(server.settings);
  cleanups.push(() => driver.close());
  await expectDatabaseHolds(driver, source, { includeText, emptyListsAbsent: true });
  return { driver, files };
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("CSV export imported by neo4j-admin", () => {
  for (const { name, graph } of CASES.slice(0, 2)) {
    it(`imports ${name}: every node, relationship and property (empty lists are not stored)`, async () => {
      await importAndCheck(graph(), false);
    });
  }

  it("imports the special characters, with U+001F between list elements, Plan text, and the schema's types", async () => {
    const source = specialCharacters();
    const { driver, files } = await importAndCheck(source, true);
    expect(files.script).toContain("--array-delimiter=U+001F");
    expect(await storedTypes(driver)).toEqual(EXPECTED_TYPES);
    // The shipped constraints hold on the imported data, so plangraph load can merge into it afterwards.
    for (const statement of splitStatements(files.constraints)) await driver.executeQuery(statement);
    const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n");
    expect(Number(constraints.records[0]?.get("n"))).toBeGreaterThan(6);
  });
});
