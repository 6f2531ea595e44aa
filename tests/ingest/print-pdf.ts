// PDFs for the PDF reader's tests, printed by headless Chromium (launched as the browser tests launch it) from HTML.
import { launchChromium } from "../web/browser.ts";

/** A page laid out like a printed work report: a centred title, justified paragraphs with a two-character indent. */
export function reportHtml(title: string, paragraphs: string[]): string {
  const esc = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 12pt; line-height: 1.6; }
h1 { text-align: center; font-size: 18pt; } p { text-indent: 2em; margin: 0 0 4pt 0; text-align: justify; }
</style></head><body><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</body></html>`;
}

/** A page that holds nothing but a picture, as a scanned document does. */
export const IMAGE_ONLY_HTML = `<!doctype html><html><body><img alt="" src="data:image/svg+xml;utf8,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='560'><rect width='400' height='560' fill='#eee'/>" +
    "<path d='M40 60h320M40 90h300M40 120h320' stroke='#333' stroke-width='8'/></svg>",
)}"></body></html>`;

/** Prints each HTML page as an A4 PDF with page numbers in the footer ("— 1 —"), the way printed reports number pages. */
export async function printPdfs(pages: string[]): Promise<Buffer[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const out: Buffer[] = [];
    for (const html of pages) {
      await page.setContent(html, { waitUntil: "load" });
      out.push(
        await page.pdf({
          format: "A4",
          displayHeaderFooter: true,
          headerTemplate: "<span></span>",
          footerTemplate: `<div style="font-size:9pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>`,
          margin: { top: "2cm", bottom: "2cm", left: "2.5cm", right: "2.5cm" },
        }),
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}
