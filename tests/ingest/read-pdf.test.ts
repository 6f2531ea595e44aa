// The PDF reader on PDFs Chromium prints from a real work report: reading order, paragraphs across lines and pages, a scan refused.
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestDocument, ingestFile } from "../../ingest/pipeline.ts";
import { clean } from "../../ingest/stages/clean.ts";
import { read } from "../../ingest/stages/read.ts";
import { readPdf } from "../../ingest/stages/read-pdf.ts";
import type { NodeAttributes } from "../../schema/index.ts";
import { IMAGE_ONLY_HTML, printPdfs, reportHtml } from "./print-pdf.ts";

// The opening of the Hebei government work report of 2021 (data/corpus-years/provincial-reports/河北省/2021.md).
const source = "data/corpus-years/provincial-reports/河北省/2021.md";
const [title, ...paragraphs] = clean(read(readFileSync(source), source).decoded!.text)
  .text.split("\n")
  .slice(0, 41);
/** What the PDF's text should read: the same lines; spaces next to Chinese characters are layout in a PDF, not text. */
const CJK = "[\\u2E80-\\u9FFF\\uFF00-\\uFFEF\\u2010-\\u206F]";
const expected = [title!, ...paragraphs]
  .map((line) => line.replace(new RegExp(`(?<=${CJK})\\s+|\\s+(?=${CJK})`, "gu"), ""))
  .join("\n");

let report: Buffer;
let scan: Buffer;

beforeAll(async () => {
  const pdfs = await printPdfs([reportHtml(title!, paragraphs), IMAGE_ONLY_HTML]);
  [report, scan] = [pdfs[0]!, pdfs[1]!];
}, 60_000);

describe("readPdf", () => {
  it("reads a report of several pages back line for line: paragraphs rejoined across line and page breaks, page numbers dropped", async () => {
    const { decoded, issues } = await readPdf(report, "河北省/2021.pdf");
    expect(issues).toEqual([]);
    expect(decoded?.format).toBe("pdf");
    expect(expected.length).toBeGreaterThan(4000);
    expect(decoded?.text).toBe(expected);
    expect(decoded?.text).not.toMatch(/— \d+ —/u);
    expect((await getDocument({ data: new Uint8Array(report) }).promise).numPages).toBeGreaterThan(2);
  });

  it("refuses a PDF of an image only, as a scan is, with a code and the file's name", async () => {
    const { decoded, issues } = await readPdf(scan, "scans/hebei-2021.pdf");
    expect(decoded).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: "read/pdf-no-text",
        severity: "error",
        source: { file: "scans/hebei-2021.pdf" },
      }),
    ]);
    expect(issues[0]!.message).toMatch(/1 page and no text layer.*OCR/u);
  });

  it("refuses a file named .pdf that is not one, one over --max-bytes, and a PDF cut off after its header", async () => {
    const html = await readPdf(Buffer.from("<!doctype html><p>页面不存在</p>"), "report.pdf");
    expect(html.issues[0]).toMatchObject({ code: "read/pdf-invalid", source: { file: "report.pdf", byte: 0 } });
    const big = await readPdf(report, "big.pdf", { maxBytes: 1000 });
    expect(big.issues[0]).toMatchObject({ code: "read/too-large", source: { file: "big.pdf" } });
    const cut = await readPdf(report.subarray(0, 400), "cut.pdf");
    expect(cut.decoded).toBeUndefined();
    expect(cut.issues[0]).toMatchObject({ code: "read/pdf-invalid", severity: "error", source: { file: "cut.pdf" } });
  });
});

describe("ingestFile on a PDF", () => {
  it("gives the PDF the metadata and entities its text gives, with offsets into the text it read", async () => {
    const pdf = await ingestFile(report, "河北省/2021.pdf", "hebei-2021-pdf");
    const text = ingestDocument(Buffer.from(expected), "河北省/2021.txt", "hebei-2021-txt");
    expect(pdf.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(pdf.extraction!.metadata).toMatchObject({
      title: "河北省人民政府工作报告（2021年）",
      genre: "政府工作报告",
      region: "河北",
      level: "province",
      year: 2021,
    });
    const entities = (g: NonNullable<typeof pdf.graph>) =>
      g.filterNodes((_, a) => !["Plan", "Section"].includes(a.label)).sort();
    expect(entities(pdf.graph!).length).toBeGreaterThan(50);
    expect(entities(pdf.graph!)).toEqual(entities(text.graph!));
    const plan = pdf.graph!.getNodeAttributes("plan:hebei-2021-pdf") as NodeAttributes<"Plan">;
    for (const s of pdf.extraction!.sentences) expect(plan.text!.slice(s.start, s.end)).toBe(s.text);
  });
});
