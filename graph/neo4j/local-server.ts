// Starts the project's own embedded Neo4j (tools/neo4j) as a child process, for tests and benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { LOCAL_NEO4J, type Neo4jSettings } from "./connection.ts";
import { Neo4jStoreError } from "./errors.ts";

const RUN_SCRIPT = fileURLToPath(new URL("../../tools/neo4j/run.mjs", import.meta.url));
const READY = /plangraph-neo4j: ready on (bolt:\/\/\S+) .*pid (\d+)\)/;

/** Where to run a local Neo4j: its home folder (data/ and logs/) and Bolt port (a free one when left out). */
export interface LocalNeo4jOptions {
  home: string;
  port?: number;
  /** Milliseconds to wait for the ready line, including a first Maven fetch (default 10 minutes). */
  readyTimeoutMs?: number;
}

/** A running local Neo4j: its connection settings, the JVM's pid, and ways to stop it cleanly or kill it outright. */
export interface LocalNeo4j {
  settings: Neo4jSettings;
  home: string;
  port: number;
  /** The pid of the Neo4j JVM itself (not of the node wrapper). */
  pid: number;
  /** Stops Neo4j with SIGTERM and waits until the process has exited. */
  stop(): Promise<void>;
  /** Kills the JVM with SIGKILL, as a crash would, and waits until it is gone. */
  kill(): Promise<void>;
}

/** Asks the operating system for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once("exit", () => done()));
}

/** Starts tools/neo4j's launcher on 127.0.0.1 with auth on and the local default password; it ends with this process. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [RUN_SCRIPT, "start", "--port", String(port), "--data", options.home, "--exit-with-parent"],
    {
      env: { ...process.env, NEO4J_PASSWORD: LOCAL_NEO4J.password },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    if (output.length > 200) output.shift();
  };
  child.stderr?.on("data", remember);

  const ready = await new Promise<{ uri: string; pid: number }>((resolveReady, reject) => {
    let buffered = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(
        new Neo4jStoreError(
          "neo4j/launcher-failed",
          `Neo4j did not start within the time allowed:\n${output.join("")}`,
        ),
      );
    }, options.readyTimeoutMs ?? 600_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      remember(chunk);
      buffered += chunk.toString("utf8");
      const match = READY.exec(buffered);
      if (match) {
        clearTimeout(timer);
        buffered = "";
        resolveReady({ uri: match[1] as string, pid: Number(match[2]) });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Neo4jStoreError(
          "neo4j/launcher-failed",
          `the Neo4j launcher exited (${signal ?? code}) before it was ready:\n${output.join("")}`,
        ),
      );
    });
  });

  const waitForJvm = async (pid: number) => {
    for (let i = 0; i < 600; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    settings: { uri: ready.uri, user: LOCAL_NEO4J.user, password: LOCAL_NEO4J.password },
    home: options.home,
    port,
    pid: ready.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(ready.pid, "SIGTERM");
        } catch {
          child.kill("SIGTERM");
        }
      }
      await exited(child);
      await waitForJvm(ready.pid);
    },
    async kill() {
      try {
        process.kill(ready.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      await waitForJvm(ready.pid);
      await exited(child);
    },
  };
}
