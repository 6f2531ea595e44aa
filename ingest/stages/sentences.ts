// Stage sentences: splits paragraphs on 。！？； outside quotes and brackets, keeping exact offsets and the enclosing section.
import type { DocumentStructure, Section, Sentence } from "../types.ts";

const code = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const ENDS = code("。！？；!?;");
const OPEN = new Map([..."“（(《「『‘【"].map((c, i) => [c.charCodeAt(0), "”）)》」』’】".charCodeAt(i)] as const));
const CLOSERS = new Set(OPEN.values());
const CLOSE_QUOTE = "”".charCodeAt(0);

/** Splits one span of text into sentence spans, never inside a quotation or bracket (unbalanced marks are reset at the span end). */
export function splitSentences(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (stack.length > 0 && c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0 && c === CLOSE_QUOTE && ENDS.has(text.charCodeAt(i - 1))) {
        out.push([s, i + 1]);
        s = i + 1;
      }
    } else if (OPEN.has(c)) {
      if (stack.length < 8) stack.push(OPEN.get(c)!);
    } else if (stack.length === 0 && ENDS.has(c)) {
      let j = i + 1;
      while (j < end && (CLOSERS.has(text.charCodeAt(j)) || ENDS.has(text.charCodeAt(j)))) j++;
      out.push([s, j]);
      s = j;
      i = j - 1;
    }
    if (stack.length > 0 && i - s > 400) stack.length = 0;
  }
  if (s < end) out.push([s, end]);
  return out.filter(([a, b]) => /\S/u.test(text.slice(a, b)));
}

/** The longest sentence the recognisers read whole; longer runs (a page without a full stop) are cut at clause marks. */
export const MAX_SENTENCE = 1000;

/** Cuts a span longer than MAX_SENTENCE at the last clause mark (，；、) before the limit, or at the limit. */
function cutLong(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  while (end - s > MAX_SENTENCE) {
    const window = text.slice(s, s + MAX_SENTENCE);
    const mark = Math.max(window.lastIndexOf("，"), window.lastIndexOf("；"), window.lastIndexOf("、"));
    const cut = mark > MAX_SENTENCE / 2 ? s + mark + 1 : s + MAX_SENTENCE;
    out.push([s, cut]);
    s = cut;
  }
  out.push([s, end]);
  return out;
}

/** Lists every sentence of the document with its offsets, section path and paragraph; heading sentences are flagged; a run longer than MAX_SENTENCE characters is cut into pieces, and `cut` counts such runs. */
export function sentences(text: string, doc: DocumentStructure): { list: Sentence[]; cut: number } {
  const out: Sentence[] = [];
  let cut = 0;
  const { sections, paragraphs } = doc;
  let last = -1;
  paragraphs.forEach((p, paragraph) => {
    for (const [start, end] of splitSentences(text, p.start, p.end).flatMap(([a, b]) => {
      if (b - a <= MAX_SENTENCE) return [[a, b] as [number, number]];
      cut++;
      return cutLong(text, a, b);
    })) {
      while (last + 1 < sections.length && sections[last + 1]!.start <= start) last++;
      let k = last;
      while (k >= 0 && sections[k]!.end <= start) k--;
      const section: Section | undefined = sections[k];
      out.push({
        index: out.length,
        start,
        end,
        text: text.slice(start, end),
        section: section?.path ?? "0",
        paragraph,
        isHeading: section !== undefined && section.headingStart <= start && end <= section.headingEnd,
      });
    }
  });
  return { list: out, cut };
}
