// The whole shipped corpus (307 real plans): no crash, no unreadable file, and every plan yields all four entity types.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../ingest/pipeline.ts";

const root = "data/corpus";
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".txt"))
  .map((e) => path.join(e.parentPath, e.name));

describe("the 307-plan corpus", () => {
  it("is all there", () => {
    expect(files).toHaveLength(307);
  });

  it("ingests every plan without an error and finds regions, industries, projects and goals in each", () => {
    const lacking: string[] = [];
    for (const file of files) {
      const { graph, issues } = ingestDocument(readFileSync(file), file, path.relative(root, file));
      expect(
        issues.filter((i) => i.severity === "error"),
        file,
      ).toEqual([]);
      const counts: Record<string, number> = { Region: 0, Industry: 0, Project: 0, Goal: 0 };
      graph!.forEachNode((_, a) => {
        if (a.label in counts) counts[a.label]!++;
      });
      const missing = Object.entries(counts).filter(([, n]) => n === 0);
      if (missing.length > 0) lacking.push(`${file}: no ${missing.map(([l]) => l).join(", ")}`);
    }
    expect(lacking).toEqual([]);
  }, 180_000);
});
