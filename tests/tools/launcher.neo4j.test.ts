// The embedded Neo4j launcher has no open window: from the instant its Bolt port accepts connections the configured password works and the factory one never does.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import neo4j from "neo4j-driver";
import { freePort } from "../../graph/neo4j/index.ts";

const running: ChildProcess[] = [];
const homes: string[] = [];

afterEach(async () => {
  for (const child of running.splice(0)) await stop(child);
  for (const home of homes.splice(0)) await rm(home, { recursive: true, force: true });
});

function start(home: string, port: number, password: string): ChildProcess {
  const child = spawn(
    process.execPath,
    ["tools/neo4j/run.mjs", "start", "--port", String(port), "--data", home, "--exit-with-parent"],
    { env: { ...process.env, NEO4J_PASSWORD: password }, stdio: ["pipe", "pipe", "pipe"] },
  );
  running.push(child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.stdin?.end();
  await exited;
}

/** Resolves as soon as a TCP connection to the port succeeds (tried every 5 ms). */
async function portOpens(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}) before its port opened`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Logs in and runs RETURN 1; resolves with the error code, or "ok". */
async function login(port: number, user: string, password: string): Promise<string> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic(user, password), {
    maxConnectionPoolSize: 1,
    connectionTimeout: 5_000,
  });
  try {
    await driver.executeQuery("RETURN 1");
    return "ok";
  } catch (err) {
    return String((err as { code?: string }).code ?? (err as Error).message);
  } finally {
    await driver.close();
  }
}

async function freshHome(): Promise<string> {
  const home = await mkdtemp(path.join(tmpdir(), "plangraph-launcher-"));
  homes.push(home);
  return home;
}

describe("the Neo4j launcher", () => {
  it("accepts the configured password the instant its port opens, and never the factory neo4j/neo4j", async () => {
    const home = await freshHome();
    const port = await freePort();
    const child = start(home, port, "configured-pw-1");
    await portOpens(port, child);
    // Both logins are attempted right away, the factory one first, as an attacker racing the start would.
    expect(await login(port, "neo4j", "neo4j")).toBe("Neo.ClientError.Security.Unauthorized");
    expect(await login(port, "neo4j", "configured-pw-1")).toBe("ok");
  });

  it("changes an existing store's password with Bolt closed, so the old password never works after a restart", async () => {
    const home = await freshHome();
    const port = await freePort();
    const first = start(home, port, "old-password-1");
    await portOpens(port, first);
    expect(await login(port, "neo4j", "old-password-1")).toBe("ok");
    await stop(first);
    const second = start(home, port, "new-password-2");
    await portOpens(port, second);
    expect(await login(port, "neo4j", "old-password-1")).toBe("Neo.ClientError.Security.Unauthorized");
    expect(await login(port, "neo4j", "new-password-2")).toBe("ok");
    expect(await login(port, "neo4j", "neo4j")).toBe("Neo.ClientError.Security.Unauthorized");
  });
});
