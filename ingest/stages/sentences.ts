// Stage sentences: splits paragraphs on 。！？； outside quotes and brackets, keeping exact offsets and the enclosing section.
import type { DocumentStructure, Section, Sentence } from "../types.ts";

const ENDS = new Set(["。", "！", "？", "；", "!", "?", ";"]);
const OPEN: Record<string, string> = {
  "“": "”",
  "（": "）",
  "(": ")",
  "《": "》",
  "「": "」",
  "『": "』",
  "‘": "’",
  "【": "】",
};
const CLOSERS = new Set(Object.values(OPEN));

/** Splits one span of text into sentence spans, never inside a quotation or bracket (unbalanced marks are reset at the span end). */
export function splitSentences(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const stack: string[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (stack.length > 0 && c === stack[stack.length - 1]) stack.pop();
    else if (c in OPEN) {
      if (stack.length < 8) stack.push(OPEN[c]!);
    } else if (stack.length === 0 && ENDS.has(c)) {
      let j = i + 1;
      while (j < end && (CLOSERS.has(text[j]!) || ENDS.has(text[j]!))) j++;
      out.push([s, j]);
      s = j;
      i = j - 1;
    }
    if (stack.length > 0 && i - s > 400) stack.length = 0;
  }
  if (s < end) out.push([s, end]);
  return out.filter(([a, b]) => text.slice(a, b).trim().length > 0);
}

function innermost(sections: Section[], offset: number, from: number): number {
  let best = -1;
  for (let i = from; i < sections.length; i++) {
    const s = sections[i]!;
    if (s.start > offset) break;
    if (s.end > offset) best = i;
  }
  return best;
}

/** Lists every sentence of the document with its offsets, section path and paragraph; heading sentences are flagged. */
export function sentences(text: string, doc: DocumentStructure): Sentence[] {
  const out: Sentence[] = [];
  const { sections, paragraphs } = doc;
  let from = 0;
  paragraphs.forEach((p, paragraph) => {
    while (from < sections.length && sections[from]!.end <= p.start) from++;
    for (const [start, end] of splitSentences(text, p.start, p.end)) {
      const si = innermost(sections, start, 0);
      const section = sections[si];
      out.push({
        index: out.length,
        start,
        end,
        text: text.slice(start, end),
        section: section?.path ?? "0",
        paragraph,
        isHeading: sections.some((s) => s.headingStart <= start && end <= s.headingEnd),
      });
    }
  });
  return out;
}
