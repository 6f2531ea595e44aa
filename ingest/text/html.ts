// HTML to plain text: block elements become line breaks, scripts and styles are dropped, the title is kept.
import { Parser } from "htmlparser2";

/** Whether decoded text is an HTML page rather than plain text (a doctype, an html tag, or several block tags near the start). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  const tags = head.match(/<\/?(p|div|br|span|body|head|table|td|h[1-6])\b/g);
  return (tags?.length ?? 0) >= 3;
}

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "li",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "article",
  "table",
  "ul",
  "ol",
  "blockquote",
  "pre",
  "hr",
  "title",
  "header",
  "footer",
]);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template", "svg", "head"]);

/** Extracts the readable text of an HTML page: block elements become line breaks, scripts and styles are dropped. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skip = 0;
  let title = "";
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "title") inTitle = true;
        else if (SKIPPED_TAGS.has(name)) skip++;
        if (BLOCK_TAGS.has(name)) out.push("\n");
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skip === 0) out.push(text);
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (SKIPPED_TAGS.has(name)) skip = Math.max(0, skip - 1);
        if (BLOCK_TAGS.has(name)) out.push("\n");
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const body = out
    .join("")
    .replace(/[ \t\u00a0]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const t = title.trim();
  return t && !body.startsWith(t) ? `${t}\n\n${body}` : body;
}
