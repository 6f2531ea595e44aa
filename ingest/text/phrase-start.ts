// Finds where a noun phrase begins, scanning left word by word from its head past modifiers, stopping at verbs and function words.
import stopWords from "../lexicon/data/stop-words.json" with { type: "json" };

/** Function words and action verbs that never belong to a name (hard), and verbs that often sit inside names (soft). */
const HARD_STOPS: readonly string[] = stopWords.hard;

/** Verbs that often sit inside names (创新发展试验区, 数字乡村建设工程): they end a phrase only when a hard stop or a boundary precedes them. */
const SOFT_STOPS = new Set(stopWords.soft);

const STOPS = new Set(HARD_STOPS);

/** Whether a character can be part of a name: CJK, Latin letters, digits, the middle dot and inner quotes. */
export function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  return /[\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9·“”+＋]/u.test(c);
}

/** Whether a word is made only of stop words (积极培育 = 积极 + 培育), so that it ends a phrase. */
function isStopWord(word: string, soft: boolean): boolean {
  if (STOPS.has(word)) return soft || !SOFT_STOPS.has(word);
  if (word.length > 8) return false;
  return decomposes(word, false);
}

/** Whether a word splits into stop words, at least one of them hard (全面实施 = 全面 + 实施). */
function decomposes(word: string, sawHard: boolean): boolean {
  if (word.length === 0) return sawHard;
  for (let i = Math.min(word.length, 5); i >= 1; i--) {
    const head = word.slice(0, i);
    if (STOPS.has(head) && decomposes(word.slice(i), sawHard || !SOFT_STOPS.has(head))) return true;
  }
  return false;
}

/** Whether the text at `p` opens with a function word or hard action verb (做强产业平台, 更高附加值), or its first word is a stop word; with `soft`, a verb that may sit inside names (培育大产业) counts too. */
export function stopWordAt(text: string, words: Uint8Array, p: number, soft = false): boolean {
  for (let n = 1; n <= 4; n++) {
    const head = text.slice(p, p + n);
    if (STOPS.has(head) && (soft || !SOFT_STOPS.has(head)) && words[p + n]) return true;
  }
  let q = p + 1;
  while (q < text.length && !words[q]) q++;
  return isStopWord(text.slice(p, q), soft);
}

/** The last offset at or before `from`, and not before `floor`, holding one of `chars`; -1 when none (a bounded lastIndexOf). */
function lastOf(text: string, chars: string, from: number, floor: number): number {
  for (let i = from; i >= floor; i--) if (chars.includes(text[i]!)) return i;
  return -1;
}

function previousBoundary(words: Uint8Array, p: number): number {
  let q = p - 1;
  while (q > 0 && !words[q]) q--;
  return q;
}

/** Whether one to three words ending at `p` together form a stop (jieba splits some verbs: 做/大). */
function stopEndsAt(text: string, words: Uint8Array, p: number, limit: number): boolean {
  let q = p;
  for (let n = 0; n < 3 && q > limit; n++) {
    q = previousBoundary(words, q);
    if (isStopWord(text.slice(q, p), false)) return true;
  }
  return false;
}

/** Returns where the phrase whose head starts at `headStart` begins: never before `floor`, at most `maxLength` characters, right after the nearest verb, function word or punctuation; `words` marks word boundaries; with `verbsInside`, verbs such as 发展/建设 may sit inside the name (programme and platform names). */
export function phraseStart(
  text: string,
  headStart: number,
  floor: number,
  words: Uint8Array,
  maxLength = 24,
  verbsInside = false,
): number {
  const limit = Math.max(floor, headStart - maxLength);
  let p = headStart;
  while (p > limit) {
    const c = text[p - 1]!;
    if (c === "）" || c === ")") {
      const open = lastOf(text, "（(", p - 1, Math.max(limit, p - 9));
      if (open > limit && p - open <= 8 && isNameChar(text[open - 1])) {
        p = open;
        continue;
      }
      break;
    }
    if (c === "”") {
      const open = lastOf(text, "“", p - 1, Math.max(limit, p - 19));
      if (open >= limit && p - open <= 18) {
        p = open;
        continue;
      }
      break;
    }
    if (!isNameChar(c) || c === "“") break;
    const q = previousBoundary(words, p);
    if (q < limit) break;
    const word = text.slice(q, p);
    if ([...word].some((ch) => !isNameChar(ch))) {
      let k = p;
      while (k > q && isNameChar(text[k - 1])) k--;
      p = k;
      break;
    }
    if (isStopWord(word, false) || stopEndsAt(text, words, p, limit) || (!verbsInside && word === "同")) break;
    if (SOFT_STOPS.has(word)) {
      if (!verbsInside) break;
      const r = previousBoundary(words, q);
      const before = text.slice(r, q);
      if (q <= limit || !isNameChar(text[q - 1]) || isStopWord(before, false) || q === floor) break;
    }
    p = q;
  }
  return p;
}
