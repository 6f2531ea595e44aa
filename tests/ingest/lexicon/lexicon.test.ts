// The lexicon built from the official division list and the shipped data files: names, codes, parents, abbreviations, English.
import { describe, expect, it } from "vitest";
import { lexicon } from "../../../ingest/lexicon/index.ts";
import { shortName } from "../../../ingest/lexicon/divisions.ts";
import { naturalEnglish, romanize } from "../../../ingest/lexicon/english.ts";

const lex = lexicon();

describe("the division lexicon", () => {
  it("knows every province, prefecture and county with its code and parents", () => {
    const kinds = [...lex.regions.values()].reduce<Record<string, number>>(
      (c, r) => ({ ...c, [r.kind]: (c[r.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds.province).toBe(34);
    expect(kinds.prefecture).toBeGreaterThan(320);
    expect(kinds.county).toBeGreaterThan(2800);
    expect(lex.regions.get("130209")).toMatchObject({
      name: "曹妃甸区",
      officialName: "曹妃甸区",
      ancestors: ["130200", "130000", "CN"],
      nameEn: "Caofeidian District",
    });
  });

  it("adds 雄安新区, which no dataset lists, over the three counties it governs", () => {
    const key = lex.regionForms.get("雄安")![0]!.key;
    const xiongan = lex.regions.get(key)!;
    expect(xiongan).toMatchObject({ name: "雄安新区", kind: "new-area", nameEn: "Xiong'an New Area" });
    expect(xiongan.ancestors[0]).toBe("130000");
    expect(lex.regions.get("130632")!.ancestors[0]).toBe(key);
  });

  it("maps official abbreviations and literary names to their provinces", () => {
    expect(lex.abbreviations.get("冀")).toBe("130000");
    expect(lex.abbreviations.get("粤")).toBe("440000");
    expect(lex.regionForms.get("燕赵大地")![0]!.key).toBe("130000");
  });

  it("lets county short names match only in plans of the same province, and never common words", () => {
    expect(lex.regionForms.get("怀来")).toEqual([{ key: "130730", policy: "same-province" }]);
    expect(lex.regionForms.get("复兴")).toBeUndefined();
    expect(lex.regionForms.get("唐山")![0]!.policy).toBe("anywhere");
  });

  it("shortens official names the way plans write them", () => {
    expect(shortName("新疆维吾尔自治区")).toBe("新疆");
    expect(shortName("延边朝鲜族自治州")).toBe("延边");
    expect(shortName("阿坝藏族羌族自治州")).toBe("阿坝");
    expect(shortName("石家庄市")).toBe("石家庄");
    expect(shortName("锡林郭勒盟")).toBe("锡林郭勒");
  });

  it("romanises place names for English labels", () => {
    expect(romanize("西安")).toBe("Xi'an");
    expect(lex.regions.get("610000")!.nameEn).toBe("Shaanxi");
    expect(naturalEnglish("太行山—燕山")).toBe("Taihang Mountains—Yan Mountains");
  });
});
