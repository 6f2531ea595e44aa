// Hostile queries against the explorer's Cypher console on a real Neo4j: nothing written, nothing of other sessions seen, no one's transaction ended, the JVM and the server responsive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session, Transaction } from "neo4j-driver";
import { loadGraph, type Neo4jConnection } from "../../graph/neo4j/index.ts";
import { Neo4jStore } from "../../graph/store/index.ts";
import { startServer, type RunningServer } from "../../web/server/index.ts";
import { countsInDb, emptyDatabase, testConnection, type Counts } from "../graph/neo4j/helpers.ts";
import { contractGraph } from "../graph/store/fixture.ts";

/** What a hostile query must get: its HTTP status, and a word its error message must contain (the rule it broke). */
interface Case {
  query: string;
  /** The status, or the statuses when which limit strikes first depends on the machine (memory or time). */
  status: number | number[];
  says?: RegExp;
  params?: Record<string, unknown>;
  /** A raw JSON body instead of { query, params }, for parameters too deep to build with JSON.stringify. */
  body?: string;
}

const SECRET = "tr0ub4dor-secret-parameter";
/** The console's byte cap in this suite: smaller than the default 8 MiB, so the capped answers come back quickly. */
const MAX_BYTES = 1024 * 1024;
const REFUSED = 403;

const deepParams = `{"query":"RETURN $p","params":{"p":${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}}}`;

