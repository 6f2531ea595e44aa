// Tests for the clean stage on the sample plan's real web noise: header lines, page breaks, full-width paragraphs, editor line.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clean } from "../../ingest/stages/clean.ts";

// The sample plan as republished by 河北日报 (data/plans/hebei-14th-fyp-proposal.txt).
const raw = readFileSync("data/plans/hebei-14th-fyp-proposal.txt", "utf8");

describe("clean", () => {
  const doc = clean(raw);

  it("lifts the news headline, original title and source out of the text", () => {
    expect(doc.headline).toBe("河北省委关于十四五规划的建议：超前布局区块链等未来产业链");
    expect(doc.originalTitle).toBe("中共河北省委关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议");
    expect(doc.source).toBe("河北日报");
    expect(doc.text.startsWith("（二〇二〇年十一月八日中国共产党河北省第九届委员会第十一次全体会议通过）")).toBe(true);
  });

  it("turns full-width-space paragraphs into lines and drops page-break markers", () => {
    expect(doc.text).not.toContain("_ueditor_page_break_tag_");
    expect(doc.text).not.toContain("\u3000\u3000");
    expect(doc.text.split("\n").some((line) => line.startsWith("四、坚持以新发展理念为引领"))).toBe(true);
  });

  it("drops the editor line at the end", () => {
    expect(raw).toMatch(/责任编辑/);
    expect(doc.text).not.toMatch(/责任编辑/);
  });

  it("strips markdown remnants and footnote marks", () => {
    const md = clean("## 一、总体要求\n\n**加快**发展[数字经济](https://example.org)[12]。\n---\n> 引文");
    expect(md.text).toBe("一、总体要求\n加快发展数字经济。\n引文");
  });

  it("keeps the words of every paragraph", () => {
    const words = raw.replace(/[\s\u3000]|_ueditor_page_break_tag_/gu, "");
    const kept = doc.text.replace(/\s/gu, "");
    expect(words).toContain(kept.slice(0, 2000));
    expect(kept.length).toBeGreaterThan(words.length * 0.97);
  });

  it("records # heading lines with their level and offsets into the cleaned text", () => {
    const md = clean(
      "新华社北京3月12日电\n## 第一篇　开启新征程\n\n“十四五”时期。\n### 第一章　发展环境\n**加快**发展。",
    );
    expect(md.source).toBe("新华社北京3月12日电");
    expect(md.text).toBe("第一篇　开启新征程\n“十四五”时期。\n第一章　发展环境\n加快发展。");
    expect(md.headings).toEqual([
      { start: 0, end: 9, level: 2 },
      { start: 19, end: 27, level: 3 },
    ]);
    for (const h of md.headings!) expect(md.text.slice(h.start, h.end)).toMatch(/^第一[篇章]/u);
    expect(doc.headings).toBeUndefined();
  });
});
