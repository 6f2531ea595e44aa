// Tests for the structure stage on the three layouts of the corpus: the sample plan, a work report and the national outline.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clean } from "../../ingest/stages/clean.ts";
import { structure } from "../../ingest/stages/structure.ts";

const load = (file: string) => clean(readFileSync(file, "utf8")).text;

describe("structure", () => {
  it("finds the sample plan's fifteen chapters and sixty-nine articles, nested", () => {
    const text = load("data/plans/hebei-14th-fyp-proposal.txt");
    const { sections } = structure(text);
    const chapters = sections.filter((s) => /^[一二三四五六七八九十]+、$/u.test(s.number));
    const articles = sections.filter((s) => /^\d+．$/u.test(s.number));
    expect(chapters.map((s) => s.number)).toEqual(
      "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五".split(" ").map((n) => `${n}、`),
    );
    expect(articles).toHaveLength(69);
    expect(articles.every((a) => a.depth === 2 && /^\d+\.\d+$/u.test(a.path))).toBe(true);
    const goals = articles.find((a) => a.heading === "“十四五”时期经济社会发展主要目标")!;
    expect(goals).toMatchObject({ role: "goals", horizon: 2025 });
    expect(text.slice(goals.start, goals.end)).toMatch(/^6．“十四五”时期经济社会发展主要目标/u);
    expect(articles.find((a) => a.number === "3．")).toMatchObject({ role: "long-range", horizon: 2035 });
    expect(articles.find((a) => a.number === "1．")!.role).toBe("review");
  });

  it("reads a work report's 一、 / （一） layout and its lead sentences", () => {
    const text = load("data/corpus/reports-2021/省自治区/河北省.txt");
    const { sections } = structure(text);
    const top = sections.filter((s) => s.depth === 1);
    expect(top[0]!.heading).toMatch(/工作回顾/u);
    expect(top[0]!.role).toBe("review");
    const sub = sections.filter((s) => /^（[一二三四五六七八九十]+）$/u.test(s.number));
    expect(sub.length).toBeGreaterThan(10);
    expect(sub.every((s) => s.depth === 2)).toBe(true);
    for (const s of sections) expect(text.slice(s.headingStart, s.headingEnd)).toContain(s.heading.slice(0, 6));
  });

  it("nests the national outline's 篇 > 章 > 节", () => {
    const { sections } = structure(load("data/corpus/national-14th-fyp-outline-2021.txt"));
    const part = sections.find((s) => s.number === "第一篇")!;
    const chapter = sections.find((s) => s.number === "第三章")!;
    expect(part.depth).toBe(1);
    expect(chapter.depth).toBe(2);
    expect(chapter.path.startsWith(`${part.path}.`)).toBe(true);
    expect(chapter).toMatchObject({ heading: "主要目标", role: "goals" });
    const division = sections.find((s) => s.number === "第一节")!;
    expect(division.depth).toBe(3);
  });

  it("covers every paragraph after the first heading by the section that contains it", () => {
    const text = load("data/plans/hebei-14th-fyp-proposal.txt");
    const { sections, paragraphs } = structure(text);
    const first = sections[0]!.start;
    for (const p of paragraphs.filter((x) => x.start >= first))
      expect(sections.some((s) => s.start <= p.start && s.end >= p.end)).toBe(true);
  });
});
