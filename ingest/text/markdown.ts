// Markdown to plain lines: front matter lifted out; headings keep their # marks; comments, tables of contents, images and markup dropped.
import MarkdownIt, { type Token } from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import { htmlToText } from "./html.ts";

/** The `key: value` pairs of a front-matter block, keys in lower case (`title`, `source` …). */
export type FrontMatter = Record<string, string>;

/** The --- line that opens and closes a front-matter block (the 14th outline closes with ----). */
const FENCE = /^-{3,}[ \t]*$/u;
/** One `key: value` line of front matter (source: https://…, title: 政府工作报告). */
const FIELD = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/u;
/** File names read as Markdown (2021.md, outline.markdown). */
const FILE_EXTENSION = /\.(md|markdown)$/iu;

/** Whether a file is Markdown: by its extension, or by a front-matter block at its start. */
export function isMarkdown(file: string, text: string): boolean {
  return FILE_EXTENSION.test(file) || splitFrontMatter(text).front !== undefined;
}

/**
 * Splits a leading front-matter block (`---`, `key: value` lines, a closing line of three or more dashes) from the body.
 * Values are flat strings, as the corpus writes them; a block with any other line is not front matter and stays text.
 */
export function splitFrontMatter(text: string): { front?: FrontMatter; body: string } {
  const lines = text.split("\n", 40);
  if (!FENCE.test(lines[0] ?? "")) return { body: text };
  const front: FrontMatter = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/u, "");
    if (FENCE.test(line)) {
      const consumed = lines.slice(0, i + 1).reduce((n, l) => n + l.length + 1, 0);
      return { front, body: text.slice(Math.min(consumed, text.length)) };
    }
    if (line.trim() === "") continue;
    const field = FIELD.exec(line);
    if (!field) return { body: text };
    front[field[1]!.toLowerCase()] = field[2]!.trim().replace(/^(["'])(.*)\1$/u, "$2");
  }
  return { body: text };
}

const parser = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(cjkFriendly);

/** Inline content as plain text: link and emphasis syntax, images, inline HTML and stray emphasis marks dropped. */
function inlineText(children: Token[] | null, inCell: boolean): string {
  let out = "";
  for (const child of children ?? []) {
    if (child.type === "text" || child.type === "code_inline") out += child.content.replace(/\*\*/gu, "");
    else if (child.type === "softbreak" || child.type === "hardbreak") out += inCell ? "" : "\n";
    else if (child.type === "html_inline" && /^<br\s*\/?>$/iu.test(child.content)) out += inCell ? "" : "\n";
  }
  return out;
}

/** A table row written with pipes (| 指标 | 2025年 |) that markdown-it did not read as a table. */
const LOOSE_ROW = /^\s*\|(.*)\|\s*$/u;
/** The |---|:---:| line under a table header. */
const LOOSE_RULE = /^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*(:?-{3,}:?)?\s*$/u;

/** A paragraph that is a table the parser did not take as one (a stray `**` before it): rows become cells, the rule line goes. */
function looseTableLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => !LOOSE_RULE.test(line))
    .map((line) => {
      const row = LOOSE_ROW.exec(line);
      return row
        ? row[1]!
            .split("|")
            .map((cell) => cell.trim())
            .filter((cell) => cell.length > 0)
            .join(" ")
        : line;
    })
    .join("\n");
}

/** Whether an HTML block opens a collapsible block (`<details>`), which in these pages holds a table of contents. */
const opensDetails = (html: string) => /<details\b/iu.test(html);
const closesDetails = (html: string) => /<\/details\s*>/iu.test(html);

/** Text an HTML block holds besides comments, details and summary tags (a `<div>` with words keeps its words). */
function htmlBlockText(html: string): string {
  const bare = html.replace(/<!--[\s\S]*?(-->|$)/gu, "").replace(/<\/?(details|summary)\b[^>]*>/giu, "");
  return bare.trim() ? htmlToText(bare) : "";
}

/**
 * Renders a Markdown body (front matter already split off) as plain text, one block per line. Headings keep their
 * `#` marks so the clean stage can record them; ordered list items keep their numbers (`1.`), which the structure
 * stage reads as numbering. HTML comments, `<details>` tables of contents (closed by `</details>`, by a second
 * `<details>` as one page has it, or at the latest by the next heading), images, link targets, emphasis marks and
 * table pipes are not text; a table row becomes one line of its cells.
 */
export function markdownToText(markdown: string): string {
  const tokens = parser.parse(markdown, {});
  const lines: string[] = [];
  let inDetails = false;
  let prefix = "";
  let row: string[] | undefined;
  let inCell = false;
  for (const token of tokens) {
    if (token.type === "html_block") {
      const html = token.content;
      if (opensDetails(html) && !closesDetails(html)) inDetails = !inDetails;
      else if (closesDetails(html)) inDetails = false;
      else if (!inDetails) {
        const text = htmlBlockText(html);
        if (text) lines.push(text);
      }
      continue;
    }
    if (inDetails && token.type !== "heading_open") continue;
    inDetails = false;
    switch (token.type) {
      case "heading_open":
        prefix = `${"#".repeat(Number(token.tag.slice(1)))} `;
        break;
      case "list_item_open":
        prefix = token.markup === "." || token.markup === ")" ? `${token.info}${token.markup} ` : "";
        break;
      case "tr_open":
        row = [];
        break;
      case "th_open":
      case "td_open":
        inCell = true;
        break;
      case "th_close":
      case "td_close":
        inCell = false;
        break;
      case "tr_close": {
        const cells = (row ?? []).map((cell) => cell.trim()).filter((cell) => cell.length > 0);
        if (cells.length > 0) lines.push(cells.join(" "));
        row = undefined;
        break;
      }
      case "inline": {
        const text = inlineText(token.children, inCell);
        if (row && inCell) row.push(text);
        else if (text.trim()) lines.push(prefix + looseTableLines(text));
        prefix = "";
        break;
      }
      case "code_block":
      case "fence":
        lines.push(token.content.replace(/\n$/u, ""));
        break;
    }
  }
  return lines.join("\n");
}
