// The in-memory store against the GraphStore contract, plus what only it does: loading graph JSON files.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore, openMemoryStore, type GraphStore } from "../../../graph/store/index.ts";
import { describeStoreContract } from "./contract.ts";
import { contractGraph } from "./fixture.ts";

describeStoreContract("memory", async (graph) => createMemoryStore(graph));

describe("memory store files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "plangraph-store-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("opens a graph JSON file and answers from it", async () => {
    await writeFile(join(dir, "graph.json"), JSON.stringify(contractGraph()));
    const store = await openMemoryStore(join(dir, "graph.json"));
    expect((await store.search("张家口"))[0]?.key).toBe("region:张家口");
  });

  it("refuses a file that is not a plan graph, naming the file and the problem", async () => {
    await writeFile(
      join(dir, "bad.json"),
      JSON.stringify({ nodes: [{ key: "x", attributes: { label: "City" } }], edges: [] }),
    );
    await expect(openMemoryStore(join(dir, "bad.json"))).rejects.toMatchObject({
      code: "store/bad-request",
      message: expect.stringMatching(/bad\.json.*\n.*label "City"/),
    });
    await writeFile(join(dir, "broken.json"), "{");
    await expect(openMemoryStore(join(dir, "broken.json"))).rejects.toMatchObject({ code: "store/bad-request" });
    await expect(openMemoryStore(join(dir, "missing.json"))).rejects.toMatchObject({ code: "store/unavailable" });
  });

  it("has no Cypher console", () => {
    const store: GraphStore = createMemoryStore(contractGraph());
    expect(store.cypher).toBeUndefined();
  });
});
