// `plangraph export` end to end: a graph file in, the selected graph out in the asked format, clear errors otherwise.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { parse } from "graphology-graphml";
import { afterAll, describe, expect, it } from "vitest";
import { select } from "../../../graph/select/index.ts";
import { sampleGraph } from "./graphs.ts";
import { parseCsv } from "./read-csv-export.ts";

const dir = mkdtempSync(join(tmpdir(), "plangraph-export-cli-"));
const graphFile = join(dir, "hebei.json");
writeFileSync(graphFile, JSON.stringify(sampleGraph().export()));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plangraph(...args: string[]) {
  const result = spawnSync(process.execPath, ["bin/plangraph.js", "export", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("plangraph export", () => {
  it("writes the ego network of 雄安新区 as GraphML, the format taken from the file name", () => {
    const out = join(dir, "xiongan.graphml");
    const run = plangraph("--graph", graphFile, "--ego", "雄安新区", "--depth", "2", "-o", out);
    expect(run.status, run.stderr).toBe(0);
    const expected = select(sampleGraph(), { ego: { node: "雄安新区", depth: 2 } });
    const written = parse(Graph, readFileSync(out, "utf8"));
    expect([written.order, written.size]).toEqual([expected.order, expected.size]);
    expect(new Set(written.mapNodes((_n, a) => a.id))).toEqual(new Set(expected.nodes()));
    expect(run.stderr).toContain(`exported ${expected.order} nodes and ${expected.size} relationships as graphml`);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes CSV into a folder with the import script and prints the neo4j-admin command", () => {
    const out = join(dir, "csv");
    const run = plangraph("--graph", graphFile, "--format", "csv", "--types", "SUPPORTS", "-o", out);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["constraints.cypher", "import.sh", "nodes.csv", "relationships.csv"]);
    const { rows } = parseCsv(readFileSync(join(out, "relationships.csv"), "utf8"));
    expect(rows.length).toBe(sampleGraph().filterEdges((_k, a) => a.type === "SUPPORTS").length);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["SUPPORTS"]));
    expect(run.stderr).toContain("neo4j-admin database import full neo4j --nodes=nodes.csv");
  });

  it("writes to standard output with -o -", () => {
    const run = plangraph("--graph", graphFile, "--labels", "Region", "--format", "json", "-o", "-");
    expect(run.status, run.stderr).toBe(0);
    const nodes = (JSON.parse(run.stdout) as { nodes: { attributes: { label: string } }[] }).nodes;
    expect(nodes.length).toBe(sampleGraph().filterNodes((_k, a) => a.label === "Region").length);
  });

  it("fails with a message that says what to do, and writes nothing", () => {
    const out = join(dir, "none.gexf");
    const unknown = plangraph("--graph", graphFile, "--ego", "火星", "-o", out);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("no node has the id, name or alias '火星'");
    const both = plangraph("-o", out);
    expect(both.stderr).toContain("pass either --graph <file> or --neo4j");
    const format = plangraph("--graph", graphFile, "-o", join(dir, "x.txt"));
    expect(format.stderr).toContain("cannot tell the format");
    expect(readdirSync(dir)).not.toContain("none.gexf");
  });
});
