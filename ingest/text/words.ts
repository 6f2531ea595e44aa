// Word boundaries from jieba, so stop words and gazetteer matches count only where they are whole words.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

let jieba: Jieba | undefined;

/** Marks every offset of the text where a jieba word starts or ends (1) — the places a name may begin or end. */
export function wordBoundaries(text: string, extraWords: Iterable<string> = []): Uint8Array {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    const user = [...extraWords].map((w) => `${w} 1000 ns`).join("\n");
    if (user) jieba.loadDict(Buffer.from(user));
  }
  const marks = new Uint8Array(text.length + 1);
  let offset = 0;
  marks[0] = 1;
  for (const token of jieba.cut(text, false)) {
    offset += token.length;
    marks[offset] = 1;
  }
  return marks;
}
