// Tests for the read stage: every kind of bad input gets its own code and a message naming the file and place.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8, read } from "../../ingest/stages/read.ts";

// A real excerpt: the opening paragraphs of the sample plan (data/plans/hebei-14th-fyp-proposal.txt).
const sample = readFileSync("data/plans/hebei-14th-fyp-proposal.txt", "utf8").slice(0, 1500);

describe("read", () => {
  it("decodes UTF-8 with and without a byte-order mark", () => {
    const plain = read(Buffer.from(sample, "utf8"), "plan.txt");
    const bom = read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, "utf8")]), "plan.txt");
    expect(plain.decoded?.text).toBe(sample);
    expect(bom.decoded?.text).toBe(sample);
    expect(plain.issues).toEqual([]);
  });

  it("detects GB18030 and decodes it, with a warning that says what was guessed", () => {
    const { decoded, issues } = read(iconv.encode(sample, "gb18030"), "gbk-plan.txt");
    expect(decoded?.text).toBe(sample);
    expect(decoded?.encoding).toBe("GB18030");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "read/legacy-encoding",
      severity: "warning",
      source: { file: "gbk-plan.txt" },
    });
    expect(issues[0]!.message).toMatch(/GB18030/);
  });

  it("keeps the text of an HTML page and drops scripts and markup", () => {
    const html = `<!DOCTYPE html><html><head><title>河北省委建议</title><script>var x = "<p>no</p>";</script></head>
<body><div class="content"><p>\u3000\u3000一、坚持科学总结</p><p>“十四五”时期是我国全面建成小康社会&amp;开启新征程的第一个5年。</p></div></body></html>`;
    const { decoded, issues } = read(Buffer.from(html), "page.html");
    expect(decoded?.format).toBe("html");
    expect(decoded?.text).toContain("一、坚持科学总结");
    expect(decoded?.text).toContain("全面建成小康社会&开启新征程");
    expect(decoded?.text).not.toContain("var x");
    expect(decoded?.text).not.toMatch(/<\/?p>/);
    expect(issues.map((i) => i.code)).toEqual(["read/html"]);
  });

  it("reads a Markdown file as text with its front matter apart, by its .md name", () => {
    // The 2020 statistical communiqué (data/corpus-years/statistical-communiques/2020.md).
    const file = "data/corpus-years/statistical-communiques/2020.md";
    const { decoded, issues } = read(readFileSync(file), file);
    expect(issues).toEqual([]);
    expect(decoded).toMatchObject({
      format: "markdown",
      encoding: "UTF-8",
      frontMatter: {
        source: "https://www.stats.gov.cn/sj/zxfb/202302/t20230203_1901004.html",
        title: "中华人民共和国2020年国民经济和社会发展统计公报",
      },
    });
    expect(decoded!.text.split("\n").slice(0, 3)).toEqual([
      "中华人民共和国2020年国民经济和社会发展统计公报[1]",
      "国家统计局",
      "2021年2月28日",
    ]);
    expect(decoded!.text).toContain("\n## 一、综合[2]\n");
    expect(read(readFileSync(file), "2020.txt").decoded!.format).toBe("markdown");
  });

  it("recognises UTF-16 without a byte-order mark by its NUL bytes, in both byte orders, instead of calling it binary", () => {
    const text = readFileSync("data/gold/inputs/baoding-2021-work-report.excerpt.txt", "utf8").slice(0, 2000);
    for (const [order, bytes] of [
      ["UTF-16LE", Buffer.from(text, "utf16le")],
      ["UTF-16BE", Buffer.from(text, "utf16le").swap16()],
    ] as const) {
      const { decoded, issues } = read(bytes, "plan.txt");
      expect(decoded?.text, order).toBe(text);
      expect(decoded?.encoding).toBe(order);
      expect(issues.map((i) => i.code)).toEqual(["read/utf16-no-bom"]);
    }
    // Binary data with NUL bytes on one side is still binary: it does not read as text either way.
    const binary = Buffer.alloc(4000);
    for (let i = 0; i < binary.length; i += 2) binary[i] = 0x80 + (i % 97);
    expect(read(binary, "x.txt").issues[0]?.code).toBe("read/binary");
  });

  it("refuses an empty file", () => {
    const { decoded, issues } = read(Buffer.alloc(0), "empty.txt");
    expect(decoded).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ code: "read/empty", severity: "error", source: { file: "empty.txt" } }),
    ]);
  });

  it("refuses a file of white space only", () => {
    expect(read(Buffer.from(" \n\u3000\n"), "blank.txt").issues[0]?.code).toBe("read/empty");
  });

  it("refuses random bytes as binary, naming the first offending byte", () => {
    const bytes = randomBytes(4096);
    bytes[100] = 0;
    const { decoded, issues } = read(bytes, "noise.bin");
    expect(decoded).toBeUndefined();
    expect(issues[0]?.code).toMatch(/^read\/(binary|undecodable)$/);
    expect(issues[0]?.source.file).toBe("noise.bin");
    expect(issues[0]?.source.byte).toBeTypeOf("number");
  });

  it("names PDF and ZIP files for what they are", () => {
    const pdf = read(Buffer.from("%PDF-1.7\n..."), "plan.pdf");
    expect(pdf.issues[0]).toMatchObject({ code: "read/binary", source: { file: "plan.pdf", byte: 0 } });
    expect(pdf.issues[0]!.message).toMatch(/PDF/);
    expect(read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), "plan.docx").issues[0]!.message).toMatch(/ZIP|Office/);
  });

  it("keeps a file whose last UTF-8 character was cut off, and says at which byte", () => {
    const bytes = Buffer.from(sample, "utf8");
    const cut = bytes.subarray(0, bytes.length - 1);
    const { decoded, issues } = read(cut, "cut.txt");
    expect(decoded?.text).toBe(sample.slice(0, -1));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "read/truncated-utf8",
        severity: "warning",
        source: expect.objectContaining({ file: "cut.txt", byte: cut.length - 2 }),
      }),
    ]);
  });

  it("refuses bytes that are neither UTF-8 nor a Chinese legacy encoding, with the byte and line", () => {
    const bytes = Buffer.concat([
      Buffer.from("第一行\n第二行\n", "utf8"),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x80, 0x81]),
    ]);
    const { decoded, issues } = read(bytes, "mixed.txt");
    expect(decoded).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: "read/undecodable", source: { file: "mixed.txt", line: 3 } });
    expect(issues[0]!.message).toMatch(/byte \d+/);
  });

  it("refuses a file over the size limit before decoding it", () => {
    const { decoded, issues } = read(Buffer.from(sample), "big.txt", { maxBytes: 100 });
    expect(decoded).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: "read/too-large", source: { file: "big.txt" } });
    expect(issues[0]!.message).toMatch(/--max-bytes/);
  });

  it("finds the first invalid UTF-8 byte", () => {
    expect(firstInvalidUtf8(Buffer.from("河北", "utf8"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe6, 0xb2]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0);
  });
});
