// The whole cross-year corpus (361 Markdown files) through `plangraph ingest` on two worker threads: no crash, no error, full metadata.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PLAN_GENRES, validateGraph, type NodeAttributes, type SerializedPlanGraph } from "../../schema/index.ts";

const root = "data/corpus-years";
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".md") && e.name !== "SOURCES.md")
  .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
const withSource = files.filter((f) => /^source: https?:\/\//mu.test(readFileSync(path.join(root, f), "utf8")));

describe("the 361-file cross-year corpus", () => {
  it("is all there: 5 outlines, 11 national and 297 provincial reports, 48 communiqués", () => {
    const folders = files.map((f) => f.split(path.sep)[0]);
    expect(folders.filter((f) => f === "five-year-plans")).toHaveLength(5);
    expect(folders.filter((f) => f === "national-reports")).toHaveLength(11);
    expect(folders.filter((f) => f === "provincial-reports")).toHaveLength(297);
    expect(folders.filter((f) => f === "statistical-communiques")).toHaveLength(48);
  });

  it("ingests on two workers with no crash, no error and no metadata warning, each plan with genre, level and year", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "plangraph-years-")), "years.json");
    const { stdout, stderr } = await promisify(execFile)(
      "node",
      ["bin/plangraph.js", "ingest", root, "--out", out, "--jobs", "2"],
      { encoding: "utf8", maxBuffer: 64 << 20 },
    );
    expect(stderr.split("\n").filter((line) => /^(error|warning) /u.test(line))).toEqual([]);
    expect(stdout).toMatch(/361 of 361 files ingested/u);
    const { graph, issues } = validateGraph(JSON.parse(readFileSync(out, "utf8")), out);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const plans = graph!.nodes
      .map((n) => ({ key: n.key, ...(n.attributes as NodeAttributes<"Plan">) }))
      .filter((p) => p.label === "Plan");
    expect(plans).toHaveLength(361);
    const count = (genre: string) => plans.filter((p) => p.genre === genre).length;
    expect(PLAN_GENRES.map(count)).toEqual([0, 5, 308, 48, 0]);
    const folderOf = (p: { key: string }) => p.key.slice("plan:".length).split("/")[0];
    for (const p of plans) {
      expect(p.level, p.key).toBe(folderOf(p) === "provincial-reports" ? "province" : "national");
      expect(p.year, p.key).toBeGreaterThanOrEqual(folderOf(p) === "statistical-communiques" ? 1978 : 2006);
      expect(p.year, p.key).toBeLessThanOrEqual(2026);
      expect(p.name.length, p.key).toBeGreaterThan(5);
    }
    expect(plans.filter((p) => p.sourceUrl).length).toBe(withSource.length);
    const sections = (graph as SerializedPlanGraph).nodes.filter((n) => n.attributes.label === "Section");
    expect(new Set(sections.map((s) => (s.attributes as NodeAttributes<"Section">).plan)).size).toBe(361);
  }, 600_000);
});
