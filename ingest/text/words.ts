// Word boundaries from jieba (with place names as user words), so names begin and end only at whole words.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

let jieba: Jieba | undefined;

/** Loads jieba with its dictionary plus the given words as place names, once per process. */
export function initWords(placeNames: Iterable<string>): void {
  if (jieba) return;
  jieba = Jieba.withDict(dict);
  const user = [...placeNames].filter((w) => w.length >= 2).map((w) => `${w} 2000 ns`);
  if (user.length > 0) jieba.loadDict(Buffer.from(user.join("\n")));
}

/** Marks every offset of the text where a jieba word starts or ends (1): the places a name may begin or end. */
export function wordBoundaries(text: string): Uint8Array {
  if (!jieba) initWords([]);
  const marks = new Uint8Array(text.length + 1);
  let offset = 0;
  marks[0] = 1;
  for (const token of jieba!.cut(text, false)) {
    offset += token.length;
    marks[offset] = 1;
  }
  return marks;
}

/** The words of a phrase with their part-of-speech tags (jieba's ICTCLAS tags: n noun, v verb, a adjective …). */
export function taggedWords(phrase: string): { word: string; tag: string }[] {
  if (!jieba) initWords([]);
  return jieba!.tag(phrase, false);
}
