// Tests for `plangraph ingest` as a user runs it: a folder with good and bad files, one graph out, a clear report, exit code 1.
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { clean } from "../../ingest/stages/clean.ts";
import { markdownToText, splitFrontMatter } from "../../ingest/text/markdown.ts";
import { IMAGE_ONLY_HTML, printPdfs, reportHtml } from "../ingest/print-pdf.ts";

const run = promisify(execFile);
/** Runs the CLI; `as` names another user (root cannot be refused a read, so the unreadable-file test runs as nobody). */
const cli = (args: string[], as?: { uid: number; gid: number }) =>
  run("node", ["bin/plangraph.js", ...args], { encoding: "utf8", ...(as ?? {}) }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

// Real excerpts: the Baoding report excerpt (tests/fixtures) and the first chapters of the sample plan (data/plans).
const baoding = readFileSync("data/gold/inputs/baoding-2021-work-report.excerpt.txt", "utf8");
const hebei = readFileSync("data/plans/hebei-14th-fyp-proposal.txt", "utf8").slice(0, 6000);

describe("plangraph ingest", () => {
  it("ingests the good files of a folder, reports each bad one by name and code, and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    mkdirSync(path.join(dir, "reports"));
    writeFileSync(path.join(dir, "reports", "baoding.txt"), baoding);
    writeFileSync(path.join(dir, "hebei-gbk.txt"), iconv.encode(hebei, "gb18030"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "scan.txt"), Buffer.from("%PDF-1.4 binary"));
    const out = path.join(dir, "graph.json");
    const { code, stdout, stderr } = await cli(["ingest", dir, "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/error read\/empty \(.*empty\.txt\)/u);
    expect(stderr).toMatch(/error read\/binary \(.*scan\.txt, byte 0\).*PDF/u);
    expect(stderr).toMatch(/warning read\/legacy-encoding \(.*hebei-gbk\.txt/u);
    expect(stdout).toMatch(/reports\/baoding\.txt: \d+ regions, \d+ industries, \d+ projects, \d+ goals/u);
    expect(stdout).toMatch(/2 of 4 files ingested/u);
    const graph = JSON.parse(readFileSync(out, "utf8")) as {
      nodes: { key: string; attributes: { label: string; name: string } }[];
    };
    const plans = graph.nodes
      .filter((n) => n.attributes.label === "Plan")
      .map((n) => n.key)
      .sort();
    expect(plans).toEqual(["plan:hebei-gbk", "plan:reports/baoding"]);
    expect(graph.nodes.some((n) => n.key === "region:雄安新区")).toBe(true);
    const shared = graph.nodes.filter((n) => n.key === "region:河北");
    expect(shared).toHaveLength(1);
  });

  it("writes nothing and exits 1 when no input can be read", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    const out = path.join(dir, "graph.json");
    const { code, stderr } = await cli(["ingest", path.join(dir, "missing.txt"), "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/read\/not-found.*missing\.txt/u);
    expect(existsSync(out)).toBe(false);
  });

  it("re-ingests only changed files with --incremental, and does nothing when nothing changed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    const plans = path.join(dir, "plans");
    mkdirSync(plans);
    writeFileSync(path.join(plans, "baoding.txt"), baoding);
    writeFileSync(path.join(plans, "hebei.txt"), hebei);
    const out = path.join(dir, "graph.json");
    const first = await cli(["ingest", plans, "--out", out, "--incremental", "-q"]);
    expect(first.code).toBe(0);
    const before = readFileSync(out, "utf8");
    const second = await cli(["ingest", plans, "--out", out, "--incremental"]);
    expect(second.stdout).toMatch(/2 files unchanged since the last run/u);
    expect(readFileSync(out, "utf8")).toBe(before);
    writeFileSync(path.join(plans, "hebei.txt"), hebei.replace("京津冀", "京津冀和长三角"));
    const third = await cli(["ingest", plans, "--out", out, "--incremental"]);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/\[1\/1\] .*hebei\.txt/u);
    expect(third.stdout).toMatch(/2 of 2 files ingested \(1 unchanged, reused\)/u);
    const graph = JSON.parse(readFileSync(out, "utf8")) as { nodes: { key: string }[] };
    expect(graph.nodes.some((n) => n.key === "region:长三角")).toBe(true);
    expect(graph.nodes.some((n) => n.key === "plan:baoding")).toBe(true);
  });

  it("reads Markdown and PDF in a folder, skips its SOURCES.md, and refuses a scanned PDF by name", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    const plans = path.join(dir, "plans");
    mkdirSync(path.join(plans, "河北省"), { recursive: true });
    const report = readFileSync("data/corpus-years/provincial-reports/河北省/2021.md", "utf8");
    writeFileSync(path.join(plans, "河北省", "2021.md"), report);
    writeFileSync(path.join(plans, "SOURCES.md"), readFileSync("data/corpus-years/SOURCES.md"));
    const opening = clean(markdownToText(splitFrontMatter(report).body))
      .text.split("\n")
      .slice(1, 13);
    const [pdf, scan] = await printPdfs([reportHtml("政府工作报告", opening), IMAGE_ONLY_HTML]);
    writeFileSync(path.join(plans, "河北省", "2021-print.pdf"), pdf!);
    writeFileSync(path.join(plans, "scan.pdf"), scan!);
    const out = path.join(dir, "graph.json");
    const { code, stdout, stderr } = await cli(["ingest", plans, "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/error read\/pdf-no-text \(.*plans\/scan\.pdf\): the PDF has 1 page and no text layer/u);
    expect(stdout).toMatch(/河北省\/2021\.md: \d+ regions/u);
    expect(stdout).toMatch(/河北省\/2021-print\.pdf: \d+ regions/u);
    expect(stdout).toMatch(/2 of 3 files ingested/u);
    const graph = JSON.parse(readFileSync(out, "utf8")) as {
      nodes: { key: string; attributes: Record<string, unknown> }[];
    };
    const markdown = graph.nodes.find((n) => n.key === "plan:河北省/2021")!.attributes;
    expect(markdown).toMatchObject({ genre: "政府工作报告", region: "河北", year: 2021 });
    expect(markdown.sourceUrl).toMatch(/^https:\/\/www\.hebei\.gov\.cn\/columns\//u);
    expect(graph.nodes.some((n) => n.key === "plan:河北省/2021-print")).toBe(true);
  }, 60_000);

  it("skips an unreadable file with a message naming it, ingests the others and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    writeFileSync(path.join(dir, "baoding.txt"), baoding);
    writeFileSync(path.join(dir, "hebei.txt"), hebei);
    writeFileSync(path.join(dir, "locked.txt"), hebei);
    chmodSync(path.join(dir, "locked.txt"), 0o000);
    chmodSync(dir, 0o777);
    // Root reads any file, so as root the command runs as nobody (uid 65534), for whom the mode holds.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const out = path.join(dir, "graph.json");
    const { code, stdout, stderr } = await cli(["ingest", dir, "--out", out], as);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /error read\/unreadable \(.*locked\.txt\): the file cannot be read \(EACCES: permission denied/u,
    );
    expect(stdout).toMatch(/2 of 3 files ingested/u);
    const graph = JSON.parse(readFileSync(out, "utf8")) as { nodes: { key: string }[] };
    const plans = graph.nodes.filter((n) => n.key.startsWith("plan:")).map((n) => n.key);
    expect(plans.sort()).toEqual(["plan:baoding", "plan:hebei"]);
  });

  it("reports symbolic links inside folders instead of skipping them silently, and never reads their targets", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    writeFileSync(path.join(dir, "baoding.txt"), baoding);
    symlinkSync("/etc/passwd", path.join(dir, "passwd.txt"));
    const out = path.join(dir, "graph.json");
    const { code, stderr } = await cli(["ingest", dir, "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning read\/symlink \(.*passwd\.txt\): a symbolic link: not followed/u);
    expect(readFileSync(out, "utf8")).not.toContain("root:");
  });

  it("turns control and bidi characters of file names into _ in plan ids and escapes them in messages", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plangraph-cli-"));
    writeFileSync(path.join(dir, "bao\nding\t\u202Etxt.txt"), baoding);
    const out = path.join(dir, "graph.json");
    const { code, stdout, stderr } = await cli(["ingest", dir, "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toContain("warning read/odd-name");
    expect(stderr).toContain("bao\\nding\\t\\u{202E}txt.txt");
    expect(stdout + stderr).not.toMatch(/[\n\t\u202e]ding|\u202e/u);
    const graph = JSON.parse(readFileSync(out, "utf8")) as { nodes: { key: string }[] };
    expect(graph.nodes.filter((n) => n.key.startsWith("plan:")).map((n) => n.key)).toEqual(["plan:bao_ding__txt"]);
  });

  it("explains itself in --help", async () => {
    const { stdout } = await cli(["ingest", "--help"]);
    expect(stdout).toMatch(/--out <file>/u);
    expect(stdout).toMatch(/Examples:/u);
    expect(stdout).toMatch(/exit code is 1/u);
  });
});
