// Stage structure: finds marked headings, parts, chapters, articles, sub-sections and lead-sentence paragraphs, and the role of each.
import type { DocumentStructure, Heading, Paragraph, Section, SectionRole } from "../types.ts";

const NUM = "[一二三四五六七八九十百零〇]+";

/** Numbering styles from outermost to innermost, as Chinese official documents nest them. */
const STYLES: { name: string; pattern: RegExp }[] = [
  { name: "part", pattern: new RegExp(`^第${NUM}篇[\\s\\u3000]*`, "u") },
  { name: "chapter", pattern: new RegExp(`^第${NUM}章[\\s\\u3000]*`, "u") },
  { name: "division", pattern: new RegExp(`^第${NUM}节[\\s\\u3000]*`, "u") },
  { name: "ordinal", pattern: new RegExp(`^第${NUM}[，,]`, "u") },
  { name: "cn", pattern: new RegExp(`^${NUM}、`, "u") },
  { name: "cn-paren", pattern: new RegExp(`^[（(]${NUM}[）)]`, "u") },
  { name: "arabic", pattern: /^\d{1,3}[．.、](?!\d)/u },
  { name: "arabic-paren", pattern: /^[（(]\d{1,3}[）)]/u },
];

/** A short lead sentence that opens an unnumbered sub-section (加强川渝协同联动。…). */
const LEAD_SENTENCE = /^(——)?([^，。；：！？\n]{2,24})[。！：:]/u;

function roleOf(heading: string): { role?: SectionRole; horizon?: number } {
  const h = heading.replace(/[“”"]/gu, "");
  if (/远景目标$|2035年/u.test(h) && /目标/u.test(h)) return { role: "long-range", horizon: 2035 };
  if (/(主要|发展|奋斗|总体|预期)目标$/u.test(h) || /目标(是|为)?$/u.test(h))
    return { role: "goals", horizon: horizonOf(h) };
  if (/回顾|过去五年|过去一年|工作总结|成就|成绩/u.test(h)) return { role: "review" };
  return {};
}

/** The role a section takes from its parent: reviews pass down to every child, goal roles only to unnumbered lead paragraphs (a chapter named …和主要目标 also holds its guiding principles). */
function inherited(parent: Section | undefined, lead: boolean): SectionRole {
  if (!parent || parent.role === "body") return "body";
  return parent.role === "review" || lead ? parent.role : "body";
}

/** The year a plan-period phrase points to: 十四五 → 2025, 十五五 → 2030, 到2035年 → 2035. */
export function horizonOf(text: string): number | undefined {
  const m = /到(20\d\d)年|展望(20\d\d)年|(20\d\d)年远景|(20\d\d)年(?:的)?(?:重点|主要)?(?:工作|任务)/u.exec(text);
  if (m) return Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
  if (/十五五/u.test(text)) return 2030;
  if (/十四五/u.test(text)) return 2025;
  if (/十三五/u.test(text)) return 2020;
  return undefined;
}

/** Splits the cleaned text into paragraphs (one per line). */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** The nesting rank of a marked heading: below zero, so `#` > `##` > … > every numbering style (a marked heading closes numbered sections). */
const markedStyle = (level: number) => level - 7;

/**
 * Finds the document's sections: headings the input marked (Markdown `#`) nest by their level above everything else,
 * numbered headings nest by numbering style, short lead sentences open unnumbered sub-sections.
 */
export function structure(text: string, headings: readonly Heading[] = []): DocumentStructure {
  const marked = new Map(headings.map((h) => [h.start, h.level]));
  const paragraphs = paragraphsOf(text);
  const sections: Section[] = [];
  const stack: { style: number; section: Section; children: number }[] = [];
  let topCount = 0;
  const open = (style: number, number: string, p: Paragraph, headingEnd: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.style >= style) stack.pop();
    const parent = stack[stack.length - 1];
    const ordinal = parent ? ++parent.children : ++topCount;
    const heading = text
      .slice(p.start + number.length, headingEnd)
      .replace(/[。：:]$/u, "")
      .trim();
    const own = roleOf(heading);
    const section: Section = {
      path: parent ? `${parent.section.path}.${ordinal}` : String(ordinal),
      number: number.trim(),
      depth: stack.length + 1,
      heading,
      start: p.start,
      end: p.end,
      headingStart: p.start,
      headingEnd,
      role: own.role ?? inherited(parent?.section, style === STYLES.length),
    };
    const horizon = own.horizon ?? (own.role ? undefined : parent?.section.horizon) ?? horizonOf(heading);
    if (horizon !== undefined) section.horizon = horizon;
    sections.push(section);
    stack.push({ style, section, children: 0 });
  };
  for (const p of paragraphs) {
    const para = text.slice(p.start, p.end);
    const style = STYLES.findIndex((s) => s.pattern.test(para));
    const level = marked.get(p.start);
    if (level !== undefined)
      open(markedStyle(level), style >= 0 ? STYLES[style]!.pattern.exec(para)![0] : "", p, p.end);
    else if (style >= 0) {
      const number = STYLES[style]!.pattern.exec(para)![0];
      const rest = para.slice(number.length);
      const stop = rest.search(/[。！？]/u);
      // A numbered heading ends at its first full stop within 80 characters, else with its paragraph.
      const headingEnd =
        p.start + number.length + (stop >= 0 && stop < 80 ? stop + 1 : rest.length <= 80 ? rest.length : 0);
      open(style, number, p, headingEnd > p.start + number.length ? headingEnd : p.end);
    } else if (stack.length > 0) {
      const lead = LEAD_SENTENCE.exec(para);
      if (lead && para.length > lead[0].length + 10) open(STYLES.length, lead[1] ?? "", p, p.start + lead[0].length);
    }
    for (const entry of stack) entry.section.end = p.end;
  }
  return { sections, paragraphs };
}
