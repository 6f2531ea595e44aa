// npm run neo4j / neo4j:stop: fetches the jars once, compiles the launcher, runs embedded Neo4j, or stops it by pid file.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const LIB = join(HERE, "lib");
const CLASSES = join(HERE, "target", "classes");
const PREFIX = "plangraph-neo4j: ";
const READY = /plangraph-neo4j: ready on (bolt:\/\/\S+)/;
const DEFAULT_PASSWORD = "plangraph-dev";
const GCS = { parallel: "-XX:+UseParallelGC", g1: "-XX:+UseG1GC" };

const USAGE = `usage: node tools/neo4j/run.mjs [start] [options]   (npm run neo4j -- [options])
       node tools/neo4j/run.mjs stop [--data DIR]      (npm run neo4j:stop)
       node tools/neo4j/run.mjs build                  (fetch jars and compile only)

options:
  --port N            Bolt port (default: port of a local NEO4J_URI, else PLANGRAPH_NEO4J_PORT, else 7687)
  --data DIR          Neo4j home with data/ and logs/ (default: PLANGRAPH_NEO4J_DATA, else .neo4j)
  --detach            start in the background, wait for the ready line, then exit (log in DIR/neo4j.log)
  --no-auth           turn authentication off (default: on, user neo4j, password NEO4J_PASSWORD or ${DEFAULT_PASSWORD})
  --heap SIZE         JVM heap (default 1g)         --pagecache SIZE   page cache (default 512m)
  --tx-memory SIZE    heap one transaction may use (default 256m; PLANGRAPH_NEO4J_TX_MEMORY)
  --tx-memory-total SIZE  heap all transactions together may use (default 512m; PLANGRAPH_NEO4J_TX_MEMORY_TOTAL)
  --gc parallel|g1    garbage collector (default parallel: on 2 cores and a 1g heap it spent 5-15% less CPU
                      loading the corpus than G1; PLANGRAPH_NEO4J_GC, or a -XX:+Use…GC in PLANGRAPH_NEO4J_JAVA_OPTS)
  --exit-with-parent  stop when standard input closes (used by tests)`;

function fail(message) {
  process.stderr.write(`${PREFIX}${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { command: "start", flags: {} };
  const rest = [...argv];
  if (rest[0] && !rest[0].startsWith("--")) args.command = rest.shift();
  while (rest.length > 0) {
    const arg = rest.shift();
    if (!arg.startsWith("--")) fail(`unexpected argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const boolean = ["detach", "no-auth", "exit-with-parent", "help"].includes(name);
    args.flags[name] = boolean ? true : (inline ?? rest.shift());
    if (args.flags[name] === undefined) fail(`--${name} needs a value\n${USAGE}`);
  }
  return args;
}

function defaultPort() {
  const uri = process.env.NEO4J_URI;
  const local = uri && /^[a-z+]+:\/\/(127\.0\.0\.1|localhost)(?::(\d+))?/i.exec(uri);
  if (local) return local[2] ?? "7687";
  return process.env.PLANGRAPH_NEO4J_PORT ?? "7687";
}

