// Exports of a 10k-node selection are produced piece by piece: bounded writes, lazily generated, never one big string.
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, exportChunks } from "../../../graph/export/index.ts";
import { createPlanGraph, type PlanGraph } from "../../../graph/model/index.ts";
import type { EdgeAttributes, NodeAttributes } from "../../../schema/index.ts";
import { sampleGraph } from "./graphs.ts";
import { exportToMemory } from "./export-to-text.ts";

/** The sample graph copied side by side until it has over 10,000 nodes (keys suffixed #1, #2, …). */
function tenThousandNodes(): PlanGraph {
  const sample = sampleGraph();
  const big = createPlanGraph();
  for (let copy = 1; big.order < 10_000; copy++) {
    sample.forEachNode((key, attrs) => big.addNode(`${key}#${copy}`, { ...attrs } as NodeAttributes));
    sample.forEachEdge((key, attrs, s, t) =>
      big.addEdgeWithKey(`${key}#${copy}`, `${s}#${copy}`, `${t}#${copy}`, { ...attrs } as EdgeAttributes),
    );
  }
  return big;
}

const MAX_WRITE = 512 * 1024;

describe("streaming exports", () => {
  const big = tenThousandNodes();

  for (const format of EXPORT_FORMATS) {
    it(`writes ${format} for ${big.order} nodes in bounded pieces, never the whole file at once`, async () => {
      const { bytes, writes } = await exportToMemory(big, format);
      expect(Math.max(...writes)).toBeLessThanOrEqual(MAX_WRITE);
      expect(writes.length).toBeGreaterThan(bytes.length / MAX_WRITE);
      expect(bytes.length).toBeGreaterThan(2 * MAX_WRITE);
    });

    it(`produces ${format} lazily: the first piece is ready before the rest is generated`, () => {
      const { chunks } = exportChunks(big, format);
      const started = performance.now();
      const first = chunks[Symbol.iterator]().next();
      expect(first.done).toBe(false);
      expect((first.value as string | Uint8Array).length).toBeLessThanOrEqual(MAX_WRITE);
      expect(performance.now() - started).toBeLessThan(1_000);
    });
  }
});
