// Loader benchmark: relationships per second for the sample plan and the corpus, re-load times, spread over rounds.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createDriver,
  loadGraph,
  settingsFromEnv,
  startLocalNeo4j,
  type LoadOptions,
  type LocalNeo4j,
  type Neo4jConnection,
} from "../graph/neo4j/index.ts";

const AIM = 50_000;
const SAMPLE = new URL("../data/plans/hebei-14th-fyp-proposal.txt", import.meta.url).pathname;
const CORPUS_FILE = new URL("../out/corpus.json", import.meta.url).pathname;
const CORPUS_DIR = new URL("../data/corpus", import.meta.url).pathname;

const USAGE = `usage: npx tsx bench/load.ts [--sample graph.json] [--corpus graph.json | --corpus-dir DIR | --no-corpus]
                         [--rounds N] [--batch-size N] [--concurrency N] [--use-env]

  --sample       graph of the sample plan (default: ingest ${"data/plans/hebei-14th-fyp-proposal.txt"} now)
  --corpus       a whole-corpus graph (default: out/corpus.json when present, from
                 npx plangraph ingest data/corpus --out out/corpus.json -q; else data/corpus is ingested now)
  --corpus-dir   ingest this folder for the corpus graph instead
  --rounds       rounds per graph, each: empty the database, load, re-load unchanged, re-load --force (default 3);
                 the summary leaves round 1 out (the JVM is still compiling the loader's code paths); the sample
                 plan is measured again after the corpus, on a warm JVM
  --use-env      load into NEO4J_URI (emptied first!) instead of a fresh local Neo4j in a temporary folder

The machine may be shared: wall times carry the spread over rounds, and CPU seconds of this process (node) and of
the local Neo4j JVM (neo4j) are shown beside them.`;

