// When Neo4j dies: the explorer's API answers 503 within 2 s and /api/health says so, and plangraph load stops with a clear error within seconds.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import {
  SERVING_DRIVER_CONFIG,
  createDriver,
  loadGraph,
  settingsFromEnv,
  startLocalNeo4j,
  type LocalNeo4j,
} from "../../../graph/neo4j/index.ts";
import { openStore } from "../../../graph/store/index.ts";
import { buildServer } from "../../../web/server/index.ts";
import { generatedCorpus, HEBEI_PROPOSAL, planGraph } from "./fixtures.ts";

const CLI = new URL("../../../bin/plangraph.js", import.meta.url).pathname;
let home = "";
let server: LocalNeo4j | undefined;
let app: FastifyInstance | undefined;

afterAll(async () => {
  await app?.close();
  await server?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

function env(s: LocalNeo4j): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: s.settings.uri,
    NEO4J_USER: s.settings.user,
    NEO4J_PASSWORD: s.settings.password,
  };
}

describe("a Neo4j that dies", () => {
  it("gives the API a 503 in under 2 s, and /api/health says Neo4j is down", async () => {
    home = await mkdtemp(join(tmpdir(), "plangraph-neo4j-dead-"));
    server = await startLocalNeo4j({ home });
    const connection = createDriver(server.settings);
    await loadGraph(connection, planGraph(HEBEI_PROPOSAL));
    await connection.driver.close();
    const settings = settingsFromEnv(env(server));
    app = buildServer({ store: await openStore({ kind: "neo4j", settings, driver: SERVING_DRIVER_CONFIG }) });
    expect((await app.inject({ method: "GET", url: "/api/plans" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/health" })).json()).toMatchObject({
      cypher: true,
      neo4j: { reachable: true },
    });

    await server.kill();
    for (const request of [
      { method: "GET" as const, url: "/api/plans" },
      { method: "GET" as const, url: "/api/search?q=雄安" },
      { method: "POST" as const, url: "/api/cypher", payload: { query: "MATCH (n) RETURN count(n)" } },
    ]) {
      const started = performance.now();
      const res = await app.inject(request);
      const ms = performance.now() - started;
      expect(res.statusCode, request.url).toBe(503);
      expect(ms, `${request.url} answered after ${Math.round(ms)} ms`).toBeLessThan(2_000);
      expect(res.json().error.code).toBe("neo4j/unreachable");
      expect(res.body).not.toMatch(/bolt:\/\/|127\.0\.0\.1/);
    }
    await new Promise((r) => setTimeout(r, 1_100));
    const started = performance.now();
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(health.json()).toMatchObject({ cypher: false, neo4j: { reachable: false } });
    expect(health.json().cypherHelp).toMatch(/Neo4j does not accept connections/);
  });

  it("stops plangraph load with a clear error within seconds, not after a minute of silence", async () => {
    server = await startLocalNeo4j({ home, port: server?.port });
    const file = join(home, "corpus.json");
    await writeFile(file, JSON.stringify(generatedCorpus(12, 300)));
    const child = spawn(process.execPath, [CLI, "load", file], { env: env(server), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const firstPlan = new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        if (/done in/.test(stderr)) resolve();
      }),
    );
    const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
    await firstPlan;
    await server.kill();
    const killed = performance.now();
    const code = await exited;
    const seconds = (performance.now() - killed) / 1000;
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /Neo4j refused the connection at bolt:\/\/127\.0\.0\.1:\d+ \(is it running\? npm run neo4j\)/,
    );
    expect(seconds, `load exited ${seconds.toFixed(1)} s after Neo4j died`).toBeLessThan(15);
    server = undefined;
  });
});
