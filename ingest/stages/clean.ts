// Stage clean: strips the web noise real plans carry and returns the text every later offset refers to.
import type { CleanDocument, Heading } from "../types.ts";

/** Editor and reporter lines of a news page (责任编辑：…, 记者 …). */
const EDITOR_LINE =
  /^[（(【[]?\s*(责任编辑|编辑|校对|审核|审校|监制|终审|初审|复审|作者|字号|打印|关闭窗口|分享到)\s*[:：]/u;
/** Metadata lines of a news page (原标题：…, 来源：…): kept apart, not text. */
const META_LINE = /^(原标题|来源|发布时间|发布日期|时间|稿源|信息来源)\s*[:：]\s*(.*)$/u;
/** Horizontal rules (---, ***, ===) between parts of a page. */
const RULE_LINE = /^([-*_=]\s*){3,}$/u;
/** An editor credit at the end of the last paragraph (（责任编辑：…）). */
const TRAILING_EDITOR =
  /(?<=[。！？”）])\s*[（(【[]?\s*(责任编辑|编辑|校对|审核|审校)\s*[:：][^。！？\n]{0,20}?[）)】\]]?$/u;
/** A news agency dateline line (新华社北京3月12日电). */
const DATELINE = /^新华社[^\n]{0,12}电$/u;

function stripMarkdown(line: string): string {
  return line
    .replace(/^#{1,6}\s+/u, "")
    .replace(/^>\s?/u, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, "")
    .replace(/\[([^\]]+)\]\((?:https?:|\/|#)[^)]*\)/gu, "$1")
    .replace(/\*\*([^*]+)\*\*/gu, "$1")
    .replace(/__([^_]+)__/gu, "$1")
    .replace(/`([^`]+)`/gu, "$1")
    .replace(/<br\s*\/?>/giu, "")
    .replace(/\[\d{1,3}\]/gu, "");
}

/** A Markdown heading mark (## 一、综合): its level is recorded, the marks dropped. */
const HEADING_MARK = /^(#{1,6})\s+/u;

/** Removes headline and source lines, page-break markers, editor lines, markdown remnants and footnote marks; paragraphs end up one per line, and `#` heading lines are recorded with their level. */
export function clean(raw: string): CleanDocument {
  const lines = raw
    .replace(/\r\n?/gu, "\n")
    .replace(/^\uFEFF/u, "")
    .replace(/_ueditor_page_break_tag_/gu, "\n")
    .replace(/[ \t]*\u3000{2,}[ \t]*/gu, "\n")
    .split("\n")
    .map((line) => {
      const bare = line.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
      return { text: stripMarkdown(bare).trim(), level: HEADING_MARK.exec(bare)?.[1]!.length };
    })
    .filter((line) => line.text.length > 0 && !RULE_LINE.test(line.text));

  const doc: CleanDocument = { text: "" };
  const metaIndex = lines.slice(0, 6).findIndex((line) => META_LINE.test(line.text));
  let body = lines;
  if (metaIndex >= 0) {
    if (metaIndex > 0)
      doc.headline = lines
        .slice(0, metaIndex)
        .map((line) => line.text)
        .join(" ");
    let i = metaIndex;
    for (; i < lines.length && i < metaIndex + 4; i++) {
      const m = META_LINE.exec(lines[i]!.text);
      if (!m) break;
      if (m[1] === "原标题") doc.originalTitle = m[2]!.trim();
      else if (m[1] === "来源" || m[1] === "稿源" || m[1] === "信息来源") doc.source = m[2]!.trim();
    }
    body = lines.slice(i);
  }
  body = body.filter(
    (line, i) => !(line.text.length < 60 && EDITOR_LINE.test(line.text) && (i < 3 || i >= body.length - 5)),
  );
  if (body.length > 0 && DATELINE.test(body[0]!.text)) doc.source ??= body.shift()!.text;
  const last = body[body.length - 1];
  if (last) last.text = last.text.replace(TRAILING_EDITOR, "");
  const headings: Heading[] = [];
  let offset = 0;
  for (const line of body) {
    if (line.level !== undefined && line.text.length > 0)
      headings.push({ start: offset, end: offset + line.text.length, level: line.level });
    offset += line.text.length + 1;
  }
  doc.text = body.map((line) => line.text).join("\n");
  if (headings.length > 0) doc.headings = headings;
  return doc;
}
