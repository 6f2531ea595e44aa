// Plan metadata checked by hand against the first lines of real plans in data/corpus (title, genre, region, level, year).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexicon } from "../../ingest/lexicon/index.ts";
import { clean } from "../../ingest/stages/clean.ts";
import { detectMetadata } from "../../ingest/stages/detect-metadata.ts";

const R = "reports-2021";
/** [file under data/corpus, title, genre, region, level, year], each read off the document's own opening lines. */
const EXPECTED: [string, string, string, string | undefined, string, number][] = [
  [
    "hebei-14th-fyp-proposal.txt",
    "中共河北省委关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
    "建议",
    "河北",
    "province",
    2020,
  ],
  [
    "national-15th-fyp-proposal-2025.txt",
    "中共中央关于制定国民经济和社会发展第十五个五年规划的建议",
    "建议",
    "中华人民共和国",
    "national",
    2025,
  ],
  [
    "national-14th-fyp-outline-2021.txt",
    "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
    "纲要",
    "中华人民共和国",
    "national",
    2021,
  ],
  [`${R}/国务院/国务院.txt`, "政府工作报告（2021年）", "政府工作报告", "中华人民共和国", "national", 2021],
  [`${R}/省自治区/河北省.txt`, "河北省人民政府工作报告（2021年）", "政府工作报告", "河北", "province", 2021],
  [`${R}/省自治区/广东省.txt`, "广东省人民政府工作报告（2021年）", "政府工作报告", "广东", "province", 2021],
  [
    `${R}/省自治区/新疆维吾尔自治区.txt`,
    "新疆维吾尔自治区人民政府工作报告（2021年）",
    "政府工作报告",
    "新疆",
    "province",
    2021,
  ],
  [
    `${R}/省自治区/内蒙古自治区.txt`,
    "内蒙古自治区人民政府工作报告（2021年）",
    "政府工作报告",
    "内蒙古",
    "province",
    2021,
  ],
  [`${R}/省自治区/西藏自治区.txt`, "西藏自治区人民政府工作报告（2021年）", "政府工作报告", "西藏", "province", 2021],
  [`${R}/省自治区/浙江省.txt`, "浙江省人民政府工作报告（2021年）", "政府工作报告", "浙江", "province", 2021],
  [`${R}/省自治区/四川省.txt`, "四川省人民政府工作报告（2021年）", "政府工作报告", "四川", "province", 2021],
  [`${R}/省自治区/黑龙江省.txt`, "黑龙江省人民政府工作报告（2021年）", "政府工作报告", "黑龙江", "province", 2021],
  [`${R}/主要城市/北京市.txt`, "北京市人民政府工作报告（2021年）", "政府工作报告", "北京", "province", 2021],
  [`${R}/主要城市/上海市.txt`, "上海市人民政府工作报告（2021年）", "政府工作报告", "上海", "province", 2021],
  [`${R}/主要城市/重庆市.txt`, "重庆市人民政府工作报告", "政府工作报告", "重庆", "province", 2021],
  [`${R}/主要城市/深圳市.txt`, "深圳市人民政府工作报告（2021年）", "政府工作报告", "深圳", "prefecture", 2021],
  [`${R}/主要城市/大连市.txt`, "大连市人民政府工作报告（2021年）", "政府工作报告", "大连", "prefecture", 2021],
  [`${R}/主要城市/成都市.txt`, "成都市人民政府工作报告（2021年）", "政府工作报告", "成都", "prefecture", 2021],
  [`${R}/主要城市/石家庄市.txt`, "石家庄市人民政府工作报告（2021年）", "政府工作报告", "石家庄", "prefecture", 2021],
  [`${R}/主要城市/拉萨市.txt`, "拉萨市人民政府工作报告（2021年）", "政府工作报告", "拉萨", "prefecture", 2021],
  [`${R}/其他地市/保定市.txt`, "保定市人民政府工作报告（2021年）", "政府工作报告", "保定", "prefecture", 2021],
  [`${R}/其他地市/铜仁市.txt`, "铜仁市人民政府工作报告（2021年）", "政府工作报告", "铜仁", "prefecture", 2021],
  [
    `${R}/其他地市/延边朝鲜族自治州.txt`,
    "延边朝鲜族自治州人民政府工作报告（2021年）",
    "政府工作报告",
    "延边",
    "prefecture",
    2021,
  ],
  [
    `${R}/其他地市/昌吉回族自治州.txt`,
    "昌吉回族自治州人民政府工作报告（2021年）",
    "政府工作报告",
    "昌吉",
    "prefecture",
    2021,
  ],
  [`${R}/其他地市/儋州市.txt`, "儋州市人民政府工作报告（2021年）", "政府工作报告", "儋州", "prefecture", 2021],
];

describe("detectMetadata", () => {
  it.each(EXPECTED)("reads %s", (file, title, genre, region, level, year) => {
    const path = `data/corpus/${file}`;
    const { metadata, issues } = detectMetadata(clean(readFileSync(path, "utf8")), path, lexicon());
    expect({
      title: metadata.title,
      genre: metadata.genre,
      region: metadata.region,
      level: metadata.level,
      year: metadata.year,
    }).toEqual({
      title,
      genre,
      region,
      level,
      year,
    });
    expect(issues).toEqual([]);
  });

  it("reports what it cannot tell as warnings instead of guessing", () => {
    const { metadata, issues } = detectMetadata(clean("一、总体要求\n加快发展数字经济。"), "notes.txt", lexicon());
    expect(metadata).toMatchObject({ title: "notes", genre: "other" });
    expect(issues.map((i) => i.code)).toEqual([
      "plan/metadata-missing",
      "plan/metadata-missing",
      "plan/metadata-missing",
    ]);
    expect(issues.every((i) => i.severity === "warning" && i.source.file === "notes.txt")).toBe(true);
  });
});