const CASES: Case[] = [
  // Server state and other sessions: SHOW, TERMINATE and administration.
  { query: "SHOW TRANSACTIONS", status: REFUSED, says: /SHOW/ },
  { query: "SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *", status: REFUSED, says: /SHOW/ },
  { query: "show transactions", status: REFUSED, says: /SHOW/ },
  { query: "/* look */ SHOW TRANSACTIONS", status: REFUSED, says: /SHOW/ },
  { query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", status: REFUSED, says: /TERMINATE/ },
  { query: "// end them all\nTERMINATE TRANSACTION 'neo4j-transaction-2'", status: REFUSED, says: /TERMINATE/ },
  { query: "SHOW USERS", status: REFUSED, says: /SHOW/ },
  { query: "SHOW CURRENT USER", status: REFUSED, says: /SHOW/ },
  { query: "SHOW SETTINGS", status: REFUSED, says: /SHOW/ },
  { query: "SHOW PROCEDURES", status: REFUSED, says: /SHOW/ },
  { query: "SHOW DATABASES", status: REFUSED, says: /SHOW/ },
  { query: "SHOW INDEXES", status: REFUSED, says: /SHOW/ },
  { query: "ALTER USER neo4j SET PASSWORD 'hackhackhack'", status: REFUSED, says: /ALTER/ },
  { query: "ALTER CURRENT USER SET PASSWORD FROM 'plangraph-dev' TO 'hackhackhack'", status: REFUSED, says: /ALTER/ },
  { query: "CREATE USER intruder SET PASSWORD 'hackhackhack' CHANGE NOT REQUIRED", status: REFUSED },
  { query: "DROP USER neo4j", status: REFUSED, says: /DROP/ },
  { query: "STOP DATABASE neo4j", status: REFUSED, says: /STOP/ },
  { query: "USE system SHOW USERS", status: REFUSED, says: /USE/ },
  { query: "GRANT ROLE admin TO intruder", status: REFUSED, says: /GRANT/ },
  // Procedures off the list.
  { query: "CALL db.stats.collect('QUERIES')", status: REFUSED, says: /db\.stats\.collect/ },
  { query: "CALL db.stats.retrieve('QUERIES')", status: REFUSED, says: /db\.stats\.retrieve/ },
  { query: "CALL db.stats.clear('QUERIES')", status: REFUSED, says: /procedure/ },
  { query: "CALL db.stats.stop('QUERIES')", status: REFUSED, says: /procedure/ },
  { query: "CALL db.prepareForReplanning()", status: REFUSED, says: /procedure/ },
  { query: "CALL db.clearQueryCaches()", status: REFUSED, says: /procedure/ },
  { query: "CALL dbms.listConfig() YIELD name, value RETURN name, value", status: REFUSED, says: /procedure/ },
  { query: "CALL dbms.listConnections()", status: REFUSED, says: /procedure/ },
  { query: "CALL dbms.showCurrentUser()", status: REFUSED, says: /procedure/ },
  { query: "CALL tx.setMetaData({app: 'spoof'})", status: REFUSED, says: /procedure/ },
  { query: "CALL db.createLabel('Hack')", status: REFUSED, says: /procedure/ },
  { query: "CALL db.createProperty('hack')", status: REFUSED, says: /procedure/ },
  { query: "CALL `db`.`stats`.`retrieve`('QUERIES')", status: REFUSED, says: /procedure/ },
  { query: "CALL DB.STATS.RETRIEVE('QUERIES')", status: REFUSED, says: /procedure/ },
  {
    query: "CALL db.labels() YIELD label CALL db.stats.retrieve('QUERIES') YIELD data RETURN label, data",
    status: REFUSED,
    says: /db\.stats\.retrieve/,
  },
  { query: "RETURN apoc.version()", status: REFUSED, says: /function/ },
  // Writes and files.
  { query: "CREATE (n:Hack) RETURN n", status: REFUSED, says: /would change the database \(Create\)/ },
  { query: "create (n:Hack)", status: REFUSED, says: /Create/ },
  { query: "MERGE (n:Hack {id: 1}) RETURN n", status: REFUSED, says: /Merge/ },
  { query: "MATCH (n) SET n.hacked = true", status: REFUSED, says: /Set/ },
  { query: "MATCH (n) REMOVE n.name", status: REFUSED, says: /Remove/ },
  { query: "MATCH (n) DETACH DELETE n", status: REFUSED, says: /DetachDelete/ },
  { query: "MATCH ()-[r]->() DELETE r", status: REFUSED, says: /Delete/ },
  { query: "MATCH (n) FOREACH (x IN [1] | SET n.hacked = x)", status: REFUSED, says: /Foreach|Set/ },
  {
    query: "MATCH (n) CALL { WITH n SET n.hacked = true } RETURN count(*)",
    status: REFUSED,
    says: /change the database/,
  },
  { query: "CALL () { CREATE (:Hack) } RETURN 1", status: REFUSED, says: /change the database/ },
  { query: "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", status: REFUSED, says: /LOAD CSV is not allowed/ },
  { query: "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS r RETURN r", status: REFUSED, says: /LOAD CSV/ },
  { query: "CREATE INDEX hack FOR (n:Hack) ON (n.id)", status: REFUSED },
  { query: "DROP INDEX plangraph_entity_names", status: REFUSED, says: /DROP/ },
  { query: "EXPLAIN CREATE (n:Hack)", status: REFUSED },
  { query: "PROFILE MATCH (n) RETURN count(n)", status: REFUSED, says: /PROFILE/ },
  { query: "CYPHER runtime=slotted MATCH (n) RETURN n", status: REFUSED, says: /CYPHER options/ },
  // Cost: memory, time, size of the answer.
  { query: "RETURN size(reduce(s='x', i IN range(1,29) | s+s))", status: REFUSED, says: /reduce\(\)/ },
  { query: "RETURN size([x IN range(1,30000000) | toString(x)])", status: REFUSED, says: /30,000,000/ },
  { query: "RETURN range(1,10000000) AS l", status: REFUSED, says: /range\(\)/ },
  { query: "RETURN [x IN range(1,1000) | [y IN range(1,1000) | y]] AS l", status: REFUSED, says: /1,000,000/ },
  { query: "RETURN [x IN range(1, $n) | x] AS l", status: REFUSED, says: /range\(\)/, params: { n: 50_000_000 } },
  {
    query: "RETURN replace(replace(replace('ab', 'a', 'aaaaaaaa'), 'a', 'aaaaaaaa'), 'a', 'aaaaaaaa')",
    status: REFUSED,
    says: /replace\(\)/,
  },
  { query: "MATCH p = (a)-[*]-(b) RETURN p", status: REFUSED, says: /upper bound/ },
  { query: "MATCH p = (a)-[*2..]-(b) RETURN count(p)", status: REFUSED, says: /upper bound/ },
  { query: `RETURN ${"(".repeat(3_000)}1${")".repeat(3_000)}`, status: REFUSED, says: /nests/ },
  { query: "UNWIND range(1, 2000000000) AS x RETURN sum(x)", status: 504, says: /timeout/ },
  { query: "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)", status: 504 },
  {
    query: "MATCH (a), (b), (c), (d), (e), (f) RETURN count(DISTINCT [a.name, b.name, c.name, d.name, e.name, f.name])",
    status: [400, 504],
  },
  { query: "UNWIND range(1, 100000000) AS x WITH collect(toString(x)) AS l RETURN size(l)", status: [400, 504] },
  { query: "UNWIND range(1, 100000000) AS x RETURN x ORDER BY x DESC LIMIT 1", status: 504 },
  { query: "UNWIND range(1, 100000000) AS x RETURN DISTINCT toString(x) AS s ORDER BY s", status: [400, 504] },
  {
    query: `UNWIND range(1, 1000) AS i RETURN i, [x IN range(1, 5000) | '${"abcdefghij".repeat(10)}'] AS big`,
    status: 200,
  },
  { query: "RETURN $p AS p", status: 200, params: { p: "x".repeat(2 * MAX_BYTES) } },
  { query: "RETURN $p", status: 400, body: deepParams, says: /nest/ },
  // Spying on data that is not the graph.
  { query: "CALL dbms.listTransactions()", status: REFUSED, says: /procedure/ },
  { query: "CALL dbms.listQueries()", status: REFUSED, says: /procedure/ },
];

/**
 * The longest /api/health may take while a hostile query runs. The target is 200 ms (the suite prints the median,
 * p99 and maximum it saw); the assertion is looser so a 2-core machine shared with other work does not fail it.
 */
const HEALTH_BOUND_MS = 2_000;

let server: RunningServer;
let admin: Neo4jConnection;
let before: Counts;
let held: { session: Session; tx: Transaction };
const healthTimes: number[] = [];

async function users(): Promise<string[]> {
  const result = await admin.driver.executeQuery(
    "SHOW USERS YIELD user RETURN collect(user) AS users",
    {},
    {
      database: "system",
    },
  );
  return (result.records[0]?.get("users") as string[]).sort();
}

beforeAll(async () => {
  admin = testConnection();
  await emptyDatabase(admin);
  await loadGraph(admin, contractGraph());
  before = await countsInDb(admin);
  const store = new Neo4jStore(testConnection(), {
    ownsDriver: true,
    cypher: { timeoutMs: 2_000, maxRows: 100, maxBytes: MAX_BYTES },
  });
  server = await startServer({ store, port: 0 });
  // Another client's work, with a secret in its query parameters, kept open through every hostile query.
  const session = admin.driver.session({ database: admin.settings.database });
  const tx = session.beginTransaction({ metadata: { app: "someone else", secret: SECRET } });
  await tx.run("MATCH (n) WHERE n.name <> $secret RETURN count(n)", { secret: SECRET });
  held = { session, tx };
});

afterAll(async () => {
  await held?.tx.rollback().catch(() => undefined);
  await held?.session.close();
  await server?.close();
  await admin?.driver.close();
});

/** Posts a query and, while it runs, times /api/health every 25 ms. */
async function attack(c: Case): Promise<{ status: number; body: string; health: number[] }> {
  const health: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${server.url}api/health`);
      await res.text();
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const res = await fetch(`${server.url}api/cypher`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: c.body ?? JSON.stringify({ query: c.query, ...(c.params ? { params: c.params } : {}) }),
  });
  const body = await res.text();
  running = false;
  await poll;
  return { status: res.status, body, health };
}

describe("hostile console queries", () => {
  it(`covers at least 60 queries`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES.map((c) => [c.query.slice(0, 80), c] as const))("%s", async (_name, c) => {
    const { status, body, health } = await attack(c);
    healthTimes.push(...health);
    expect([c.status].flat(), body.slice(0, 300)).toContain(status);
    if (c.status !== 200) expect(JSON.parse(body).error.code).toMatch(/^(neo4j|api)\//);
    if (c.says) expect(JSON.parse(body).error.message).toMatch(c.says);
    expect(body).not.toContain(SECRET);
    expect(body).not.toMatch(/bolt:\/\//);
    expect(Math.max(0, ...health), "slowest /api/health while the query ran (ms)").toBeLessThan(HEALTH_BOUND_MS);
    // The JVM is alive and answers.
    const alive = await admin.driver.executeQuery("RETURN 1 AS one", {}, { database: admin.settings.database });
    expect(alive.records[0]?.get("one")).toBe(1);
  });

  it("capped the large answers in bytes and left nothing written, no user added, no one's transaction ended", async () => {
    const big = await attack(CASES.find((c) => c.query.includes("'abcdefghij")) as Case);
    const answer = JSON.parse(big.body) as { rows: unknown[]; truncated: boolean; cut?: string };
    expect(answer).toMatchObject({ truncated: true, cut: "bytes" });
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(answer.rows.length).toBeLessThan(100);
    expect(Buffer.byteLength(big.body)).toBeLessThan(1.1 * MAX_BYTES);
    const param = await attack(CASES.find((c) => c.query === "RETURN $p AS p") as Case);
    expect(JSON.parse(param.body)).toMatchObject({ rows: [], truncated: true, cut: "bytes" });

    expect(await countsInDb(admin)).toEqual(before);
    expect(await users()).toEqual(["neo4j"]);
    // The other client's transaction was neither seen nor ended: it still reads and commits.
    const still = await held.tx.run("MATCH (n) RETURN count(n) AS n");
    expect(Number(still.records[0]?.get("n"))).toBeGreaterThan(0);
    await held.tx.commit();
    const sorted = [...healthTimes].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
    console.log(
      `/api/health during ${CASES.length} hostile queries: ${sorted.length} calls, ` +
        `median ${Math.round(sorted[sorted.length >> 1] ?? 0)} ms, p99 ${Math.round(p99)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`,
    );
  });

  it("reports the state of Neo4j in /api/health", async () => {
    const health = (await (await fetch(`${server.url}api/health`)).json()) as {
      cypher: boolean;
      neo4j: { reachable: boolean };
    };
    expect(health).toMatchObject({ cypher: true, neo4j: { reachable: true } });
  });
});