function sha256(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

function run(command, args, what) {
  // Output is shown only when the step fails: Maven's quiet mode still prints colour codes.
  const result = spawnSync(command, args, { cwd: HERE, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.error?.code === "ENOENT")
    fail(`${command} was not found; ${what} needs Java 17 and Maven (apt-get install openjdk-17-jdk-headless maven)`);
  if (result.status !== 0)
    fail(
      `${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
}

/** Builds into a temporary folder and renames it into place, so concurrent first runs never see half a folder. */
function buildInto(target, stamp, build) {
  const stampFile = join(target, ".stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return;
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  build(temp);
  writeFileSync(join(temp, ".stamp"), stamp);
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(temp, target);
  } catch {
    rmSync(temp, { recursive: true, force: true });
  }
}

function ensureBuilt() {
  const pom = readFileSync(join(HERE, "pom.xml"));
  const source = readFileSync(join(HERE, "Launcher.java"));
  buildInto(LIB, sha256(pom), (temp) => {
    process.stderr.write(`${PREFIX}fetching the Neo4j jars with Maven (once; about 120 MB)\n`);
    run(
      "mvn",
      [
        "-q",
        "-B",
        "-Dstyle.color=never",
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        `-DoutputDirectory=${temp}`,
      ],
      "fetching Neo4j",
    );
  });
  buildInto(CLASSES, sha256(pom, source), (temp) => {
    run("javac", ["-d", temp, "-cp", join(LIB, "*"), join(HERE, "Launcher.java")], "compiling the launcher");
  });
}

function homeOf(flags) {
  return resolve(ROOT, flags.data ?? process.env.PLANGRAPH_NEO4J_DATA ?? ".neo4j");
}

function runningPid(pidFile) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, "utf8").includes("Launcher")) return undefined;
  return pid;
}

function javaArgs(flags, home) {
  const opens = ["java.lang", "java.nio", "java.io", "java.util", "java.util.concurrent", "sun.nio.ch"].map(
    (pkg) => `--add-opens=java.base/${pkg}=ALL-UNNAMED`,
  );
  const extra = process.env.PLANGRAPH_NEO4J_JAVA_OPTS?.split(/\s+/).filter(Boolean) ?? [];
  const collector = flags.gc ?? process.env.PLANGRAPH_NEO4J_GC ?? "parallel";
  if (!Object.hasOwn(GCS, collector)) fail(`--gc must be one of ${Object.keys(GCS).join(", ")}, not ${collector}`);
  // A collector named in PLANGRAPH_NEO4J_JAVA_OPTS replaces the chosen one (the JVM refuses two).
  const gc = extra.some((o) => /^-XX:\+Use\w+GC$/.test(o)) ? [] : [GCS[collector]];
  return [
    `-Xmx${flags.heap ?? process.env.PLANGRAPH_NEO4J_HEAP ?? "1g"}`,
    ...gc,
    "-XX:-OmitStackTraceInFastThrow",
    "-Dfile.encoding=UTF-8",
    "-Dio.netty.tryReflectionSetAccessible=true",
    ...opens,
    ...extra,
    "-cp",
    `${CLASSES}:${join(LIB, "*")}`,
    "Launcher",
    "--port",
    String(flags.port ?? defaultPort()),
    "--data",
    home,
    "--pid-file",
    join(home, "neo4j.pid"),
    "--pagecache",
    flags.pagecache ?? process.env.PLANGRAPH_NEO4J_PAGECACHE ?? "512m",
    "--tx-memory",
    flags["tx-memory"] ?? process.env.PLANGRAPH_NEO4J_TX_MEMORY ?? "256m",
    "--tx-memory-total",
    flags["tx-memory-total"] ?? process.env.PLANGRAPH_NEO4J_TX_MEMORY_TOTAL ?? "512m",
    ...(flags["no-auth"] || process.env.PLANGRAPH_NEO4J_AUTH === "off" ? ["--no-auth"] : []),
    ...(flags["exit-with-parent"] ? ["--exit-with-parent"] : []),
  ];
}

async function start(flags) {
  const home = homeOf(flags);
  const pidFile = join(home, "neo4j.pid");
  const already = runningPid(pidFile);
  if (already) {
    const message = `already running (pid ${already}, data ${home}); stop it with npm run neo4j:stop`;
    if (flags.detach) {
      process.stdout.write(`${PREFIX}${message}\n`);
      return;
    }
    fail(message);
  }
  ensureBuilt();
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? DEFAULT_PASSWORD };
  const args = javaArgs(flags, home);

  if (flags.detach) {
    const logFile = join(home, "neo4j.log");
    const log = openSync(logFile, "w");
    const child = spawn("java", args, { cwd: ROOT, env, detached: true, stdio: ["ignore", log, log] });
    closeSync(log);
    let exited = false;
    child.on("exit", () => (exited = true));
    child.unref();
    for (let waited = 0; waited < 180_000; waited += 250) {
      const text = readFileSync(logFile, "utf8");
      const ready = READY.exec(text);
      if (ready) {
        process.stdout.write(`${text.split("\n").find((l) => READY.test(l))}\n`);
        return;
      }
      if (exited) fail(`Neo4j exited before it was ready; its output:\n${text}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    fail(`Neo4j was not ready after 180 s; see ${logFile}`);
  }

  const child = spawn("java", args, { cwd: ROOT, env, stdio: "inherit" });
  const forward = () => child.kill("SIGTERM");
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, forward);
  // npm does not pass SIGTERM on to its script: when the parent goes away, stop Neo4j rather than orphan it.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && forward(), 1000).unref();
  child.on("error", (err) => fail(`could not start java: ${err.message}`));
  // The JVM exits with 128 + signal number after a clean shutdown on SIGTERM or SIGINT; that is a normal stop.
  child.on("exit", (code, signal) => {
    if (signal) process.exit(128 + (constants.signals[signal] ?? 0));
    process.exit(code === 143 || code === 130 ? 0 : (code ?? 1));
  });
}

async function stop(flags) {
  const home = homeOf(flags);
  const pidFile = join(home, "neo4j.pid");
  const pid = runningPid(pidFile);
  if (!pid) {
    rmSync(pidFile, { force: true });
    process.stdout.write(`${PREFIX}not running (no live pid in ${pidFile})\n`);
    return;
  }
  process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < 60_000; waited += 200) {
    if (!runningPid(pidFile) && !existsSync(`/proc/${pid}`)) {
      process.stdout.write(`${PREFIX}stopped (pid ${pid})\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`pid ${pid} did not stop within 60 s; kill -9 ${pid} stops it (the store recovers on the next start)`);
}

const { command, flags } = parseArgs(process.argv.slice(2));
if (flags.help) process.stdout.write(`${USAGE}\n`);
else if (command === "start") await start(flags);
else if (command === "stop") await stop(flags);
else if (command === "build") ensureBuilt();
else fail(`unknown command ${command}\n${USAGE}`);