const { values } = parseArgs({
  options: {
    sample: { type: "string" },
    corpus: { type: "string" },
    "corpus-dir": { type: "string" },
    "no-corpus": { type: "boolean" },
    rounds: { type: "string" },
    "batch-size": { type: "string" },
    concurrency: { type: "string" },
    "use-env": { type: "boolean" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "plangraph-bench-load-"));
const rounds = Math.max(1, Number(values.rounds ?? 3));
const loadOptions: LoadOptions = {
  ...(values["batch-size"] ? { batchSize: Number(values["batch-size"]) } : {}),
  ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
};

/** Runs plangraph ingest on the given paths and returns the parsed graph. */
function ingest(paths: string[], name: string): unknown {
  const out = join(work, `${name}.json`);
  const cli = new URL("../bin/plangraph.js", import.meta.url).pathname;
  execFileSync(process.execPath, [cli, "ingest", ...paths, "--out", out, "-q"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return JSON.parse(readFileSync(out, "utf8"));
}

async function empty({ driver, settings }: Neo4jConnection): Promise<void> {
  const session = driver.session({ database: settings.database });
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks are 100 a second there). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** One timed load: wall seconds, and CPU seconds of this process and of the Neo4j JVM. */
interface Timing {
  s: number;
  nodeCpu: number;
  neo4jCpu: number;
}

interface Round {
  relationships: number;
  plans: number;
  first: Timing;
  unchanged: Timing;
  forced: Timing;
}

async function timed(run: () => Promise<unknown>, jvm: number | undefined): Promise<Timing> {
  const cpu = process.cpuUsage();
  const jvmBefore = cpuOf(jvm);
  const started = performance.now();
  await run();
  const s = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { s, nodeCpu: (used.user + used.system) / 1e6, neo4jCpu: cpuOf(jvm) - jvmBefore };
}

async function round(connection: Neo4jConnection, graph: unknown, jvm: number | undefined): Promise<Round> {
  await empty(connection);
  let relationships = 0;
  let plans = 0;
  const first = await timed(async () => {
    const result = await loadGraph(connection, graph, loadOptions);
    relationships = result.relationships;
    plans = result.plans.filter((p) => p.plan.startsWith("plan:")).length;
  }, jvm);
  const unchanged = await timed(() => loadGraph(connection, graph, loadOptions), jvm);
  const forced = await timed(() => loadGraph(connection, graph, { ...loadOptions, force: true }), jvm);
  return { relationships, plans, first, unchanged, forced };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const int = (x: number) => Math.round(x).toLocaleString("en-US");
const sec = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const cpu = (t: Timing) => (Number.isNaN(t.neo4jCpu) ? `${sec(t.nodeCpu)}` : `${sec(t.nodeCpu)}+${sec(t.neo4jCpu)}`);
/** `median [min–max]` of some figure over rounds. */
function spread(xs: number[], format: (x: number) => string): string {
  if (xs.length === 1) return format(xs[0] as number);
  return `${format(median(xs))} [${format(Math.min(...xs))}–${format(Math.max(...xs))}]`;
}

let server: LocalNeo4j | undefined;
let connection: Neo4jConnection;
if (values["use-env"]) {
  connection = createDriver(settingsFromEnv());
} else {
  server = await startLocalNeo4j({ home: join(work, "neo4j") });
  connection = createDriver(server.settings);
}

try {
  const graphs: [string, unknown][] = [];
  graphs.push([
    "sample plan",
    values.sample ? JSON.parse(readFileSync(values.sample, "utf8")) : ingest([SAMPLE], "sample"),
  ]);
  if (!values["no-corpus"]) {
    const file = values.corpus ?? (values["corpus-dir"] || !existsSync(CORPUS_FILE) ? undefined : CORPUS_FILE);
    if (file) console.error(`bench/load: corpus graph ${file}`);
    else console.error(`bench/load: ingesting ${values["corpus-dir"] ?? CORPUS_DIR} for the corpus graph`);
    graphs.push([
      "corpus",
      file ? JSON.parse(readFileSync(file, "utf8")) : ingest([values["corpus-dir"] ?? CORPUS_DIR], "corpus"),
    ]);
  }

  if (graphs.length > 1) graphs.push(["sample, warm", graphs[0]?.[1]]);
  const load = loadavg()[0] ?? 0;
  const results: [string, Round[]][] = [];
  for (const [name, graph] of graphs) {
    const done: Round[] = [];
    for (let r = 0; r < rounds; r++) done.push(await round(connection, graph, server?.pid));
    results.push([name, done]);
  }

  const where = server
    ? `a fresh local Neo4j (launcher defaults; PLANGRAPH_NEO4J_HEAP, _PAGECACHE, _GC, _JAVA_OPTS change them)`
    : connection.settings.uri;
  console.log(
    `Neo4j: ${where}; ${loadOptions.concurrency ?? 2} plan(s) at a time; ${rounds} round(s) per graph; ` +
      `load average ${load.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
  );
  console.log(
    `CPU is seconds of this process + the Neo4j JVM during that load${server ? "; the JVM starts cold, with the sample plan's round 1" : ""}.\n`,
  );
  console.log(
    "graph        round  plans  relationships  load (s)   rels/s   of aim  CPU (s)      unchanged (s)  CPU (s)   forced (s)   rels/s  CPU (s)",
  );
  for (const [name, done] of results) {
    done.forEach((r, i) => {
      const rate = r.relationships / r.first.s;
      console.log(
        `${(i === 0 ? name : "").padEnd(12)} ${String(i + 1).padStart(5)}  ` +
          `${String(r.plans).padStart(5)}  ${int(r.relationships).padStart(13)}  ${sec(r.first.s).padStart(8)}  ` +
          `${int(rate).padStart(7)}  ${(rate / AIM).toFixed(2).padStart(7)}  ${cpu(r.first).padEnd(11)}  ` +
          `${sec(r.unchanged.s).padStart(13)}  ${cpu(r.unchanged).padEnd(8)}  ${sec(r.forced.s).padStart(10)}  ` +
          `${int(r.relationships / r.forced.s).padStart(7)}  ${cpu(r.forced)}`,
      );
    });
  }
  console.log(`\nSummary, median [min–max] over ${rounds > 1 ? "rounds 2 and later" : "the round"}:`);
  for (const [name, done] of results) {
    const warm = done.length > 1 ? done.slice(1) : done;
    const rates = warm.map((r) => r.relationships / r.first.s);
    console.log(
      `  ${name}: ${spread(rates, int)} rels/s, ${spread(
        rates.map((x) => x / AIM),
        (x) => x.toFixed(2),
      )} of the ${int(AIM)} aim; unchanged re-load ${spread(
        warm.map((r) => r.unchanged.s),
        sec,
      )} s; forced re-load ${spread(
        warm.map((r) => r.forced.s),
        sec,
      )} s (${spread(
        warm.map((r) => r.relationships / r.forced.s),
        int,
      )} rels/s)`,
    );
  }
} finally {
  await connection.driver.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
