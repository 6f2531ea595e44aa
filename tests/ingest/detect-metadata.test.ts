// Plan metadata checked by hand against the first lines of real plans in data/corpus (title, genre, region, level, year).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexicon } from "../../ingest/lexicon/index.ts";
import { clean } from "../../ingest/stages/clean.ts";
import { detectMetadata } from "../../ingest/stages/detect-metadata.ts";
import { read } from "../../ingest/stages/read.ts";
import type { PlanMetadata } from "../../ingest/types.ts";

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

const GOV = "https://www.gov.cn";
const STATS = "https://www.stats.gov.cn/sj";
const RE = "政府工作报告";
/**
 * Twenty files of data/corpus-years, across its four folders, each value read off the file by hand: the front matter,
 * the title and delivery lines. A communiqué's year is the year it reports on; it was published the next year.
 * 四川省/2016.md holds the report delivered on 2017-01-16 (its file name and front-matter title say 2016).
 */
const YEARS: [string, Omit<PlanMetadata, "regionCode">][] = [
  [
    "five-year-plans/2006-十一五规划纲要.md",
    {
      title: "中华人民共和国国民经济和社会发展第十一个五年规划纲要",
      genre: "纲要",
      level: "national",
      region: "中华人民共和国",
      year: 2006,
      sourceUrl: `${GOV}/gongbao/content/2006/content_268766.htm`,
    },
  ],
  [
    "five-year-plans/2021-十四五规划纲要.md",
    {
      title: "中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
      genre: "纲要",
      level: "national",
      region: "中华人民共和国",
      year: 2021,
      sourceUrl: `${GOV}/xinwen/2021-03/13/content_5592681.htm`,
    },
  ],
  [
    "five-year-plans/2026-十五五规划纲要.md",
    {
      title: "中华人民共和国国民经济和社会发展第十五个五年规划纲要",
      genre: "纲要",
      level: "national",
      region: "中华人民共和国",
      year: 2026,
      sourceUrl: `${GOV}/yaowen/liebiao/202603/content_7062633.htm`,
    },
  ],
  [
    "national-reports/2016.md",
    {
      title: "政府工作报告（2016年）",
      genre: RE,
      level: "national",
      region: "中华人民共和国",
      issuer: "国务院",
      year: 2016,
    },
  ],
  [
    "national-reports/2020.md",
    {
      title: "政府工作报告（2020年）",
      genre: RE,
      level: "national",
      region: "中华人民共和国",
      issuer: "国务院",
      year: 2020,
    },
  ],
  [
    "national-reports/2026.md",
    {
      title: "政府工作报告（2026年）",
      genre: RE,
      level: "national",
      region: "中华人民共和国",
      issuer: "国务院",
      year: 2026,
    },
  ],
  [
    "provincial-reports/河北省/2021.md",
    {
      title: "河北省人民政府工作报告（2021年）",
      aliases: [RE],
      genre: RE,
      level: "province",
      region: "河北",
      issuer: "河北省人民政府",
      year: 2021,
      sourceUrl:
        "https://www.hebei.gov.cn/columns/ab0652d2-7dc4-49e7-89f1-1901d3eb723b/202308/15/2d76d6e7-6361-46bb-8189-ac6fb8c2ac76.html",
    },
  ],
  [
    "provincial-reports/四川省/2016.md",
    {
      title: "四川省人民政府工作报告（2017年）",
      aliases: ["2016年四川省人民政府工作报告"],
      genre: RE,
      level: "province",
      region: "四川",
      issuer: "四川省人民政府",
      year: 2017,
      sourceUrl: "https://scsqw.cn/scdqs/scsq/sclhbg/scszfgzbg/content_19333",
    },
  ],
  [
    "provincial-reports/吉林省/2016.md",
    {
      title: "吉林省政府工作报告 （2016年1月26日 蒋超良）",
      genre: RE,
      level: "province",
      region: "吉林",
      issuer: "吉林省人民政府",
      year: 2016,
    },
  ],
  [
    "provincial-reports/云南省/2019.md",
    {
      title: "云南省人民政府工作报告（2019年）",
      aliases: ["2019年政府工作报告"],
      genre: RE,
      level: "province",
      region: "云南",
      issuer: "云南省人民政府",
      year: 2019,
      sourceUrl: "https://www.yn.gov.cn/zwgk/zfxxgk/zfgzbg/201902/t20190226_147537.html",
    },
  ],
  [
    "provincial-reports/广东省/2023.md",
    {
      title: "2023年1月12日广东省省长王伟中在广东省第十四届人民代表大会第一次会议上作政府工作报告",
      genre: RE,
      level: "province",
      region: "广东",
      issuer: "广东省人民政府",
      year: 2023,
      sourceUrl: "https://www.gd.gov.cn/gkmlpt/content/4/4083/post_4083230.html",
    },
  ],
  [
    "provincial-reports/西藏自治区/2018.md",
    {
      title: "西藏自治区政府工作报告 （2018年1月24日 齐扎拉）",
      genre: RE,
      level: "province",
      region: "西藏",
      issuer: "西藏自治区人民政府",
      year: 2018,
    },
  ],
  [
    "provincial-reports/山东省/2022.md",
    {
      title: "山东省人民政府工作报告（2022年）",
      aliases: ["政府工作报告（省十三届人大第七次会议 2022年）"],
      genre: RE,
      level: "province",
      region: "山东",
      issuer: "山东省人民政府",
      year: 2022,
      sourceUrl: "http://www.shandong.gov.cn/art/2022/1/28/art_305164_10314378.html",
    },
  ],
  [
    "provincial-reports/内蒙古自治区/2023.md",
    {
      title: "2023年内蒙古自治区政府工作报告",
      genre: RE,
      level: "province",
      region: "内蒙古",
      issuer: "内蒙古自治区人民政府",
      year: 2023,
      sourceUrl: "https://www.nmg.gov.cn/zwgk/zfggbg/zzq/202301/t20230118_2216682.html",
    },
  ],
  [
    "provincial-reports/新疆维吾尔自治区/2024.md",
    {
      title: "新疆维吾尔自治区人民政府工作报告（2024年）",
      aliases: ["2024年自治区政府工作报告"],
      genre: RE,
      level: "province",
      region: "新疆",
      issuer: "新疆维吾尔自治区人民政府",
      year: 2024,
      sourceUrl: "https://www.xinjiang.gov.cn/xinjiang/xjzfgzbg/202402/04846067f9744516bb897f7d530195e2.shtml",
    },
  ],
  ...(
    [
      [
        1978,
        "中华人民共和国国家统计局关于一九七八年国民经济计划执行结果的公报",
        "tjgb/ndtjgb/qgndtjgb/202302/t20230206_1901921",
      ],
      [
        1980,
        "中华人民共和国国家统计局关于一九八〇年国民经济计划执行结果的公报",
        "tjgb/ndtjgb/qgndtjgb/202302/t20230206_1901923",
      ],
      [2003, "中华人民共和国2003年国民经济和社会发展统计公报", "tjgb/ndtjgb/qgndtjgb/202302/t20230206_1901947"],
      [2010, "中华人民共和国2010年国民经济和社会发展统计公报", "tjgb/ndtjgb/qgndtjgb/202302/t20230206_1901954"],
      [2020, "中华人民共和国2020年国民经济和社会发展统计公报", "zxfb/202302/t20230203_1901004"],
    ] as const
  ).map(([year, title, page]): [string, Omit<PlanMetadata, "regionCode">] => [
    `statistical-communiques/${year}.md`,
    {
      title,
      ...(year === 1978 || year === 2020 ? {} : { aliases: [`${year}年`] }),
      genre: "统计公报",
      level: "national",
      region: "中华人民共和国",
      issuer: "国家统计局",
      year,
      published: year + 1,
      sourceUrl: `${STATS}/${page}.html`,
    },
  ]),
];

describe("detectMetadata on the cross-year corpus", () => {
  it("covers twenty files from all four folders", () => {
    expect(YEARS).toHaveLength(20);
    expect(new Set(YEARS.map(([file]) => file.split("/")[0]))).toHaveProperty("size", 4);
  });

  it.each(YEARS)("reads %s", (file, expected) => {
    const path = `data/corpus-years/${file}`;
    const { decoded } = read(readFileSync(path), path);
    const doc = clean(decoded!.text);
    if (decoded!.frontMatter) doc.frontMatter = decoded!.frontMatter;
    const { metadata, issues } = detectMetadata(doc, path, lexicon());
    const { regionCode, ...rest } = metadata;
    expect(rest).toEqual(expected);
    expect(regionCode === undefined).toBe(expected.region === undefined);
    expect(issues).toEqual([]);
  });
});
