// Public names of the graph model: the plan graph, its serialised form, merging, and the graph file on disk.
export { createPlanGraph, toSerialized, fromSerialized } from "./plan-graph.ts";
export type { PlanGraph, GraphAttributes } from "./plan-graph.ts";
export { merge, combine } from "./merge.ts";
export { graphJsonChunks, writeGraphFile, readGraphFile, openGraphFile, GraphFileError } from "./graph-file.ts";
export type { GraphStream } from "./graph-file.ts";
export { writeAtomically } from "./write-atomically.ts";
export { batch, BATCH_CHARS } from "./batch.ts";
