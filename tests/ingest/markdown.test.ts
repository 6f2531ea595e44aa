// Markdown to text on real pages of data/corpus-years: front matter, headings, comments, tables of contents, tables, images, emphasis.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMarkdown, markdownToText, splitFrontMatter } from "../../ingest/text/markdown.ts";

const years = (file: string) => readFileSync(`data/corpus-years/${file}`, "utf8");
const render = (file: string) => markdownToText(splitFrontMatter(years(file)).body);

describe("splitFrontMatter", () => {
  it("reads title and source, and takes the 14th outline's four-dash closing line as the end of the block", () => {
    const { front, body } = splitFrontMatter(years("five-year-plans/2021-十四五规划纲要.md"));
    expect(front).toEqual({
      source: "https://www.gov.cn/xinwen/2021-03/13/content_5592681.htm",
      title: "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
    });
    expect(body.startsWith("\n<!-- 2021-03-13 07:16 来源： 新华社 -->")).toBe(true);
  });

  it("finds no front matter in a national work report, which opens with its title", () => {
    const text = years("national-reports/2020.md");
    expect(splitFrontMatter(text)).toEqual({ body: text });
    expect(isMarkdown("national-reports/2020.md", text)).toBe(true);
    expect(isMarkdown("notes.txt", text)).toBe(false);
  });

  it("leaves a block with a line that is not `key: value` as text", () => {
    const text = "---\n一、总体要求\n---\n加快发展数字经济。";
    expect(splitFrontMatter(text)).toEqual({ body: text });
  });
});

describe("markdownToText", () => {
  const outline = render("five-year-plans/2021-十四五规划纲要.md");

  it("keeps headings with their # marks and drops the news comment, the bold markers and the rule", () => {
    const lines = outline.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "新华社北京3月12日电",
      "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
      expect.stringMatching(/^中华人民共和国国民经济和社会发展第十四个五年（2021－2025年）规划/u),
    ]);
    expect(lines).toContain("## 第一篇　开启全面建设社会主义现代化国家新征程");
    expect(lines).toContain("### 第三章　主要目标");
    expect(lines).toContain("#### 第二节　“十四五”时期经济社会发展主要目标");
    expect(outline).not.toMatch(/<!--|来源：|\*\*|^---$/mu);
  });

  it("drops the table of contents, even where the page closes its <details> with a second <details>", () => {
    expect(outline).not.toMatch(/^目录$|<\/?details|<summary/mu);
    expect(outline.match(/第六十五章/gu)).toEqual(["第六十五章"]);
    const eleventh = render("five-year-plans/2006-十一五规划纲要.md");
    expect(eleventh.match(/第四十八章/gu)).toEqual(["第四十八章"]);
    expect(eleventh).not.toMatch(/!\[|images\//u);
  });

  it("turns a table into one line of cells per row, without pipes, rule lines or <br>", () => {
    const lines = render("statistical-communiques/2024.md").split("\n");
    const header = lines.indexOf("商品名称 单位 数量 比上年增长（%） 金额（亿元） 比上年增长（%）");
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe("钢材 万吨 11072 22.7 5950 0.4");
    expect(lines.join("\n")).not.toMatch(/\||<br>|-{3,}/u);
  });

  it("drops images and keeps a footnote mark for the clean stage", () => {
    const text = render("statistical-communiques/2025.md");
    expect(text).not.toMatch(/!\[|\.png/u);
    expect(text.split("\n")[0]).toBe("中华人民共和国2025年国民经济和社会发展统计公报[1]");
  });

  it("drops bold markers that close after Chinese punctuation (CommonMark alone leaves them)", () => {
    const text = render("provincial-reports/福建省/2019.md");
    expect(text).toContain("深化国家生态文明试验区建设。总结提升、复制推广三年建设经验");
    expect(text).not.toContain("**");
  });

  it("keeps a link's words and an ordered item's number, and drops the link target", () => {
    // The corpus has no links; this line follows its style.
    expect(markdownToText("发展[数字经济](https://www.gov.cn/)。\n\n1. 本公报为初步统计数。")).toBe(
      "发展数字经济。\n1. 本公报为初步统计数。",
    );
  });
});
