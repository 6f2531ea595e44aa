// Stage read for PDF: the text layer of every page with pdf.js, in reading order, pages joined; a PDF without text is refused.
import { createRequire } from "node:module";
import path from "node:path";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { error, warning, type Issue } from "../../schema/index.ts";
import { contentLines, pageLines, reflow, type PdfLine } from "../text/pdf-layout.ts";
import type { DecodedText } from "../types.ts";
import { sizeIssue, type ReadOptions } from "./read.ts";

const PDF_HEADER = "%PDF-";
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

/** Whether a file is to be read as PDF: its name ends in .pdf (a PDF under another name is refused by the text reader, which says so). */
export function isPdf(file: string): boolean {
  return /\.pdf$/iu.test(file);
}

/** Whether the bytes have a PDF header (`%PDF-`) within their first kilobyte, where readers look for it. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).indexOf(PDF_HEADER) >= 0;
}

/** Lists page numbers as ranges for a message ("2–4, 7"). */
function pageList(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join(", ");
}

/** Reads the text layer of a PDF: text in reading order, paragraphs rejoined across line and page breaks; a PDF with no text (a scan) is an error. */
export async function readPdf(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<{ decoded?: DecodedText; issues: Issue[] }> {
  const tooLarge = sizeIssue(bytes, file, options);
  if (tooLarge) return { issues: [tooLarge] };
  if (!hasPdfHeader(bytes))
    return {
      issues: [
        error("read/pdf-invalid", "named .pdf but not a PDF document (no %PDF- header in its first kilobyte)", {
          file,
          byte: 0,
        }),
      ],
    };
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(PDFJS_DIR, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(PDFJS_DIR, "standard_fonts")}/`,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pages: PdfLine[][] = [];
  const blank: number[] = [];
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items
        .filter((item): item is TextItem => "str" in item)
        .map((item) => ({
          text: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          width: item.width,
          height: item.height || Math.hypot(item.transform[2] as number, item.transform[3] as number),
        }));
      const lines = pageLines(runs);
      if (contentLines(lines).length === 0) blank.push(n);
      pages.push(lines);
      page.cleanup();
    }
  } catch (err) {
    const reason = (err as Error).message ?? String(err);
    const locked = (err as Error).name === "PasswordException";
    return {
      issues: [
        error(
          "read/pdf-invalid",
          locked
            ? "the PDF is password-protected; remove the password first (e.g. qpdf --decrypt in.pdf out.pdf)"
            : `not a readable PDF (${reason}); is the file complete?`,
          { file },
        ),
      ],
    };
  } finally {
    await task.destroy();
  }
  const issues: Issue[] = [];
  if (blank.length === pages.length)
    return {
      issues: [
        error(
          "read/pdf-no-text",
          `the PDF has ${pages.length} page${pages.length === 1 ? "" : "s"} and no text layer (a scan or images only); run OCR on it first (e.g. ocrmypdf -l chi_sim) or ingest a text version`,
          { file },
        ),
      ],
    };
  if (blank.length > 0)
    issues.push(
      warning(
        "read/pdf-pages-without-text",
        `page${blank.length === 1 ? "" : "s"} ${pageList(blank)} of ${pages.length} ha${blank.length === 1 ? "s" : "ve"} no text layer (scanned?); their content is missing`,
        { file },
      ),
    );
  return { decoded: { text: reflow(pages), encoding: "PDF text layer", format: "pdf" }, issues };
}
