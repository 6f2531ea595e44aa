// Console hardening figures: /api/health latency while costly console queries run, each query's answer time, and how fast a dead Neo4j becomes a 503.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SERVING_DRIVER_CONFIG, createDriver, loadGraph, startLocalNeo4j } from "../graph/neo4j/index.ts";
import { readGraphFile } from "../graph/model/index.ts";
import { Neo4jStore } from "../graph/store/index.ts";
import { runIngest } from "../cli/ingest-run.ts";
import { startServer } from "../web/server/index.ts";

const QUERIES = [
  "UNWIND range(1, 2000000000) AS x RETURN sum(x)",
  "UNWIND range(1, 100000000) AS x WITH collect(toString(x)) AS l RETURN size(l)",
  "UNWIND range(1, 100000000) AS x RETURN DISTINCT toString(x) AS s ORDER BY s",
  "MATCH (a), (b), (c) RETURN count(DISTINCT [a.name, b.name, c.name])",
  `UNWIND range(1, 1000) AS i RETURN i, [x IN range(1, 5000) | '${"abcdefghij".repeat(10)}'] AS big`,
  "RETURN range(1, 100000) AS l",
  "MATCH (n) RETURN n",
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

const home = await mkdtemp(join(tmpdir(), "plangraph-bench-console-"));
const neo4j = await startLocalNeo4j({ home });
try {
  const graphFile = join(home, "sample.json");
  await runIngest(["data/plans/hebei-14th-fyp-proposal.txt"], {
    out: graphFile,
    maxBytes: 32 << 20,
    jobs: 1,
    quiet: true,
  });
  const connection = createDriver(neo4j.settings);
  await loadGraph(connection, (await readGraphFile(graphFile)).graph);
  // The store gets a driver configured as `plangraph serve` makes it (openStore).
  const serving = createDriver(neo4j.settings, SERVING_DRIVER_CONFIG);
  const store = new Neo4jStore(serving, { ownsDriver: true, cypher: { timeoutMs: 5_000 } });
  const server = await startServer({ store, port: 0 });
  await new Promise((r) => setTimeout(r, 2_000));
  const all: number[] = [];
  console.log("query | status | answer ms | health calls | health p50 / p99 / max ms");
  for (const query of QUERIES) {
    const health: number[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const t = performance.now();
        await (await fetch(`${server.url}api/health`)).text();
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    const res = await fetch(`${server.url}api/cypher`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    await res.text();
    const answered = performance.now() - started;
    running = false;
    await poll;
    all.push(...health);
    const sorted = health.sort((a, b) => a - b);
    console.log(
      `${query.slice(0, 60)} | ${res.status} | ${Math.round(answered)} | ${sorted.length} | ` +
        `${percentile(sorted, 0.5).toFixed(1)} / ${percentile(sorted, 0.99).toFixed(1)} / ${(sorted.at(-1) ?? 0).toFixed(1)}`,
    );
  }
  const sorted = all.sort((a, b) => a - b);
  console.log(
    `all: ${sorted.length} health calls, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, ` +
      `max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; share under 200 ms: ${((100 * sorted.filter((t) => t < 200).length) / sorted.length).toFixed(1)}%`,
  );
  await neo4j.kill();
  for (const url of ["api/plans", "api/health"]) {
    const started = performance.now();
    const res = await fetch(`${server.url}${url}`);
    await res.text();
    console.log(
      `after Neo4j was killed: /${url} answered ${res.status} in ${Math.round(performance.now() - started)} ms`,
    );
  }
  await server.close();
  await connection.driver.close();
} finally {
  await neo4j.stop();
  await rm(home, { recursive: true, force: true });
}
