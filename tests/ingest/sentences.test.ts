// Tests for the sentences stage: splitting on 。！？； outside quotes and brackets, with exact offsets.
import { describe, expect, it } from "vitest";
import { ingestDocument } from "../../ingest/pipeline.ts";
import { MAX_SENTENCE, sentences, splitSentences } from "../../ingest/stages/sentences.ts";
import { structure } from "../../ingest/stages/structure.ts";

describe("sentences", () => {
  it("splits on 。！？； but not inside quotes or brackets", () => {
    // From the sample plan, article 16 and chapter 四 (data/plans/hebei-14th-fyp-proposal.txt).
    const text =
      "规划建设雄安“科技自由港”，布局建设国家实验室。推行“最多跑一次；一网通办”改革（见附件。说明）！是否可行？";
    const spans = splitSentences(text, 0, text.length).map(([a, b]) => text.slice(a, b));
    expect(spans).toEqual([
      "规划建设雄安“科技自由港”，布局建设国家实验室。",
      "推行“最多跑一次；一网通办”改革（见附件。说明）！",
      "是否可行？",
    ]);
  });

  it("keeps a closing quote with the sentence it ends", () => {
    const text = "确保“北京不去、河北不聚。”坚持专群结合。";
    expect(splitSentences(text, 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual([
      "确保“北京不去、河北不聚。”",
      "坚持专群结合。",
    ]);
  });

  it("gives offsets whose slice is the sentence, with its section and heading flag", () => {
    const text =
      "一、坚持创新驱动发展\n15．优化整合科技资源力量。实施科技强省行动。加快建设雄安国际科技成果展示交易中心。";
    const { list } = sentences(text, structure(text));
    for (const s of list) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(list.map((s) => [s.section, s.isHeading])).toEqual([
      ["1", true],
      ["1.1", true],
      ["1.1", false],
      ["1.1", false],
    ]);
  });

  it("cuts a run longer than MAX_SENTENCE at clause marks, keeping every character and offset, and the pipeline warns", () => {
    // A page of real clauses with the full stops lost, as a badly converted file gives it.
    const clause = "加快建设雄安国际科技成果展示交易中心，";
    const text = clause.repeat(Math.ceil((3 * MAX_SENTENCE) / clause.length));
    const { list, cut } = sentences(text, structure(text));
    expect(cut).toBe(1);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((s) => s.end - s.start <= MAX_SENTENCE && text.slice(s.start, s.end) === s.text)).toBe(true);
    expect(list.every((s) => s.text.endsWith("，") || s === list[list.length - 1])).toBe(true);
    expect(list.map((s) => s.text).join("")).toBe(text);
    const { issues } = ingestDocument(Buffer.from(text), "long.txt", "long");
    expect(issues.map((i) => i.code)).toContain("structure/long-sentence");
  });
});
