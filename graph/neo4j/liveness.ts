// Whether Neo4j answers now: a cheap ping, reused for a second, that never keeps a caller waiting long.
import neo4j from "neo4j-driver";
import type { Neo4jConnection } from "./connection.ts";
import { explainNeo4jError } from "./errors.ts";

/** What the last ping found: whether Neo4j answered, how long ago, and why not in words safe for a browser. */
export interface Liveness {
  reachable: boolean;
  /** Milliseconds since the ping that found this. */
  checkedMsAgo: number;
  problem?: string;
}

/** How long a ping's answer is reused, and how long a ping may take before Neo4j counts as not answering. */
const TTL_MS = 1_000;
const PING_TIMEOUT_MS = 1_500;
/** How long a caller waits for a fresh ping before it gets the previous answer. */
const WAIT_MS = 150;

/** Pings Neo4j (RETURN 1) at most once a second; `check` answers within about 150 ms once a first ping is done. */
export class LivenessProbe {
  readonly #connection: Neo4jConnection;
  #last: { reachable: boolean; at: number; problem?: string } | undefined;
  #pinging: Promise<void> | undefined;

  constructor(connection: Neo4jConnection) {
    this.#connection = connection;
  }

  /** The freshest answer: a new ping when the last is over a second old, awaited for at most 150 ms. */
  async check(): Promise<Liveness> {
    const stale = !this.#last || Date.now() - this.#last.at > TTL_MS;
    if (stale && !this.#pinging) this.#pinging = this.#ping().finally(() => (this.#pinging = undefined));
    if (this.#pinging)
      await (this.#last ? Promise.race([this.#pinging, new Promise((r) => setTimeout(r, WAIT_MS))]) : this.#pinging);
    const last = this.#last ?? { reachable: false, at: Date.now() };
    return {
      reachable: last.reachable,
      checkedMsAgo: Date.now() - last.at,
      ...(last.problem ? { problem: last.problem } : {}),
    };
  }

  async #ping(): Promise<void> {
    const { driver, settings } = this.#connection;
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: settings.database });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run("RETURN 1"),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
        }),
      ]);
      this.#last = { reachable: true, at: Date.now() };
    } catch (err) {
      const code = explainNeo4jError(err, settings).code;
      const problem =
        code === "neo4j/auth-failed"
          ? "Neo4j refuses the server's login"
          : code === "neo4j/unreachable"
            ? "Neo4j does not accept connections"
            : "Neo4j did not answer in time";
      this.#last = { reachable: false, at: Date.now(), problem };
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }
}
