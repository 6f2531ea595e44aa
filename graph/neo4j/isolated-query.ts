// Runs console queries on worker threads: decoding never blocks the caller's event loop, and a deadline always answers.
import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import neo4j from "neo4j-driver";
import type { Neo4jConnection } from "./connection.ts";
import { Neo4jStoreError, type Neo4jErrorCode } from "./errors.ts";
import type { WorkerQuery } from "./query-worker.ts";
import { DEFAULT_READ_TIMEOUT_MS, type ReadQueryOptions, type ReadQueryResult } from "./read-query.ts";

/** Limits of the isolated runner. */
export interface IsolatedQueryOptions {
  /** Queries running at once; more are refused as busy (default 4). */
  maxWorkers?: number;
  /** Heap of each worker, in MiB: a result that outgrows it ends that worker only (default 512). */
  workerHeapMb?: number;
  /** Time past the query's own timeout after which the runner answers anyway and ends the query (default 1.5 s). */
  graceMs?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

interface Reply {
  id: number;
  result?: ReadQueryResult;
  error?: { code: Neo4jErrorCode; message: string; neo4jCode?: string };
}

const ENTRY = new URL("../../bin/ts-worker.js", import.meta.url);
const MODULE = new URL("./query-worker.ts", import.meta.url).href;

/** Runs read queries (runReadQuery) on worker threads with their own drivers, answering by a deadline whatever happens. */
export class IsolatedQueryRunner {
  readonly #connection: Neo4jConnection;
  readonly #maxWorkers: number;
  readonly #heapMb: number;
  readonly #graceMs: number;
  readonly #idle: Slot[] = [];
  #busy = 0;
  #nextId = 0;
  #closed = false;

  /** Uses the connection's settings for the workers' drivers, and its driver to end queries that overrun. */
  constructor(connection: Neo4jConnection, options: IsolatedQueryOptions = {}) {
    this.#connection = connection;
    this.#maxWorkers = options.maxWorkers ?? 4;
    this.#heapMb = options.workerHeapMb ?? 512;
    this.#graceMs = options.graceMs ?? 1_500;
  }

  #spawn(): Slot {
    const worker = new Worker(ENTRY, {
      workerData: { module: MODULE },
      resourceLimits: { maxOldGenerationSizeMb: this.#heapMb },
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("the query worker exited while starting")));
    });
    ready.catch(() => undefined);
    return { worker, ready };
  }

  /** Starts a worker ahead of the first query, so it does not pay the start-up. */
  warm(): void {
    if (this.#idle.length === 0 && !this.#closed) this.#idle.push(this.#spawn());
  }

  /** Runs one query on a worker; rejects with neo4j/timeout at the deadline even if Neo4j or decoding has not finished. */
  async run(query: string, params: Record<string, unknown>, options: ReadQueryOptions = {}): Promise<ReadQueryResult> {
    if (this.#closed) throw new Neo4jStoreError("neo4j/unreachable", "the query runner is closed");
    if (this.#busy >= this.#maxWorkers)
      throw new Neo4jStoreError(
        "neo4j/busy",
        `${this.#maxWorkers} console queries are already running; try again when one has finished`,
      );
    this.#busy++;
    const slot = this.#idle.pop() ?? this.#spawn();
    const timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    const requestId = randomUUID();
    const job: WorkerQuery = {
      id: ++this.#nextId,
      settings: this.#connection.settings,
      query,
      params,
      options: { ...options, timeoutMs, requestId },
    };
    let finished = false;
    try {
      const reply = await new Promise<Reply>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const onMessage = (message: Reply) => {
          if (message.id !== job.id) return;
          cleanup();
          resolve(message);
        };
        const onError = (err: Error) => {
          cleanup();
          const memory = (err as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
          reject(
            new Neo4jStoreError(
              memory ? "neo4j/too-large" : "neo4j/query-failed",
              memory
                ? `the result is too large to hold (over ${this.#heapMb} MiB while decoding); return fewer or smaller values`
                : `the query runner failed: ${err.message}`,
              { cause: err },
            ),
          );
        };
        const onExit = () => onError(new Error("the query worker exited"));
        const cleanup = () => {
          clearTimeout(timer);
          slot.worker.off("message", onMessage);
          slot.worker.off("error", onError);
          slot.worker.off("exit", onExit);
        };
        slot.worker.on("message", onMessage);
        slot.worker.on("error", onError);
        slot.worker.on("exit", onExit);
        // The deadline counts from the moment the worker has the query, not while a fresh worker starts.
        slot.ready.then(
          () => {
            timer = setTimeout(() => {
              cleanup();
              reject(
                new Neo4jStoreError(
                  "neo4j/timeout",
                  `the query was stopped by the transaction timeout of ${timeoutMs / 1000} s (the server stopped ` +
                    "waiting for it and ended it); narrow it (add LIMIT, anchor MATCH on an id, avoid cartesian products)",
                ),
              );
            }, timeoutMs + this.#graceMs);
            slot.worker.postMessage(job);
          },
          (err: Error) => onError(err),
        );
      });
      finished = true;
      if (reply.error)
        throw new Neo4jStoreError(reply.error.code, reply.error.message.replace(/^graph\/neo4j: /, ""), {
          ...(reply.error.neo4jCode ? { neo4jCode: reply.error.neo4jCode } : {}),
        });
      return reply.result as ReadQueryResult;
    } finally {
      this.#busy--;
      if (finished && !this.#closed && this.#idle.length === 0) this.#idle.push(slot);
      else {
        void slot.worker.terminate();
        if (!finished) {
          void this.terminateTransactions(requestId);
          this.warm();
        }
      }
    }
  }

  /** Ends the transactions a request started (found by their metadata), so an abandoned query stops using the server. */
  async terminateTransactions(requestId: string): Promise<number> {
    const { driver, settings } = this.#connection;
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, database: settings.database });
    try {
      const found = await session.run(
        "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.request = $id RETURN collect(transactionId) AS ids",
        { id: requestId },
      );
      const ids = (found.records[0]?.get("ids") as string[] | undefined) ?? [];
      if (ids.length > 0) await session.run("TERMINATE TRANSACTIONS $ids", { ids });
      return ids.length;
    } catch {
      return 0;
    } finally {
      await session.close();
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#idle.splice(0).map((slot) => slot.worker.terminate()));
  }
}
