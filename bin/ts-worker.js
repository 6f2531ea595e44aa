// Worker-thread entry point: registers tsx in the worker, then loads the TypeScript module named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
