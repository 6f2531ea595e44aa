// Offset look-ups shared by the recognisers: which sentence holds an offset, and clause spans inside a sentence.
import type { LexiconHit, Mention, Sentence } from "../types.ts";

/** The index of the sentence containing `offset` (binary search), or -1 when it falls between sentences. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const CLAUSE_BREAK = new Set([..."，；。：！？,;:"].map((c) => c.charCodeAt(0)));
const OPENERS = new Map([..."“（(《"].map((c, i) => [c.charCodeAt(0), "”）)》".charCodeAt(i)] as const));

/** Splits a span into clauses at commas, semicolons and colons outside quotes and brackets; returns [start, end) pairs without the punctuation. */
export function clauses(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (stack.length > 0 && c === stack[stack.length - 1]) stack.pop();
    else if (OPENERS.has(c)) stack.push(OPENERS.get(c)!);
    else if (stack.length === 0 && CLAUSE_BREAK.has(c)) {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  if (end > s) out.push([s, end]);
  return out;
}

/** Mentions grouped by the sentence they are in, so look-ups around an offset scan one sentence, not the document. */
export function bySentence(mentions: readonly Mention[]): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  return out;
}

/** Sorts lexicon matches by start, then longest first. */
export function sortHits(hits: LexiconHit[]): LexiconHit[] {
  return hits.sort((a, b) => a.begin - b.begin || b.end - a.end);
}

/** The matches lying wholly inside [start, end), with offsets relative to `start` (as matching the slice would give them). */
export function hitsIn(hits: readonly LexiconHit[], start: number, end: number): LexiconHit[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.begin < start) lo = mid + 1;
    else hi = mid;
  }
  const out: LexiconHit[] = [];
  for (let i = lo; i < hits.length && hits[i]!.begin < end; i++) {
    const h = hits[i]!;
    if (h.end <= end) out.push({ begin: h.begin - start, end: h.end - start, keyword: h.keyword });
  }
  return out;
}
