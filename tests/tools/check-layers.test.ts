// The layer check over this repository, and over small import maps that break each rule on purpose.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLayers, readImports } from "../../tools/check-layers.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const rulesOf = (imports: Record<string, string[]>) => checkLayers(new Map(Object.entries(imports))).map((v) => v.rule);

describe("check-layers", () => {
  it("finds the repository's rooms kept and no import cycle", () => {
    const imports = readImports(ROOT);
    expect(imports.get("graph/store/memory-store.ts")).toContain("graph/model/index.ts");
    expect(checkLayers(imports, readImports(ROOT, { runtimeOnly: true })).map((v) => v.message)).toEqual([]);
  });

  it("reads a type-only import as no import at run time, so it closes no cycle", () => {
    const runtime = readImports(ROOT, { runtimeOnly: true });
    // cli/ingest-run.ts imports only the WorkerJob type from cli/ingest-worker.ts, which imports a function back.
    expect(readImports(ROOT).get("cli/ingest-run.ts")).toContain("cli/ingest-worker.ts");
    expect(runtime.get("cli/ingest-run.ts")).not.toContain("cli/ingest-worker.ts");
    expect(runtime.get("cli/ingest-worker.ts")).toContain("cli/ingest-run.ts");
    const cycle = { "cli/a.ts": ["cli/b.ts"], "cli/b.ts": ["cli/a.ts"] };
    const typeOnly = { "cli/a.ts": ["cli/b.ts"], "cli/b.ts": [] };
    expect(checkLayers(new Map(Object.entries(cycle)), new Map(Object.entries(typeOnly)))).toEqual([]);
  });

  it("refuses graph/ or web/ importing the extractor", () => {
    expect(rulesOf({ "graph/select/x.ts": ["ingest/stages/build.ts"] })).toEqual(["ingest-below-graph-and-web"]);
    expect(rulesOf({ "web/server/x.ts": ["ingest/pipeline.ts"] })).toEqual(["ingest-below-graph-and-web"]);
    expect(rulesOf({ "cli/x.ts": ["ingest/pipeline.ts"] })).toEqual([]);
  });

  it("refuses schema/ importing anything outside itself, a package included", () => {
    expect(rulesOf({ "schema/x.ts": ["graph/model/index.ts"] })).toEqual(["schema-self-contained"]);
    expect(rulesOf({ "schema/x.ts": ["graphology"] })).toEqual(["schema-self-contained"]);
    expect(rulesOf({ "schema/x.ts": ["schema/ids.ts"] })).toEqual([]);
  });

  it("keeps each room below the rooms that use it: the model below ingest, ingest below the stores", () => {
    expect(rulesOf({ "graph/model/x.ts": ["graph/store/index.ts"] })).toEqual(["room-order"]);
    expect(rulesOf({ "ingest/stages/x.ts": ["graph/neo4j/index.ts"] })).toEqual(["room-order"]);
    expect(rulesOf({ "graph/store/x.ts": ["web/api-contract.ts"] })).toEqual(["room-order"]);
    expect(rulesOf({ "cli/x.ts": ["web/server/index.ts", "graph/store/index.ts"] })).toEqual([]);
    expect(rulesOf({ "ingest/stages/x.ts": ["graph/model/index.ts", "schema/index.ts", "node:fs"] })).toEqual([]);
  });

  it("finds a cycle of any length, and a module importing itself", () => {
    const cycle = checkLayers(
      new Map(Object.entries({ "cli/a.ts": ["cli/b.ts"], "cli/b.ts": ["cli/c.ts"], "cli/c.ts": ["cli/a.ts"] })),
    );
    expect(cycle).toEqual([expect.objectContaining({ rule: "cycle", imports: "cli/a.ts → cli/b.ts → cli/c.ts" })]);
    expect(rulesOf({ "cli/a.ts": ["cli/a.ts"] })).toEqual(["cycle"]);
    expect(rulesOf({ "cli/a.ts": ["cli/b.ts"], "cli/b.ts": [] })).toEqual([]);
  });
});
