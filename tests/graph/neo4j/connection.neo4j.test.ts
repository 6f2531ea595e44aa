// Connection errors against real sockets: nothing listening, and a real Neo4j that rejects a wrong password.
import { afterAll, describe, expect, it } from "vitest";
import { LOCAL_NEO4J, createDriver, freePort, settingsFromEnv, verifyConnection } from "../../../graph/neo4j/index.ts";
import { testConnection } from "./helpers.ts";

const connection = testConnection();
afterAll(() => connection.driver.close());

describe("connection", () => {
  it("uses the local launcher's defaults when no environment variable is set, and the variables when they are", () => {
    expect(settingsFromEnv({})).toEqual(LOCAL_NEO4J);
    expect(
      settingsFromEnv({
        NEO4J_URI: "neo4j+s://x.databases.neo4j.io",
        NEO4J_USER: "u",
        NEO4J_PASSWORD: "p",
        NEO4J_DATABASE: "d",
      }),
    ).toEqual({ uri: "neo4j+s://x.databases.neo4j.io", user: "u", password: "p", database: "d" });
  });

  it("connects to the test server", async () => {
    await expect(verifyConnection(connection)).resolves.toBeUndefined();
  });

  it("explains a refused connection and says how to start Neo4j", async () => {
    const port = await freePort();
    const dead = createDriver({ ...LOCAL_NEO4J, uri: `bolt://127.0.0.1:${port}` }, { maxTransactionRetryTime: 0 });
    try {
      await expect(verifyConnection(dead)).rejects.toMatchObject({
        code: "neo4j/unreachable",
        message: `graph/neo4j: Neo4j refused the connection at bolt://127.0.0.1:${port} (is it running? npm run neo4j)`,
      });
    } finally {
      await dead.driver.close();
    }
  });

  it("explains a wrong password without printing it", async () => {
    const wrong = createDriver({ ...connection.settings, password: "not-the-password" });
    try {
      const error = (await verifyConnection(wrong).catch((e: unknown) => e)) as Error;
      expect(error).toMatchObject({ code: "neo4j/auth-failed" });
      expect(error.message).toContain(`rejected user '${connection.settings.user}'`);
      expect(error.message).toContain("NEO4J_PASSWORD");
      expect(error.message).not.toContain("not-the-password");
    } finally {
      await wrong.driver.close();
    }
  });
});
