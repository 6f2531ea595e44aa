// `plangraph compare`, `mentions` and `stats` as a user runs them on two real work reports (data/corpus/reports-2021).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const cli = (args: string[]) =>
  run("node", ["bin/plangraph.js", ...args], { encoding: "utf8" }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("plangraph compare / mentions / stats", () => {
  const graph = path.join(mkdtempSync(path.join(tmpdir(), "plangraph-compare-")), "two.json");
  beforeAll(async () => {
    const r = await cli([
      "ingest",
      "data/corpus/reports-2021/省自治区/河北省.txt",
      "data/corpus/reports-2021/省自治区/广东省.txt",
      "--out",
      graph,
      "-q",
    ]);
    expect(r.code).toBe(0);
  });

  it("shows what both plans share and what only one has", async () => {
    const { code, stdout } = await cli(["compare", "河北", "广东", "--graph", graph, "-n", "400"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^A: 河北省人民政府工作报告（2021年） \(河北省\)/mu);
    const section = (label: string) => stdout.split(`\n${label}\n`)[1]!.split("\n\n")[0]!;
    const line = (label: string, which: string) =>
      section(label)
        .split("\n")
        .find((l) => l.trim().startsWith(which))!;
    expect(line("Industry", "both:")).toMatch(/数字经济/u);
    expect(line("Industry", "both:")).toMatch(/氢能/u);
    expect(line("Region", "only A:")).toMatch(/雄安新区/u);
    expect(line("Region", "only B:")).toMatch(/粤港澳大湾区/u);
    expect(stdout).toMatch(/goals side by side \(\d+ paired/u);
  });

  it("says which plans mention an entity", async () => {
    const { stdout } = await cli(["mentions", "雄安", "--graph", graph]);
    expect(stdout).toMatch(/region:雄安新区: mentioned by 1 plan\n/u);
    expect(stdout).toMatch(/河北省\s+河北\s+province\s+\d+/u);
  });

  it("explains a plan it cannot find", async () => {
    const { code, stderr } = await cli(["compare", "河北", "上海", "--graph", graph]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/no plan matches "上海"/u);
    expect(stderr).not.toMatch(/\n\s+at /u);
  });

  it("lists the regions and industries mentioned by the most plans", async () => {
    const { stdout } = await cli(["stats", "--graph", graph]);
    expect(stdout).toMatch(/政府工作报告 \/ province\s+2/u);
    expect(stdout).toMatch(/Industries mentioned by the most plans\n#\s+name\s+plans\n1\s+\S+\s+2\n/u);
  });
});
