// Enumerations: the items of a 、-separated list ending at a given offset, for rules that read a list as a whole.
import { isNameChar, phraseStart, stopWordAt } from "./phrase-start.ts";

/** One item of an enumeration, as offsets into the text. */
export interface ListItem {
  start: number;
  end: number;
}

/** Characters that end an enumeration on its left: clause punctuation and opening brackets. */
const LIST_STOP = new Set([..."，,；;：:。！？（(【\n"]);

/** Connectors that join the last two items of a list (甲、乙和丙; 甲、乙以及丙); 与/及 stay inside an item (船舶与海洋工程装备). */
const CONNECTOR = /(以及|和)/gu;

/** Whether a span can be one item of a list: name characters only (quotes allowed), one to `maxItem` characters, no 的, and no part around 与/及 opening with a function word or verb (更高附加值 is not a name; 船舶与海洋工程装备 is). */
function nameLike(text: string, start: number, end: number, words: Uint8Array, maxItem: number): boolean {
  if (end - start < 1 || end - start > maxItem) return false;
  for (let i = start; i < end; i++) if (!isNameChar(text[i]) && text[i] !== "”" && text[i] !== "“") return false;
  if (/的/u.test(text.slice(start, end))) return false;
  let s = start;
  for (const part of text.slice(start, end).split(/[与及]/u)) {
    if (part.length === 0 || stopWordAt(text, words, s, true)) return false;
    s += part.length + 1;
  }
  return true;
}

/** Splits an item at a joining 和/以及 when both sides are names of two or more characters (绿色环保以及航空航天 → two items). */
function splitJoined(text: string, item: ListItem): ListItem[] {
  const slice = text.slice(item.start, item.end);
  for (const m of slice.matchAll(CONNECTOR)) {
    const left = m.index;
    const right = slice.length - m.index - m[0].length;
    if (left >= 2 && right >= 2)
      return [
        { start: item.start, end: item.start + left },
        { start: item.start + left + m[0].length, end: item.end },
      ];
  }
  return [item];
}

/**
 * The items of the 、-separated list whose last item ends at `end`, left to right; the leftmost item starts where
 * its phrase starts (推动石化、钢铁 → 石化), a 和/以及 between the last items splits them, and the walk stops at
 * clause punctuation, at `floor`, or at an item longer than `maxItem` characters. A single item is returned alone.
 */
export function listItems(text: string, end: number, floor: number, words: Uint8Array, maxItem = 12): ListItem[] {
  const items: ListItem[] = [];
  let e = end;
  for (;;) {
    let s = e;
    while (s > floor && text[s - 1] !== "、" && !LIST_STOP.has(text[s - 1]!) && e - s <= maxItem) s--;
    if (text[s - 1] === "、" && nameLike(text, s, e, words, maxItem)) {
      items.push({ start: s, end: e });
      e = s - 1;
      continue;
    }
    const first = phraseStart(text, e, Math.max(floor, e - maxItem), words, maxItem);
    if (first < e && nameLike(text, first, e, words, maxItem)) items.push({ start: first, end: e });
    break;
  }
  return items.reverse().flatMap((item) => splitJoined(text, item));
}
