// A worker thread of `plangraph ingest`: reads one file at a time and returns its plan graph, serialised.
import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { ingestFile } from "../ingest/pipeline.ts";
import { unreadable } from "./ingest-run.ts";

/** A file to ingest, as the main thread sends it. */
export interface WorkerJob {
  index: number;
  path: string;
  display: string;
  planId: string;
  maxBytes: number;
}

parentPort!.on("message", async (job: WorkerJob) => {
  try {
    const bytes = await readFile(job.path).catch((err: unknown) => err as Error);
    if (bytes instanceof Error) {
      parentPort!.postMessage({ index: job.index, issues: [unreadable(job.path, bytes)] });
      return;
    }
    const { graph, extraction, issues } = await ingestFile(bytes, job.display, job.planId, { maxBytes: job.maxBytes });
    parentPort!.postMessage({ index: job.index, graph: graph?.export(), sha256: extraction?.sha256, issues });
  } catch (err) {
    parentPort!.postMessage({ index: job.index, crash: (err as Error).stack ?? String(err) });
  }
});
