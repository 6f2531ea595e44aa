// PDF page layout to text: runs grouped into lines in reading order, lines joined into paragraphs, pages joined.

/** A run of text on a PDF page as the reader gives it, in PDF units (origin at the bottom left of the page). */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of a page: its text and extent. */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  height: number;
}

/** Han characters, CJK and full-width punctuation, and the general punctuation Chinese text uses (“”—…∶). */
const CJK = "[\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2010-\\u206F\\u2236]";
/** White space next to a Chinese character: in a PDF it is layout (justification, a gap the reader filled), not text. */
const SPACE_BY_CJK = new RegExp(`(?<=${CJK})\\s+|\\s+(?=${CJK})`, "gu");
/** A line that ends in a Latin letter: joined to the next with a space, not glued (…5G\nnetwork). */
const LATIN_END = /[A-Za-z]$/u;
/** A line that starts with a Latin letter (the other half of a split English word). */
const LATIN_START = /^[A-Za-z]/u;
/** A line that is only a page number (— 12 —, 第3页, 3/20): dropped between pages. */
const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*(共\s*)?\d{1,4}\s*页?)?[-—–\s]*$/u;

/** Groups a page's runs into lines, top to bottom, each line's runs left to right (a single-column reading order). */
export function pageLines(runs: readonly PdfRun[]): PdfLine[] {
  const visible = runs.filter((r) => r.text.trim().length > 0 && r.height > 0);
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfRun[][] = [];
  for (const run of visible) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - run.y) < 0.5 * Math.min(row[0]!.height, run.height)) row.push(run);
    else rows.push([run]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    for (const run of row) {
      const gap = run.x - end;
      if (text && gap > 0.2 * run.height) text += " ";
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    return {
      text: text.replace(SPACE_BY_CJK, "").trim(),
      x0: row[0]!.x,
      x1: end,
      y: row[0]!.y,
      height: Math.max(...row.map((r) => r.height)),
    };
  });
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The page's text column: the most common left edge and the right edge most full lines reach. */
function margins(lines: PdfLine[]): { left: number; right: number } {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  const left = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return {
    left,
    right: quantile(
      lines.map((l) => l.x1),
      0.9,
    ),
  };
}

/** A page's lines without its page number (a first or last line such as "3", "— 3 —", "第3页", "3/12"). */
export function contentLines(page: readonly PdfLine[]): PdfLine[] {
  return page.filter((l, i) => !((i === 0 || i === page.length - 1) && PAGE_NUMBER.test(l.text)));
}

/**
 * Joins the pages' lines into paragraphs, one per output line: a line starts a paragraph when it is indented or
 * centred, when the line before it stopped short of the right margin, or after a wide vertical gap; otherwise it
 * continues the paragraph (with a space only between Latin letters). A paragraph runs on across a page break when the
 * page's last line reaches the margin and the next page's first line is not indented. Page numbers are dropped.
 */
export function reflow(pages: readonly PdfLine[][]): string {
  const paragraphs: string[] = [];
  let open = false;
  for (const page of pages) {
    const lines = contentLines(page);
    if (lines.length === 0) continue;
    const { left, right } = margins(lines);
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y);
    const lineGap = gaps.length > 0 ? quantile(gaps, 0.5) : lines[0]!.height * 1.5;
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      const indented = line.x0 > left + 0.8 * line.height;
      const breaks =
        indented || (prev !== undefined && (prev.x1 < right - 1.5 * prev.height || prev.y - line.y > 1.8 * lineGap));
      const last = paragraphs.length - 1;
      if (open && !breaks && last >= 0) {
        const joint = LATIN_END.test(paragraphs[last]!) && LATIN_START.test(line.text) ? " " : "";
        paragraphs[last] += joint + line.text;
      } else paragraphs.push(line.text);
      open = true;
    });
    const end = lines[lines.length - 1]!;
    open = end.x1 >= right - 1.5 * end.height;
  }
  return paragraphs.join("\n");
}
